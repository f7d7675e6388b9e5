// The PDF fonts of one document: one per distinct face file, so two settings naming the same
// file embed it once.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/font_faces.h"
#include "render/pdf/writer/pdf_font.h"

namespace kansli::pdf {

class DocumentFonts {
 public:
  // `faces` must be loaded and outlive this.
  explicit DocumentFonts(const FontFaces& faces) : faces_(faces) {}

  PdfFont& For(FontFace face);
  // Notes every text run of the document, then embeds each font used. On failure, false and
  // `problem` says which font.
  bool Embed(PdfBuilder& pdf, const LaidOutDocument& laid_out, std::string& problem);
  // "U+2192 '→' (LiberationSerif)": characters that print as empty boxes, one per line.
  std::vector<std::string> MissingGlyphs() const;

 private:
  const FontFaces& faces_;
  // In order of first use, so that object numbers, and so the bytes, never depend on where
  // faces happen to sit in memory.
  std::vector<std::pair<const FontFile*, std::unique_ptr<PdfFont>>> fonts_;
};

}  // namespace kansli::pdf
