#include "render/search/pagefind_fragment.h"

#include <libdeflate.h>

#include <new>
#include <string_view>

namespace kansli::search {

FragmentReader::FragmentReader() : decompressor_(libdeflate_alloc_decompressor()) {
  if (decompressor_ == nullptr) throw std::bad_alloc();
}

FragmentReader::~FragmentReader() { libdeflate_free_decompressor(decompressor_); }

std::optional<nlohmann::json> FragmentReader::Read(const std::string& bytes) {
  // gzip ends with the uncompressed size, modulo 2^32; fragments are kilobytes.
  if (bytes.size() < 18) return std::nullopt;
  const auto* end = reinterpret_cast<const unsigned char*>(bytes.data() + bytes.size());
  const size_t size = end[-4] | end[-3] << 8 | end[-2] << 16 | size_t{end[-1]} << 24;
  std::string raw(size, '\0');
  if (libdeflate_gzip_decompress(decompressor_, bytes.data(), bytes.size(), raw.data(),
                                 raw.size(), nullptr) != LIBDEFLATE_SUCCESS) {
    return std::nullopt;
  }
  constexpr std::string_view kSignature = "pagefind_dcd";
  if (!raw.starts_with(kSignature)) return std::nullopt;
  nlohmann::json fragment =
      nlohmann::json::parse(raw.begin() + kSignature.size(), raw.end(), nullptr, false);
  if (fragment.is_discarded() || !fragment.is_object()) return std::nullopt;
  return fragment;
}

}  // namespace kansli::search
