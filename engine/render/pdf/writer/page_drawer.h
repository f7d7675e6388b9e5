// One laid-out page → its content stream and annotations. Text is set glyph by glyph number in
// the document's subset fonts; everything else is plain path operators. The runs of one
// baseline (a justified line's words) share one TJ array, spaced by its displacements, rather
// than each getting a text matrix: that halves the bytes a page of text takes.
#pragma once

#include <hpdf.h>

#include <string>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/content_stream.h"
#include "render/pdf/writer/document_fonts.h"
#include "render/pdf/writer/form_xobjects.h"
#include "render/pdf/writer/image_xobjects.h"
#include "render/pdf/writer/navigation.h"

namespace kansli::pdf {

class PageDrawer {
 public:
  // Fonts must be embedded. Everything passed must outlive this.
  PageDrawer(HPDF_Page page, DocumentFonts& fonts, ImageXObjects& images, FormXObjects& forms,
             const Destinations& destinations)
      : page_(page), fonts_(fonts), images_(images), forms_(forms), destinations_(destinations) {}

  void Draw(const FrameItem& item);
  // Writes the content stream into the page. False if it or an image failed; `problem` says
  // which image (empty for a libharu failure).
  bool Finish(std::string& problem);

 private:
  void Text(const TextRun& run);
  void Line(const Rule& rule);
  void Fill(const FilledRect& fill);
  void Link(const LinkArea& link);
  void Image(const ImageItem& image);
  void Place(const PlacedDrawing& placed);
  // Draws the XObject `name` scaled into `area` from a `width` × `height` box.
  void DrawXObject(const char* name, const Rect& area, double width, double height);
  void SetFill(const Color& color);
  // Writes the open TJ array, if any.
  void EndShow();
  void EndText();
  void EndFill();

  HPDF_Page page_;
  DocumentFonts& fonts_;
  ImageXObjects& images_;
  FormXObjects& forms_;
  const Destinations& destinations_;
  std::string problem_;
  ContentStream out_;
  bool in_text_ = false;
  bool in_fill_ = false;
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
