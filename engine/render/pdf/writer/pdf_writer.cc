#include "render/pdf/writer/pdf_writer.h"

#include "render/pdf/writer/document_fonts.h"
#include "render/pdf/writer/info_dictionary.h"
#include "render/pdf/writer/navigation.h"
#include "render/pdf/writer/page_drawer.h"
#include "render/pdf/writer/pdfa.h"

namespace kansli::pdf {
namespace {

std::optional<std::string> Save(HPDF_Doc doc, const HaruError& error) {
  if (HPDF_SaveToStream(doc) != HPDF_OK || error.failed()) return std::nullopt;
  std::string bytes(HPDF_GetStreamSize(doc), '\0');
  auto size = static_cast<HPDF_UINT32>(bytes.size());
  // Asking for exactly the stream's size reads it whole without an end-of-stream error.
  if (size == 0 ||
      HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size) != HPDF_OK) {
    return std::nullopt;
  }
  bytes.resize(size);
  return bytes;
}

std::optional<WrittenPdf> Write(HPDF_Doc doc, const LaidOutDocument& laid_out,
                                const FontFaces& faces, const PackedStream& icc_profile,
                                const HaruError& error, std::string& problem) {
  // Every page exists before any is drawn: a contents entry links forward to later pages.
  std::vector<HPDF_Page> pages;
  for (const PageFrame& frame : laid_out.pages) {
    HPDF_Page page = HPDF_AddPage(doc);
    if (page == nullptr) return std::nullopt;
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(frame.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(frame.height));
    pages.push_back(page);
  }
  // Subsetting needs every glyph the document shows, so fonts are embedded before drawing.
  DocumentFonts fonts(faces);
  if (!fonts.Embed(doc, laid_out, problem)) return std::nullopt;
  const Destinations destinations(pages, laid_out);
  ImageXObjects images(doc);
  FormXObjects forms(doc);
  for (size_t p = 0; p < pages.size(); ++p) {
    PageDrawer drawer(pages[p], fonts, images, forms, destinations);
    for (const FrameItem& item : laid_out.pages[p].items) drawer.Draw(item);
    if (!drawer.Finish(problem) || error.failed()) return std::nullopt;
  }
  if (!AddOutline(doc, laid_out.outline, destinations)) return std::nullopt;
  SetInfo(doc, laid_out.info);
  if (!AddPdfAParts(doc, laid_out.info, icc_profile)) return std::nullopt;
  std::optional<std::string> bytes = Save(doc, error);
  if (!bytes || !StampDocumentId(*bytes)) return std::nullopt;
  return WrittenPdf{.bytes = std::move(*bytes), .missing_glyphs = fonts.MissingGlyphs()};
}

}  // namespace

std::optional<WrittenPdf> WritePdf(HPDF_Doc doc, const LaidOutDocument& laid_out,
                                   const FontFaces& faces, const PackedStream& icc_profile,
                                   const HaruError& error, std::string& problem) {
  std::optional<WrittenPdf> pdf = Write(doc, laid_out, faces, icc_profile, error, problem);
  if (!pdf && problem.empty()) problem = error.Describe();
  return pdf;
}

}  // namespace kansli::pdf
