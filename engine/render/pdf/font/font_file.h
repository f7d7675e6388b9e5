// One TrueType face, read and measured once: code point → glyph and glyph → advance come
// from tables built at load, so layout's many width questions are array lookups. Immutable
// after Load (but for its pool of HarfBuzz faces), so documents rendered in parallel share one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct hb_blob_t;
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

  // The faces SubsetFont reads. HarfBuzz fills a face's caches (its tables, the subset
  // accelerator) as subsetting reads it, so two threads subsetting one face at once race on
  // them: ThreadSanitizer caught one freeing what the other had just allocated. So no face
  // is shared: a subset takes a set from the pool and gives it back, and the pool grows to as
  // many sets as threads ever subset at once, each made on first need, so a face no document
  // uses costs nothing.
  struct SubsetFaces {
    std::shared_ptr<hb_face_t> whole;
    // `whole` cut down to common_glyphs_, glyph numbers kept, and prepared for repeated
    // subsetting (hb_subset_preprocess): subsetting it for a document costs a fifth of
    // subsetting the whole face. Null if it could not be made.
    std::shared_ptr<hb_face_t> common;
  };
  struct GiveBack {
    const FontFile* font;
    void operator()(SubsetFaces* faces) const;
  };
  using FaceLease = std::unique_ptr<SubsetFaces, GiveBack>;
  FaceLease LeaseFaces() const;

  FontFacts facts_;
  std::string bytes_;                // the file, read by the faces in place
  std::shared_ptr<hb_blob_t> blob_;  // bytes_ as HarfBuzz reads them
  // The glyphs of Latin text and its punctuation and symbols: nearly every document's.
  std::vector<uint16_t> common_glyphs_;
  std::vector<bool> in_common_;  // by glyph: whether common_glyphs_ has it
  mutable std::mutex faces_mutex_;
  mutable std::vector<std::unique_ptr<SubsetFaces>> idle_faces_;  // destroyed before bytes_
  std::vector<uint16_t> bmp_;        // glyph of every code point up to U+FFFF
  std::vector<std::pair<char32_t, uint16_t>> astral_;  // sorted, above U+FFFF
  std::vector<uint16_t> advances_;
};

// The version of the library this wraps, for `kansli --version`.
std::string HarfBuzzVersion();

}  // namespace kansli::pdf
