// What the image checks learn from a PNG or JPEG file, shared by validation (which reads the
// header and every row once) and the PDF writer (which embeds the image).
#pragma once

#include <cstddef>
#include <cstdint>

namespace kansli {

enum class ImageFormat { kPng, kJpeg };

// Larger files are refused: a governance document has photos and charts, not posters.
inline constexpr size_t kMaxImageBytes = 16 * 1024 * 1024;
inline constexpr uint64_t kMaxImagePixels = 50'000'000;

struct ImageInfo {
  ImageFormat format = ImageFormat::kPng;
  int width = 0;   // pixels
  int height = 0;  // pixels
  // Pixels per inch from PNG pHYs or the JPEG JFIF density; 0 when the file does not say.
  double dpi_x = 0;
  double dpi_y = 0;
};

}  // namespace kansli
