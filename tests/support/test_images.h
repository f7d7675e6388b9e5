// Tiny PNG and JPEG files made in memory for image tests, so that no binary fixtures are
// needed. Test-only: libpng and libjpeg abort the test on a bad spec.
#pragma once

#include <jpeglib.h>
#include <png.h>

#include <cstdio>
#include <string>
#include <vector>

namespace kansli::testing {

struct PngSpec {
  int width = 2;
  int height = 2;
  int bit_depth = 8;
  int color_type = PNG_COLOR_TYPE_RGB;
  bool interlaced = false;
  std::vector<png_color> palette;    // PNG_COLOR_TYPE_PALETTE
  std::vector<unsigned char> trans;  // tRNS alpha per palette entry
  double dpi = 0;                    // 0: no pHYs chunk
  std::string rows;                  // packed rows, exactly as PNG stores them
};

inline void AppendPngBytes(png_structp png, png_bytep data, size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), length);
}

inline std::string MakePng(const PngSpec& spec) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_set_write_fn(png, &out, AppendPngBytes, nullptr);
  png_set_IHDR(png, info, spec.width, spec.height, spec.bit_depth, spec.color_type,
               spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!spec.palette.empty()) {
    png_set_PLTE(png, info, spec.palette.data(), static_cast<int>(spec.palette.size()));
  }
  if (!spec.trans.empty()) {
    png_set_tRNS(png, info, spec.trans.data(), static_cast<int>(spec.trans.size()), nullptr);
  }
  if (spec.dpi > 0) {
    const auto per_meter = static_cast<png_uint_32>(spec.dpi / 0.0254 + 0.5);
    png_set_pHYs(png, info, per_meter, per_meter, PNG_RESOLUTION_METER);
  }
  png_write_info(png, info);
  const size_t row_bytes = spec.rows.size() / spec.height;
  std::vector<png_bytep> rows;
  std::string pixels = spec.rows;
  for (int y = 0; y < spec.height; ++y) {
    rows.push_back(reinterpret_cast<png_bytep>(pixels.data() + y * row_bytes));
  }
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

// An 8-bit RGB PNG of one colour.
inline std::string SolidPng(int width, int height, unsigned char r, unsigned char g,
                            unsigned char b, double dpi = 0) {
  PngSpec spec{.width = width, .height = height, .dpi = dpi};
  for (int i = 0; i < width * height; ++i) spec.rows += {char(r), char(g), char(b)};
  return MakePng(spec);
}

struct JpegSpec {
  int width = 8;
  int height = 8;
  J_COLOR_SPACE color_space = JCS_RGB;  // JCS_GRAYSCALE, JCS_RGB or JCS_CMYK
  int dpi = 0;                          // 0: the JFIF header says 1:1 aspect, no unit
};

inline std::string MakeJpeg(const JpegSpec& spec) {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr error{};
  cinfo.err = jpeg_std_error(&error);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = spec.width;
  cinfo.image_height = spec.height;
  cinfo.input_components = spec.color_space == JCS_GRAYSCALE ? 1
                           : spec.color_space == JCS_CMYK    ? 4
                                                             : 3;
  cinfo.in_color_space = spec.color_space;
  jpeg_set_defaults(&cinfo);
  if (spec.dpi > 0) {
    cinfo.density_unit = 1;
    cinfo.X_density = cinfo.Y_density = static_cast<UINT16>(spec.dpi);
  }
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<unsigned char> row(spec.width * cinfo.input_components, 128);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  std::string out(reinterpret_cast<char*>(buffer), size);
  jpeg_destroy_compress(&cinfo);
  free(buffer);
  return out;
}

}  // namespace kansli::testing
