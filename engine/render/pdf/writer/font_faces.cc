#include "render/pdf/writer/font_faces.h"

#include "render/pdf/font/font_cache.h"

namespace kansli::pdf {

FontFaces::FontFaces(const PdfSettings& settings, const std::filesystem::path& site_root) {
  auto slot = [&](const char* setting, const std::string& written) {
    std::filesystem::path path(written);
    if (path.is_relative()) path = site_root / path;
    SourcePos pos = settings.PosOf(setting);
    if (pos.file.empty()) pos.file = "kansli.yaml";  // the default is used: blame the file
    return Slot{.setting = setting, .written = written, .path = path, .pos = pos};
  };
  slots_ = {slot("font_regular", settings.font_regular), slot("font_bold", settings.font_bold),
            slot("font_italic", settings.font_italic),
            slot("font_bold_italic", settings.font_bold_italic),
            slot("font_mono", settings.font_mono)};
}

bool FontFaces::Load(Diagnostics& diags) {
  bool ok = true;
  for (Slot& slot : slots_) {
    std::string problem;
    std::error_code ec;
    if (slot.written.empty()) {
      problem = "no font file is set";
    } else if (!std::filesystem::is_regular_file(slot.path, ec)) {
      problem = "does not exist";
    } else {
      slot.file = FontCache::Shared().Get(slot.path, problem);
    }
    if (slot.file != nullptr) continue;
    ok = false;
    std::vector<std::string> hints;
    if (slot.path.string() != slot.written) hints.push_back("looked for " + slot.path.string());
    diags.Error(slot.pos, Code::kFontMissing,
                std::string("pdf.") + slot.setting + ": " + slot.written + " " + problem,
                std::move(hints));
  }
  return ok;
}

}  // namespace kansli::pdf
