#include "render/pdf/writer/pdf_writer.h"

#include "render/pdf/writer/document_fonts.h"
#include "render/pdf/writer/info_dictionary.h"
#include "render/pdf/writer/navigation.h"
#include "render/pdf/writer/page_drawer.h"
#include "render/pdf/writer/pdf_builder.h"
#include "render/pdf/writer/pdfa.h"
#include "render/pdf/writer/structure_tree.h"

namespace kansli::pdf {

std::optional<WrittenPdf> WritePdf(const LaidOutDocument& laid_out, const FontFaces& faces,
                                   const PackedStream& icc_profile, std::string& problem) {
  PdfBuilder pdf;
  if (!pdf.usable()) {
    problem = "libharu could not create a PDF document (out of memory)";
    return std::nullopt;
  }
  // Every page exists before any is drawn: a contents entry links forward to later pages.
  std::vector<PdfDict> pages;
  pages.reserve(laid_out.pages.size());
  for (const PageFrame& frame : laid_out.pages) {
    pages.push_back(pdf.AddPage(frame.width, frame.height));
  }
  // Subsetting needs every glyph the document shows, so fonts are embedded before drawing.
  DocumentFonts fonts(faces);
  if (!fonts.Embed(pdf, laid_out, problem)) return std::nullopt;
  const Destinations destinations(pdf, pages, laid_out);
  ImageXObjects images(pdf);
  FormXObjects forms(pdf);
  MarkedContent marks(laid_out.structure, pages.size());
  const DrawingContext context{pdf, fonts, images, forms, destinations, marks};
  for (size_t p = 0; p < pages.size() && !pdf.failed(); ++p) {
    PageDrawer drawer(context, pages[p], p);
    for (const FrameItem& item : laid_out.pages[p].items) drawer.Draw(item);
    drawer.Finish();
  }
  marks.AddStructureTree(pdf, pages, laid_out.language);
  AddOutline(pdf, laid_out.outline, destinations);
  SetInfo(pdf, laid_out.info);
  AddPdfAParts(pdf, laid_out.info, marks.tagged(), icc_profile);
  std::optional<std::string> bytes = pdf.Save();
  if (!bytes || !StampDocumentId(*bytes)) {
    problem = pdf.failed() ? pdf.Problem() : "the trailer's /ID could not be set";
    return std::nullopt;
  }
  return WrittenPdf{.bytes = std::move(*bytes), .missing_glyphs = fonts.MissingGlyphs()};
}

}  // namespace kansli::pdf
