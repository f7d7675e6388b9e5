#include "validate/jpeg_image.h"

// jpeglib.h needs size_t and FILE declared before it.
#include <jpeglib.h>

#include <csetjmp>
#include <cstdio>
#include <vector>

namespace kansli {
namespace {

struct JpegError {
  jpeg_error_mgr manager{};  // first, so a j_common_ptr's err can be cast back
  std::jmp_buf jump{};
  char message[JMSG_LENGTH_MAX] = {};
};

[[noreturn]] void OnError(j_common_ptr cinfo) {
  auto* error = reinterpret_cast<JpegError*>(cinfo->err);
  cinfo->err->format_message(cinfo, error->message);
  std::longjmp(error->jump, 1);
}

// Warnings (a file that ends early, bad Huffman data) are counted, not printed.
void OnOutput(j_common_ptr) {}

// Owns a decompressor and its error manager.
class JpegReader {
 public:
  JpegReader() {
    cinfo_.err = jpeg_std_error(&error_.manager);
    error_.manager.error_exit = OnError;
    error_.manager.output_message = OnOutput;
  }
  ~JpegReader() {
    if (created_) jpeg_destroy_decompress(&cinfo_);
  }
  JpegReader(const JpegReader&) = delete;
  JpegReader& operator=(const JpegReader&) = delete;

  jpeg_decompress_struct* cinfo() { return &cinfo_; }
  JpegError& error() { return error_; }
  void set_created() { created_ = true; }

 private:
  JpegError error_;
  jpeg_decompress_struct cinfo_{};
  bool created_ = false;
};

// Runs fn, which calls libjpeg, under a setjmp. fn's frame must hold no object with a
// destructor: a libjpeg error jumps straight back here.
template <typename Fn>
bool Guarded(JpegError& error, Fn&& fn) {
  if (setjmp(error.jump)) return false;
  fn();
  return true;
}

void ReadHeader(jpeg_decompress_struct* cinfo, std::string_view bytes) {
  jpeg_mem_src(cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(cinfo, TRUE);
}

// Decodes every scanline into one row buffer, fast and rough: only errors matter here.
void ReadScanlines(jpeg_decompress_struct* cinfo, unsigned char* row) {
  JSAMPROW rows[1] = {row};
  while (cinfo->output_scanline < cinfo->output_height) jpeg_read_scanlines(cinfo, rows, 1);
  jpeg_finish_decompress(cinfo);
}

}  // namespace

bool IsJpeg(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
         static_cast<unsigned char>(bytes[1]) == 0xD8 &&
         static_cast<unsigned char>(bytes[2]) == 0xFF;
}

std::optional<ImageInfo> CheckJpeg(std::string_view bytes, std::string& error) {
  JpegReader reader;
  jpeg_decompress_struct* cinfo = reader.cinfo();
  JpegError& jpeg_error = reader.error();
  if (!Guarded(jpeg_error, [&] {
        jpeg_create_decompress(cinfo);
        reader.set_created();
        ReadHeader(cinfo, bytes);
      })) {
    error = jpeg_error.message;
    return std::nullopt;
  }
  if (cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK) {
    error = "a CMYK JPEG cannot be used in a PDF/A with an sRGB output intent; save it as RGB";
    return std::nullopt;
  }
  ImageInfo info{.format = ImageFormat::kJpeg,
                 .width = static_cast<int>(cinfo->image_width),
                 .height = static_cast<int>(cinfo->image_height)};
  if (static_cast<uint64_t>(info.width) * static_cast<uint64_t>(info.height) > kMaxImagePixels) {
    error = "image has more than 50 megapixels";
    return std::nullopt;
  }
  if (cinfo->saw_JFIF_marker && cinfo->X_density > 0 && cinfo->Y_density > 0 &&
      (cinfo->density_unit == 1 || cinfo->density_unit == 2)) {
    const double per_inch = cinfo->density_unit == 1 ? 1.0 : 2.54;
    info.dpi_x = cinfo->X_density * per_inch;
    info.dpi_y = cinfo->Y_density * per_inch;
  }
  cinfo->dct_method = JDCT_IFAST;
  cinfo->do_fancy_upsampling = FALSE;
  std::vector<unsigned char> row;
  if (!Guarded(jpeg_error, [&] { jpeg_start_decompress(cinfo); })) {
    error = jpeg_error.message;
    return std::nullopt;
  }
  row.resize(static_cast<size_t>(cinfo->output_width) * cinfo->output_components);
  unsigned char* data = row.data();
  if (!Guarded(jpeg_error, [&] { ReadScanlines(cinfo, data); })) {
    error = jpeg_error.message;
    return std::nullopt;
  }
  if (jpeg_error.manager.num_warnings > 0) {
    error = "the image data is corrupt or ends too early";
    return std::nullopt;
  }
  return info;
}

#define KANSLI_STRINGIZE_(x) #x
#define KANSLI_STRINGIZE(x) KANSLI_STRINGIZE_(x)
std::string LibjpegVersion() {
#ifdef LIBJPEG_TURBO_VERSION
  return KANSLI_STRINGIZE(LIBJPEG_TURBO_VERSION) " (libjpeg-turbo)";
#else
  return "libjpeg " KANSLI_STRINGIZE(JPEG_LIB_VERSION);
#endif
}

}  // namespace kansli
