// The five faces of kansli.yaml's pdf settings, loaded into one document on first use, so a
// document without code never embeds the mono face.
#pragma once

#include <array>
#include <filesystem>
#include <string>

#include "config/site_config.h"
#include "diag/diagnostics.h"
#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/writer/haru.h"

namespace kansli::pdf {

class HaruFonts {
 public:
  // `doc` and `error` must outlive this. Relative font paths are resolved against site_root.
  HaruFonts(HPDF_Doc doc, HaruError& error, const PdfSettings& settings,
            const std::filesystem::path& site_root, Diagnostics& diags);
  HaruFonts(const HaruFonts&) = delete;
  HaruFonts& operator=(const HaruFonts&) = delete;

  // Reports font-missing for every configured file that does not exist or is not a TrueType
  // font. Returns false if there was any.
  bool CheckFiles();

  // Loads the face on first use (embedded, UTF-8). Null if it cannot be loaded; font-missing
  // has then been reported and ok() is false.
  HPDF_Font Get(FontFace face);
  bool ok() const { return ok_; }

 private:
  struct Slot {
    const char* setting;  // "font_bold", for diagnostics
    std::string written;  // as in kansli.yaml
    std::filesystem::path path;
    SourcePos pos;  // where kansli.yaml sets it
    HPDF_Font font = nullptr;
    bool tried = false;
  };

  HPDF_Font Load(Slot& slot);
  void Missing(const Slot& slot, const std::string& problem);

  HPDF_Doc doc_;
  HaruError& error_;
  Diagnostics& diags_;
  std::array<Slot, 5> slots_;  // indexed by FontFace
  bool ok_ = true;
};

}  // namespace kansli::pdf
