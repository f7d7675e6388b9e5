#include "render/pdf/writer/render_pdf.h"

#include <fstream>
#include <sstream>

#include "render/pdf/layout/lay_out.h"
#include "render/pdf/writer/haru.h"
#include "render/pdf/writer/haru_font_metrics.h"
#include "render/pdf/writer/haru_fonts.h"
#include "render/pdf/writer/pdf_writer.h"
#include "render/pdf/writer/pdfa.h"

namespace kansli {
namespace {

std::optional<std::string> ReadIccProfile() {
  std::ifstream in(pdf::kSrgbProfilePath, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || bytes.str().empty()) return std::nullopt;
  return bytes.str();
}

}  // namespace

std::optional<OutputFile> RenderPdf(const SiteGraph& site, const SiteDocument& doc,
                                    const std::filesystem::path& site_root, Diagnostics& diags) {
  using namespace pdf;
  const SourcePos pos{doc.parsed->document.path()};
  HaruError error;
  HaruDoc haru = NewHaruDoc(&error);
  if (haru == nullptr) {
    diags.Error(pos, Code::kPdfError, "libharu could not create a PDF document (out of memory)");
    return std::nullopt;
  }
  std::optional<std::string> icc = ReadIccProfile();
  if (!icc) {
    diags.Error(pos, Code::kPdfError,
                std::string("the sRGB ICC profile a PDF/A needs could not be read from ") +
                    kSrgbProfilePath,
                {"install the Debian package icc-profiles-free"});
    return std::nullopt;
  }
  HPDF_SetCompressionMode(haru.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(haru.get());

  const PdfSettings& settings = site.config().pdf;
  HaruFonts fonts(haru.get(), error, settings, site_root, diags);
  if (!fonts.CheckFiles()) return std::nullopt;
  HaruFontMetrics metrics(fonts);
  LaidOutDocument laid_out = LayOut(site, doc, metrics, PageStyleFor(settings));
  if (!fonts.ok()) return std::nullopt;

  std::optional<std::string> bytes = WritePdf(haru.get(), laid_out, fonts, *icc, error);
  if (!bytes || error.failed()) {
    diags.Error(pos, Code::kPdfError,
                "the PDF of '" + doc.id + "' could not be written: " + error.Describe());
    return std::nullopt;
  }
  return OutputFile{.path = doc.pdf_path, .bytes = std::move(*bytes)};
}

}  // namespace kansli
