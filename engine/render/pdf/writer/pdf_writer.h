// Draws laid-out pages into a PDF. It measures nothing and decides no positions: every item
// is drawn where layout put it, and every structure element layout made is tagged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/flate.h"
#include "render/pdf/writer/font_faces.h"

namespace kansli::pdf {

struct WrittenPdf {
  std::string bytes;
  std::vector<std::string> missing_glyphs;  // characters printed as empty boxes
};

// The PDF of `laid_out`: its pages (text in subsets of the loaded `faces`), links, bookmarks,
// structure tree, the Info dictionary and the PDF/A-1 parts (XMP, an OutputIntent with
// `icc_profile`, a trailer ID). Nullopt with `problem` saying what failed.
std::optional<WrittenPdf> WritePdf(const LaidOutDocument& laid_out, const FontFaces& faces,
                                   const PackedStream& icc_profile, std::string& problem);

}  // namespace kansli::pdf
