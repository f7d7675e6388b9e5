// One laid-out page → its content stream and annotations. Text is set glyph by glyph number in
// the document's subset fonts; everything else is plain path operators. The runs of one
// baseline (a justified line's words) share one TJ array, spaced by its displacements, rather
// than each getting a text matrix: that halves the bytes a page of text takes.
//
// In a tagged document every piece of content is marked: an element's content with an MCID
// ("/P <</MCID 3>> BDC … EMC"), the rest as an artifact ("/Artifact BMC … EMC"). A marked
// sequence holds either whole text objects or lies inside one, never straddling BT or ET.
#pragma once

#include <string>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/content_stream.h"
#include "render/pdf/writer/document_fonts.h"
#include "render/pdf/writer/form_xobjects.h"
#include "render/pdf/writer/image_xobjects.h"
#include "render/pdf/writer/navigation.h"
#include "render/pdf/writer/pdf_builder.h"
#include "render/pdf/writer/structure_tree.h"

namespace kansli::pdf {

// What every page of one document draws with. Everything must outlive the drawers.
struct DrawingContext {
  PdfBuilder& pdf;
  DocumentFonts& fonts;  // embedded
  ImageXObjects& images;
  FormXObjects& forms;
  const Destinations& destinations;
  MarkedContent& marks;
};

class PageDrawer {
 public:
  PageDrawer(const DrawingContext& context, PdfDict page, size_t page_index)
      : c_(context), page_(page), index_(page_index) {}

  void Draw(const FrameItem& item);
  // Writes the content stream into the page. A failure is recorded in the builder.
  void Finish();

 private:
  void Text(const TextRun& run);
  void Line(const Rule& rule);
  void Fill(const FilledRect& fill);
  void Link(const LinkArea& link);
  void Image(const ImageItem& image);
  void Place(const PlacedDrawing& placed);
  // Draws the XObject `name` scaled into `area` from a `width` × `height` box.
  void DrawXObject(const std::string& name, const Rect& area, double width, double height);
  void SetFill(const Color& color);
  // Makes what follows the content of `tag` (an element, or kArtifact).
  void Mark(int tag);
  void EndMark();
  // Opens a sequence named `name` holding element `tag`'s next MCID and `more_properties`
  // (" /ActualText <…>", which then lets nothing else join it).
  void OpenMark(const char* name, int tag, const std::string& more_properties);
  // Ends the line being shown with a space, for text read from the structure tree.
  void EndLine();
  // Writes the open TJ array, if any.
  void EndShow();
  void EndText();
  void EndFill();

  const DrawingContext& c_;
  PdfDict page_;
  size_t index_;
  PdfArray annots_;  // the page's /Annots, made with its first link
  ContentStream out_;
  bool in_text_ = false;
  bool in_fill_ = false;
  // The open marked-content sequence, if any, and whether it began inside BT.
  bool in_mark_ = false;
  bool mark_in_text_ = false;
  bool in_actual_ = false;  // the open sequence has an ActualText: nothing else joins it
  int mark_tag_ = kArtifact;
  // The last run shown: its baseline, and whether it ended in a letter rather than a space,
  // a hyphen or ActualText.
  double last_y_ = 0;
  bool last_ends_word_ = false;
  const PdfFont* font_ = nullptr;
  double size_ = 0;
  // The TJ array being built ("<0003> -250 <0004>") and whether it is more than one string.
  std::string show_;
  bool show_is_array_ = false;
  // Where the next glyph goes, in page space, while it is known: inside BT, after upright text.
  bool pen_known_ = false;
  double pen_x_ = 0;
  double pen_y_ = 0;
  // Unknown until first set. A flag rather than std::optional: GCC 12 -O2 wrongly warns that
  // an optional's colour may be read uninitialised.
  Color fill_;
  bool fill_known_ = false;
};

}  // namespace kansli::pdf
