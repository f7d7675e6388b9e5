// The five faces of kansli.yaml's pdf settings, found, checked and loaded (once per process,
// through FontCache) before any layout, so a bad font setting stops the build with the
// setting's file:line:col before anything is measured.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <string>

#include "config/site_config.h"
#include "diag/diagnostics.h"
#include "render/pdf/font/font_file.h"
#include "render/pdf/layout/font_metrics.h"

namespace kansli::pdf {

class FontFaces {
 public:
  // Relative font paths are resolved against site_root.
  FontFaces(const PdfSettings& settings, const std::filesystem::path& site_root);

  // Loads every face, reporting font-missing for each that does not exist or is not a usable
  // TrueType font. False if any.
  bool Load(Diagnostics& diags);

  // After a successful Load, never null.
  const FontFile* Get(FontFace face) const { return slots_[static_cast<size_t>(face)].file.get(); }

 private:
  struct Slot {
    const char* setting;  // "font_bold", for diagnostics
    std::string written;  // as in kansli.yaml
    std::filesystem::path path;
    SourcePos pos;  // where kansli.yaml sets it
    std::shared_ptr<const FontFile> file;
  };

  std::array<Slot, 5> slots_;  // indexed by FontFace
};

}  // namespace kansli::pdf
