// libjpeg at the edge: the only code that includes <jpeglib.h>. libjpeg reports errors by
// longjmp; every call into it runs under a setjmp in a frame with no C++ objects to unwind.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "validate/image_info.h"

namespace kansli {

// True if bytes start with a JPEG SOI marker.
bool IsJpeg(std::string_view bytes);

// Reads the header and decodes every scanline once (so a truncated file, which libjpeg
// only warns about, is caught), keeping none of the pixels. A CMYK or YCCK JPEG is refused:
// the PDF is PDF/A with an sRGB output intent. On failure sets `error` and returns nullopt.
std::optional<ImageInfo> CheckJpeg(std::string_view bytes, std::string& error);

// The version of the library this wraps, for `kansli --version`.
std::string LibjpegVersion();
}  // namespace kansli
