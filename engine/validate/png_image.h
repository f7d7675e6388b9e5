// libpng at the edge: the only code that includes <png.h>. libpng reports errors by
// longjmp; every call into it runs under a setjmp in a frame with no C++ objects to unwind.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "validate/image_info.h"

namespace kansli {

// Pixels as 8-bit RGB, row after row, 3 bytes a pixel.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::string rgb;
};

// True if bytes start with the PNG signature.
bool IsPng(std::string_view bytes);

// Reads the header and decodes every row once (so a truncated or corrupt file is caught),
// keeping none of the pixels. On failure sets `error` ("IDAT: CRC error", "image is 9000 × 9000
// pixels; the limit is 50 megapixels") and returns nullopt.
std::optional<ImageInfo> CheckPng(std::string_view bytes, std::string& error);

// Any bit depth, palette, grey, 16-bit or interlaced PNG as 8-bit RGB, with any alpha
// (alpha channel or tRNS) composited onto white: PDF/A-1 allows no transparency. Nullopt if
// the file cannot be decoded or is larger than kMaxImagePixels.
std::optional<RgbImage> DecodePngToRgb(std::string_view bytes);

// The version of the library this wraps, for `kansli --version`.
std::string LibpngVersion();
}  // namespace kansli
