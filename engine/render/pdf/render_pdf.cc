#include "render/pdf/render_pdf.h"

#include <fstream>
#include <sstream>

#include "render/pdf/face_metrics.h"
#include "render/pdf/layout/lay_out.h"
#include "render/pdf/writer/font_faces.h"
#include "render/pdf/writer/pdf_writer.h"
#include "render/pdf/writer/pdfa.h"

namespace kansli {
namespace {

std::optional<pdf::PackedStream> ReadIccProfile() {
  std::ifstream in(pdf::kSrgbProfilePath, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || bytes.str().empty()) return std::nullopt;
  return pdf::Pack(bytes.str());
}

// Every PDF embeds the same profile: it is read and compressed once per process.
const std::optional<pdf::PackedStream>& SrgbProfile() {
  static const std::optional<pdf::PackedStream> profile = ReadIccProfile();
  return profile;
}

}  // namespace

std::optional<RenderedPdf> RenderPdf(const SiteGraph& site, const SiteDocument& doc,
                                    const markdown::Body& body,
                                    const std::filesystem::path& site_root, Diagnostics& diags,
                                    const std::vector<OfficialVersion>& official) {
  using namespace pdf;
  const SourcePos pos{doc.parsed->document.path()};
  const std::optional<PackedStream>& icc = SrgbProfile();
  if (!icc) {
    diags.Error(pos, Code::kPdfError,
                std::string("the sRGB ICC profile a PDF/A needs could not be read from ") +
                    kSrgbProfilePath,
                {"install the Debian package icc-profiles-free"});
    return std::nullopt;
  }

  const PdfSettings& settings = site.config().pdf;
  FontFaces faces(settings, site_root);
  if (!faces.Load(diags)) return std::nullopt;
  FaceMetrics metrics(faces);
  LaidOutDocument laid_out = LayOut(site, doc, body, metrics, PageStyleFor(settings), official);

  std::string problem;
  std::optional<WrittenPdf> pdf = WritePdf(laid_out, faces, *icc, problem);
  if (!pdf) {
    diags.Error(pos, Code::kPdfError,
                "the PDF of '" + doc.id + "' could not be written: " + problem);
    return std::nullopt;
  }
  // PDF/A and PDF/UA forbid the empty box (.notdef) a missing glyph prints as: an official
  // version must not have one, a draft may while it is written.
  const bool decided = doc.status && IsDecided(*doc.status);
  for (const std::string& glyph : pdf->missing_glyphs) {
    std::string message = "the PDF font has no glyph for " + glyph + "; it prints as an empty box";
    if (decided) {
      diags.Error(pos, Code::kGlyphMissing, message + ", which an official PDF may not have",
                  {"use a font that has the character (pdf: font_regular and the other faces "
                   "in kansli.yaml), or write the text without it"});
    } else {
      diags.Warning(pos, Code::kGlyphMissing, message);
    }
  }
  if (decided && !pdf->missing_glyphs.empty()) return std::nullopt;
  return RenderedPdf{.file = OutputFile{.path = doc.pdf_path, .bytes = std::move(pdf->bytes)},
                     .pages = static_cast<int>(laid_out.pages.size())};
}

}  // namespace kansli
