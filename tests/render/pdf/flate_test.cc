#include "render/pdf/writer/flate.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace kansli::pdf {
namespace {

std::string Inflate(const std::string& deflated, size_t size) {
  std::string out(size, '\0');
  uLongf length = static_cast<uLongf>(out.size());
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                       reinterpret_cast<const Bytef*>(deflated.data()),
                       static_cast<uLong>(deflated.size())),
            Z_OK);
  out.resize(length);
  return out;
}

TEST(Pack, DeflatesContentThatShrinksAndInflatesBackToIt) {
  std::string content;
  for (int i = 0; i < 400; ++i) content += "1 0 0 1 70.866 " + std::to_string(700 - i) + " Tm\n";
  const PackedStream packed = Pack(content);
  EXPECT_TRUE(packed.deflated);
  EXPECT_LT(packed.bytes.size(), content.size() / 4);
  EXPECT_EQ(Inflate(packed.bytes, content.size()), content);
}

TEST(Pack, StoresDataFlateWouldLengthen) {
  const PackedStream packed = Pack("\xFF\xFF\xC0");  // a CIDSet of 10 glyphs
  EXPECT_FALSE(packed.deflated);
  EXPECT_EQ(packed.bytes, "\xFF\xFF\xC0");
  EXPECT_FALSE(Pack("").deflated);
}

TEST(Pack, GivesTheSameBytesEveryTimeSoPdfsAreReproducible) {
  std::string first = "BT /F1 11 Tf [<0003> -21.892 <0004>] TJ ET\n";
  for (int i = 0; i < 6; ++i) first += first;
  const PackedStream a = Pack(first);
  Pack(std::string(5000, 'x'));  // the reused compressor keeps nothing between streams
  EXPECT_EQ(Pack(first).bytes, a.bytes);
}

}  // namespace
}  // namespace kansli::pdf
