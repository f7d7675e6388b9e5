#include "validate/png_image.h"

#include <png.h>

#include <cstring>
#include <vector>

namespace kansli {
namespace {

struct MemorySource {
  std::string_view bytes;
  size_t at = 0;
};

void ReadFromMemory(png_structp png, png_bytep out, size_t length) {
  auto* source = static_cast<MemorySource*>(png_get_io_ptr(png));
  if (length > source->bytes.size() - source->at) png_error(png, "file ends too early");
  std::memcpy(out, source->bytes.data() + source->at, length);
  source->at += length;
}

// Keeps libpng's message for the diagnostic, then jumps back to the setjmp in Guarded.
[[noreturn]] void OnError(png_structp png, png_const_charp message) {
  auto* error = static_cast<std::string*>(png_get_error_ptr(png));
  if (error != nullptr) *error = message;
  png_longjmp(png, 1);
}

void OnWarning(png_structp, png_const_charp) {}

// Owns a read struct and its info struct.
class PngReader {
 public:
  PngReader(std::string_view bytes, std::string* error)
      : source_{bytes},
        png_(png_create_read_struct(PNG_LIBPNG_VER_STRING, error, OnError, OnWarning)) {
    if (png_ == nullptr) return;
    info_ = png_create_info_struct(png_);
    png_set_read_fn(png_, &source_, ReadFromMemory);
  }
  ~PngReader() { png_destroy_read_struct(&png_, info_ != nullptr ? &info_ : nullptr, nullptr); }
  PngReader(const PngReader&) = delete;
  PngReader& operator=(const PngReader&) = delete;

  bool ok() const { return png_ != nullptr && info_ != nullptr; }
  png_structp png() const { return png_; }
  png_infop info() const { return info_; }

 private:
  MemorySource source_;
  png_structp png_ = nullptr;
  png_infop info_ = nullptr;
};

// Runs fn, which calls libpng, under a setjmp. fn's frame must hold no object with a
// destructor: a libpng error jumps straight back here.
template <typename Fn>
bool Guarded(png_structp png, Fn&& fn) {
  if (setjmp(png_jmpbuf(png))) return false;
  fn();
  return true;
}

// Reads up to the first image data; sets the transformations to 8-bit RGB or RGBA.
void ReadHeader(png_structp png, png_infop info, ImageInfo* out, bool to_rgb) {
  png_read_info(png, info);
  out->width = static_cast<int>(png_get_image_width(png, info));
  out->height = static_cast<int>(png_get_image_height(png, info));
  if (static_cast<uint64_t>(out->width) * static_cast<uint64_t>(out->height) > kMaxImagePixels) {
    png_error(png, "image has more than 50 megapixels");
  }
  png_uint_32 x = 0, y = 0;
  int unit = 0;
  if (png_get_pHYs(png, info, &x, &y, &unit) != 0 && unit == PNG_RESOLUTION_METER) {
    out->dpi_x = x * 0.0254;
    out->dpi_y = y * 0.0254;
  }
  if (to_rgb) {
    png_set_palette_to_rgb(png);
    png_set_expand_gray_1_2_4_to_8(png);
    png_set_tRNS_to_alpha(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
  }
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
}

// Every pass of every row into `rows` (row_bytes each, `row_count` of them: 1 to only check).
void ReadRows(png_structp png, png_infop info, unsigned char* rows, size_t row_bytes,
              size_t row_count) {
  const int passes = png_set_interlace_handling(png);
  const png_uint_32 height = png_get_image_height(png, info);
  for (int pass = 0; pass < passes; ++pass) {
    for (png_uint_32 y = 0; y < height; ++y) {
      png_read_row(png, rows + (row_count == 1 ? 0 : y) * row_bytes, nullptr);
    }
  }
  png_read_end(png, nullptr);
}

}  // namespace

bool IsPng(std::string_view bytes) {
  return bytes.size() >= 8 &&
         png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) == 0;
}

std::optional<ImageInfo> CheckPng(std::string_view bytes, std::string& error) {
  PngReader reader(bytes, &error);
  if (!reader.ok()) {
    error = "out of memory";
    return std::nullopt;
  }
  ImageInfo info{.format = ImageFormat::kPng};
  png_structp png = reader.png();
  png_infop png_info = reader.info();
  if (!Guarded(png, [&] { ReadHeader(png, png_info, &info, false); })) return std::nullopt;
  // One row buffer is enough to check the data: interlaced passes write into it in turn.
  std::vector<unsigned char> row(png_get_rowbytes(png, png_info));
  unsigned char* data = row.data();
  const size_t row_bytes = row.size();
  if (!Guarded(png, [&] { ReadRows(png, png_info, data, row_bytes, 1); })) return std::nullopt;
  return info;
}

std::optional<RgbImage> DecodePngToRgb(std::string_view bytes) {
  PngReader reader(bytes, nullptr);
  if (!reader.ok()) return std::nullopt;
  ImageInfo info;
  png_structp png = reader.png();
  png_infop png_info = reader.info();
  if (!Guarded(png, [&] { ReadHeader(png, png_info, &info, true); })) return std::nullopt;
  const size_t channels = png_get_channels(png, png_info);
  const size_t row_bytes = png_get_rowbytes(png, png_info);
  if ((channels != 3 && channels != 4) || row_bytes != channels * info.width) return std::nullopt;
  const size_t height = static_cast<size_t>(info.height);
  std::vector<unsigned char> pixels(row_bytes * height);
  unsigned char* data = pixels.data();
  if (!Guarded(png, [&] { ReadRows(png, png_info, data, row_bytes, height); })) {
    return std::nullopt;
  }
  RgbImage image{.width = info.width, .height = info.height};
  image.rgb.resize(static_cast<size_t>(info.width) * height * 3);
  const size_t count = static_cast<size_t>(info.width) * height;
  for (size_t i = 0; i < count; ++i) {
    const unsigned char* p = &pixels[i * channels];
    const unsigned alpha = channels == 4 ? p[3] : 255;
    for (size_t c = 0; c < 3; ++c) {
      // Over white: c·a + 255·(1 − a), rounded.
      image.rgb[i * 3 + c] = static_cast<char>((p[c] * alpha + 255 * (255 - alpha) + 127) / 255);
    }
  }
  return image;
}

std::string LibpngVersion() { return png_get_header_ver(nullptr); }

}  // namespace kansli
