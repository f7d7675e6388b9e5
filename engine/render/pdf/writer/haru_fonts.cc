#include "render/pdf/writer/haru_fonts.h"

#include <fstream>

#include "render/pdf/writer/to_unicode_cmap.h"

namespace kansli::pdf {
namespace {

// libharu parses TrueType outlines only: not CFF ("OTTO") or collections ("ttcf"). Checking
// the signature first also keeps arbitrary files away from its parser.
std::string SignatureProblem(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  if (!in.read(magic, sizeof magic)) return "cannot be read";
  std::string tag(magic, sizeof magic);
  if (tag == std::string("\0\1\0\0", 4) || tag == "true") return "";
  if (tag == "OTTO")
    return "is an OpenType font with CFF outlines; a TrueType (.ttf) font is needed";
  if (tag == "ttcf") return "is a font collection (.ttc); a single TrueType (.ttf) font is needed";
  return "is not a TrueType font";
}

}  // namespace

HaruFonts::HaruFonts(HPDF_Doc doc, HaruError& error, const PdfSettings& settings,
                     const std::filesystem::path& site_root, Diagnostics& diags)
    : doc_(doc),
      error_(error),
      diags_(diags) {
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

bool HaruFonts::CheckFiles() {
  for (const Slot& slot : slots_) {
    std::error_code ec;
    if (slot.written.empty()) {
      Missing(slot, "no font file is set");
    } else if (!std::filesystem::is_regular_file(slot.path, ec)) {
      Missing(slot, "does not exist");
    } else if (std::string problem = SignatureProblem(slot.path); !problem.empty()) {
      Missing(slot, problem);
    }
  }
  return ok_;
}

HPDF_Font HaruFonts::Get(FontFace face) {
  Slot& slot = slots_[static_cast<size_t>(face)];
  if (!slot.tried) {
    slot.tried = true;
    // Two settings naming the same file share one embedded font.
    for (const Slot& other : slots_) {
      if (&other != &slot && other.font != nullptr && other.path == slot.path) {
        slot.font = other.font;
      }
    }
    if (slot.font == nullptr) slot.font = Load(slot);
  }
  return slot.font;
}

HPDF_Font HaruFonts::Load(Slot& slot) {
  const char* name = HPDF_LoadTTFontFromFile(doc_, slot.path.c_str(), HPDF_TRUE);
  HPDF_Font font = name != nullptr ? HPDF_GetFont(doc_, name, "UTF-8") : nullptr;
  if (font == nullptr) {
    std::string detail = error_.Describe();
    ResetHaruError(doc_, error_);
    Missing(slot, "cannot be loaded as a TrueType font (" + detail + ")");
    return nullptr;
  }
  if (!FixToUnicodeCMap(font)) ResetHaruError(doc_, error_);  // text still extracts via cmap
  return font;
}

void HaruFonts::Missing(const Slot& slot, const std::string& problem) {
  ok_ = false;
  std::vector<std::string> hints;
  if (slot.path.string() != slot.written) hints.push_back("looked for " + slot.path.string());
  diags_.Error(slot.pos, Code::kFontMissing,
               std::string("pdf.") + slot.setting + ": " + slot.written + " " + problem,
               std::move(hints));
}

}  // namespace kansli::pdf
