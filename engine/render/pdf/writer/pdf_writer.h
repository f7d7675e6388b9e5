// Draws laid-out pages with libharu. It measures nothing and decides no positions: every
// item is drawn where layout put it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/haru.h"
#include "render/pdf/writer/haru_fonts.h"

namespace kansli::pdf {

// Adds the pages, the Info dictionary and the PDF/A-1b parts (XMP, an OutputIntent with
// `icc_profile`, a trailer ID) to `doc` (which already holds the fonts layout measured with)
// and returns the PDF's bytes, or nullopt if libharu reported an error (then `error` says
// which).
std::optional<std::string> WritePdf(HPDF_Doc doc, const LaidOutDocument& laid_out, HaruFonts& fonts,
                                    std::string_view icc_profile, const HaruError& error);

}  // namespace kansli::pdf
