#include "render/pdf/font/font_subset.h"

#include "render/pdf/font/hb.h"

namespace kansli::pdf {

namespace {

// The input for subsetting to `glyphs`, or null if out of memory.
HbSubsetInput SubsetInput(const std::vector<uint16_t>& glyphs, unsigned flags) {
  HbSubsetInput input(hb_subset_input_create_or_fail());
  if (input == nullptr) return nullptr;
  hb_set_t* keep = hb_subset_input_glyph_set(input.get());
  for (uint16_t glyph : glyphs) hb_set_add(keep, glyph);
  // No code points are kept: the PDF addresses glyphs by number (Identity CIDToGIDMap) and
  // maps them back to text with its own ToUnicode CMap, so the subset needs no cmap.
  hb_set_clear(hb_subset_input_unicode_set(input.get()));
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag :
       {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
        HB_TAG('k', 'e', 'r', 'n'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('B', 'A', 'S', 'E'),
        HB_TAG('D', 'S', 'I', 'G'), HB_TAG('g', 'a', 's', 'p'), HB_TAG('h', 'd', 'm', 'x'),
        HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('P', 'C', 'L', 'T'),
        HB_TAG('m', 'o', 'r', 'x'), HB_TAG('f', 'e', 'a', 't'), HB_TAG('F', 'F', 'T', 'M')}) {
    hb_set_add(drop, tag);
  }
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING | flags);
  return input;
}

}  // namespace

std::shared_ptr<hb_face_t> CommonFace(hb_face_t* face, const std::vector<uint16_t>& glyphs) {
  HbSubsetInput input = SubsetInput(glyphs, HB_SUBSET_FLAGS_RETAIN_GIDS);
  if (input == nullptr) return nullptr;
  HbFace cut(hb_subset_or_fail(face, input.get()));
  if (cut == nullptr) return nullptr;
  hb_face_t* common = hb_subset_preprocess(cut.get());
  // When preprocessing fails, HarfBuzz 6.0 returns the face it was given without taking a
  // reference to it: the cut face then serves as it is, still a valid source.
  if (common == cut.get() || common == nullptr) common = cut.release();
  hb_face_make_immutable(common);
  return std::shared_ptr<hb_face_t>(common, hb_face_destroy);
}

std::optional<FontSubset> SubsetFont(const FontFile& font, const std::vector<uint16_t>& glyphs) {
  HbSubsetInput input = SubsetInput(glyphs, 0);
  if (input == nullptr) return std::nullopt;
  // The common face gives the same subset, faster, when it has every glyph asked for.
  const FontFile::FaceLease faces = font.LeaseFaces();
  bool common = faces->common != nullptr;
  for (uint16_t glyph : glyphs) {
    common = common && glyph < font.in_common_.size() && font.in_common_[glyph];
  }
  hb_face_t* source = common ? faces->common.get() : faces->whole.get();
  HbSubsetPlan plan(hb_subset_plan_create_or_fail(source, input.get()));
  if (plan == nullptr) return std::nullopt;
  HbFace subset(hb_subset_plan_execute_or_fail(plan.get()));
  if (subset == nullptr) return std::nullopt;
  HbBlob blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (data == nullptr || length == 0) return std::nullopt;

  FontSubset out{.bytes = std::string(data, length)};
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
  const unsigned count = hb_face_get_glyph_count(subset.get());
  out.old_glyphs.resize(count, 0);
  for (unsigned g = 0; g < count; ++g) {
    hb_codepoint_t old = hb_map_get(new_to_old, g);
    out.old_glyphs[g] = old == HB_MAP_VALUE_INVALID ? 0 : static_cast<uint16_t>(old);
  }
  return out;
}

}  // namespace kansli::pdf
