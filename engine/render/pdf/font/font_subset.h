// A face cut down to the glyphs one document shows, so its PDF embeds a few kilobytes of
// outlines instead of the whole font.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/pdf/font/font_file.h"

namespace kansli::pdf {

struct FontSubset {
  std::string bytes;  // a TrueType file
  // The subset numbers its glyphs from 0 (.notdef) up; old_glyphs[new] is the glyph's number
  // in the whole face. It may hold glyphs not asked for: parts of composite glyphs ("å" is
  // "a" and a ring).
  std::vector<uint16_t> old_glyphs;
};

// The outlines, advances and names of `glyphs` and .notdef, without hinting, layout (GSUB,
// GPOS, kern) or other tables a PDF reader never uses. Deterministic: the same face and
// glyphs give the same bytes. Nullopt if HarfBuzz cannot subset the face.
std::optional<FontSubset> SubsetFont(const FontFile& font, const std::vector<uint16_t>& glyphs);

// `face` cut down to `glyphs`, their numbers kept, as a smaller source for SubsetFont (see
// FontFile). Null if HarfBuzz cannot subset it.
std::shared_ptr<hb_face_t> CommonFace(hb_face_t* face, const std::vector<uint16_t>& glyphs);

}  // namespace kansli::pdf
