// One TrueType face, read and measured once: code point → glyph and glyph → advance come
// from tables built at load, so layout's many width questions are array lookups. Immutable
// after Load, so documents rendered in parallel share one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct hb_face_t;

namespace kansli::pdf {

struct FontSubset;
class FontFile;
std::optional<FontSubset> SubsetFont(const FontFile& font, const std::vector<uint16_t>& glyphs);

// What a PDF font descriptor says of a face, in font units (y up from the baseline).
struct FontFacts {
  std::string postscript_name;  // letters, digits, '-' and '_' only: safe as a PDF name
  int units_per_em = 1000;
  int ascent = 0;
  int descent = 0;  // negative
  int cap_height = 0;
  int bbox[4] = {0, 0, 0, 0};  // xMin, yMin, xMax, yMax of all glyphs
  double italic_angle = 0;     // degrees, negative for a right-leaning italic
  int weight = 400;            // OS/2 weight class
  bool fixed_pitch = false;
};

class FontFile {
 public:
  // Null with `problem` set ("is not a TrueType font") if the file cannot be used. Only
  // TrueType outlines (glyf) are accepted: a PDF embeds them as a CIDFontType2.
  static std::shared_ptr<const FontFile> Load(const std::filesystem::path& path,
                                              std::string& problem);

  // The glyph that shows `cp`, or 0 (.notdef, an empty box) if the face has none. Control
  // characters show as a space.
  uint16_t Glyph(char32_t cp) const;
  // Advance width in font units.
  int Advance(uint16_t glyph) const { return glyph < advances_.size() ? advances_[glyph] : 0; }
  int glyph_count() const { return static_cast<int>(advances_.size()); }
  const FontFacts& facts() const { return facts_; }

 private:
  friend std::optional<FontSubset> SubsetFont(const FontFile&, const std::vector<uint16_t>&);

  FontFacts facts_;
  std::string bytes_;                // the file, read by face_ in place
  std::shared_ptr<hb_face_t> face_;  // for subsetting
  // The face cut down to the glyphs of the scripts documents are written in (Latin,
  // punctuation, symbols), glyph numbers kept, and prepared for repeated subsetting
  // (hb_subset_preprocess): subsetting it for a document costs a fifth of subsetting the
  // whole face. Made on the first subset, once, so a face no document uses costs nothing.
  struct Common {
    std::shared_ptr<hb_face_t> face;  // null if it could not be made
    std::vector<bool> glyphs;         // by glyph: whether face has it
  };
  const Common& common() const;
  mutable std::once_flag common_once_;
  mutable Common common_;
  std::vector<uint16_t> bmp_;        // glyph of every code point up to U+FFFF
  std::vector<std::pair<char32_t, uint16_t>> astral_;  // sorted, above U+FFFF
  std::vector<uint16_t> advances_;
};

}  // namespace kansli::pdf
