// One face as a PDF font of one document: a Type0 font over a CIDFontType2 that embeds a
// subset of just the glyphs the document shows, with a ToUnicode CMap for exactly those, so
// copy, search and screen readers get the text back. Replaces libharu's TrueType fonts,
// which embed nearly the whole face and build a 65,536-entry map per document.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/font/font_file.h"
#include "render/pdf/writer/pdf_builder.h"

namespace kansli::pdf {

class PdfFont {
 public:
  explicit PdfFont(const FontFile& file)
      : file_(file), used_(static_cast<size_t>(file.glyph_count()), 0) {}

  // Notes the glyphs `utf8` shows. Every text must be noted before Embed.
  void Use(std::string_view utf8);
  // Adds the font's objects to the PDF. False if the face could not be subset.
  bool Embed(PdfBuilder& pdf);
  // The Type0 font dictionary, after Embed.
  PdfDict dict() const { return dict_; }
  // Appends `utf8` in the subset's glyph numbers to `hex` ("<0003001A>", for Tj and TJ) and
  // returns its advance in thousandths of the font size, from the widths the PDF gives. After
  // Embed; text that was not noted shows as .notdef.
  double Encode(std::string_view utf8, std::string& hex) const;
  // Code points the face has no glyph for: they print as an empty box.
  const std::set<char32_t>& missing() const { return missing_; }
  // Whether every character of `utf8` has a glyph; a run that has not reads back through
  // ActualText, so copy and search still get "😀" where an empty box is printed.
  bool ShowsAll(std::string_view utf8) const;
  const std::string& name() const { return file_.facts().postscript_name; }

 private:
  const FontFile& file_;
  // By glyph in the whole face: the text it first showed, 0 if unused. A table rather than
  // a map: every character a document shows is noted, and this is the cheap way.
  std::vector<char32_t> used_;
  std::set<char32_t> missing_;
  std::vector<uint16_t> new_glyph_;  // indexed by glyph in the whole face; after Embed
  std::vector<double> widths_;       // the /W entry of each subset glyph; after Embed
  PdfDict dict_;
};

}  // namespace kansli::pdf
