// Draws laid-out pages with libharu. It measures nothing and decides no positions: every
// item is drawn where layout put it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/font_faces.h"
#include "render/pdf/writer/haru.h"

namespace kansli::pdf {

struct WrittenPdf {
  std::string bytes;
  std::vector<std::string> missing_glyphs;  // characters printed as empty boxes
};

// Adds the pages (text in subsets of the loaded `faces`), links, bookmarks, the Info
// dictionary and the PDF/A-1b parts (XMP, an OutputIntent with `icc_profile`, a trailer ID)
// to `doc` and returns the PDF, or nullopt with `problem` saying what failed.
std::optional<WrittenPdf> WritePdf(HPDF_Doc doc, const LaidOutDocument& laid_out,
                                   const FontFaces& faces, const PackedStream& icc_profile,
                                   const HaruError& error, std::string& problem);

}  // namespace kansli::pdf
