// Stream data compressed by kansli instead of libharu. libharu sets up a fresh zlib stream
// (about 270 KB, allocated and cleared) for every PDF stream, at the default level; here one
// libdeflate compressor per thread serves every stream, and data that Flate would only make
// longer (a CIDSet of a few bytes) is stored as it is.
#pragma once

#include <string>
#include <string_view>

namespace kansli::pdf {

struct PackedStream {
  std::string bytes;
  bool deflated = false;  // bytes are zlib data, to be read through /FlateDecode
};

// `raw`, deflated when that makes it shorter. The same input always gives the same bytes.
PackedStream Pack(std::string_view raw);

// The version of the library this wraps, for `kansli --version`.
std::string LibdeflateVersion();
}  // namespace kansli::pdf
