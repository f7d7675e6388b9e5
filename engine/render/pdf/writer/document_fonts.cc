#include "render/pdf/writer/document_fonts.h"

#include <cstdio>

#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {

PdfFont& DocumentFonts::For(FontFace face) {
  const FontFile* file = faces_.Get(face);
  for (auto& [known, font] : fonts_) {
    if (known == file) return *font;
  }
  return *fonts_.emplace_back(file, std::make_unique<PdfFont>(*file)).second;
}

bool DocumentFonts::Embed(PdfBuilder& pdf, const LaidOutDocument& laid_out, std::string& problem) {
  for (const PageFrame& page : laid_out.pages) {
    for (const FrameItem& item : page.items) {
      if (const auto* run = std::get_if<TextRun>(&item)) For(run->face).Use(run->utf8);
    }
  }
  for (auto& [file, font] : fonts_) {
    font->Use(" ");  // the space that ends each line of tagged text (PageDrawer::EndLine)
    if (!font->Embed(pdf)) {
      problem = "the font " + font->name() + " could not be subset and embedded";
      return false;
    }
  }
  return true;
}

std::vector<std::string> DocumentFonts::MissingGlyphs() const {
  std::vector<std::string> out;
  for (const auto& [file, font] : fonts_) {
    for (char32_t cp : font->missing()) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X '", static_cast<unsigned>(cp));
      std::string line = code;
      AppendUtf8(line, cp);
      out.push_back(line + "' (" + font->name() + ")");
    }
  }
  return out;
}

}  // namespace kansli::pdf
