// The only thing layout knows about fonts: how wide a string is and how tall a face is.
// The writer implements it with libharu's own metrics; tests use a fixed-width fake.
#pragma once

#include <string_view>

namespace kansli::pdf {

enum class FontFace { kRegular, kBold, kItalic, kBoldItalic, kMono };

// Bold and italic combine; mono has one face and ignores both.
FontFace FaceFor(bool bold, bool italic, bool mono);

class FontMetrics {
 public:
  virtual ~FontMetrics() = default;
  // Advance width in points of UTF-8 text set in `face` at `size` points. Layout relies on
  // widths adding up (no kerning): Width("ab") == Width("a") + Width("b").
  virtual double Width(FontFace face, double size, std::string_view utf8) const = 0;
  // Above and below the baseline, both positive, in points.
  virtual double Ascent(FontFace face, double size) const = 0;
  virtual double Descent(FontFace face, double size) const = 0;
};

}  // namespace kansli::pdf
