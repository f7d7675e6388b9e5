#include "render/pdf/writer/page_drawer.h"

#include <hpdf_annotation.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <cmath>
#include <numbers>
#include <string>

#include "render/pdf/writer/ascii_uri.h"
#include "render/pdf/writer/haru.h"

namespace kansli::pdf {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

HPDF_REAL Real(double value) { return static_cast<HPDF_REAL>(value); }

HPDF_Rect PdfRect(const Rect& area) {
  return HPDF_Rect{Real(area.x0), Real(area.y0), Real(area.x1), Real(area.y1)};
}

// PDF/A-1 wants every annotation printable (flag bit 3) and no border drawn around links.
void PrintableLink(HPDF_Annotation annotation) {
  if (annotation == nullptr) return;
  HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
  HPDF_Dict_AddNumber(static_cast<HPDF_Dict>(annotation), "F", 4);
}

// A link annotation going to `destination`, a direct array. libharu's
// HPDF_Page_CreateLinkAnnot takes only its own indirect destinations, which PDF/A
// validators refuse, so the annotation is made and listed in the page's /Annots here.
HPDF_Annotation InternalLink(HPDF_Page page, HPDF_Rect rect, HPDF_Array destination) {
  const auto attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Annotation annotation = HPDF_Annotation_New(page->mmgr, attr->xref, HPDF_ANNOT_LINK, rect);
  if (annotation == nullptr) {
    HPDF_Array_Free(destination);
    return nullptr;
  }
  if (HPDF_Dict_Add(annotation, "Dest", destination) != HPDF_OK) return nullptr;
  auto annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY));
  if (annots == nullptr) {
    annots = HPDF_Array_New(page->mmgr);
    if (annots == nullptr || HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK) return nullptr;
  }
  return HPDF_Array_Add(annots, annotation) == HPDF_OK ? annotation : nullptr;
}

}  // namespace

void PageDrawer::Draw(const FrameItem& item) {
  std::visit(Overloaded{[&](const TextRun& t) { Text(t); }, [&](const Rule& r) { Line(r); },
                        [&](const FilledRect& f) { Fill(f); }, [&](const LinkArea& l) { Link(l); },
                        [&](const Anchor&) {},  // Destinations found it already
                        [&](const ImageItem& i) { Image(i); },
                        [&](const PlacedDrawing& d) { Place(d); }},
             item);
}

void PageDrawer::Text(const TextRun& run) {
  if (run.utf8.empty() || run.size <= 0) return;
  EndFill();
  const PdfFont& font = fonts_.For(run.face);
  if (!in_text_) {
    out_.Raw("BT");
    in_text_ = true;
    pen_known_ = false;
  }
  if (&font != font_ || run.size != size_) {
    const char* name = HPDF_Page_GetLocalFontName(page_, font.dict());
    if (name == nullptr) return;
    EndShow();
    out_.NamedOp(name, {run.size}, "Tf");
    font_ = &font;
    size_ = run.size;
  }
  if (!(fill_known_ && fill_ == run.color)) {
    EndShow();
    SetFill(run.color);
  }
  const std::string* actual = run.actual_text ? &*run.actual_text : nullptr;
  if (actual == nullptr && !font.ShowsAll(run.utf8)) actual = &run.utf8;
  if (actual != nullptr) {
    // A marked span whose text, for copy and search, is `actual` instead of the glyphs.
    EndShow();
    out_.Raw("/Span <</ActualText " +
             (actual->empty() ? std::string("()") : Utf16HexString(*actual)) + ">> BDC");
  }
  // A run on the baseline the pen is on, not far from it, continues the TJ array: its
  // displacement, in thousandths of the font size, moves the pen to the run's start.
  const double move = std::round((pen_x_ - run.x) * 1000 / run.size * 1000) / 1000;
  if (run.angle == 0 && pen_known_ && run.y == pen_y_ && std::abs(move) < 4000) {
    if (move != 0) {
      show_ += ' ';
      AppendNumber(show_, move);
      show_ += ' ';
      show_is_array_ = true;
    } else if (!show_.empty()) {
      show_is_array_ = true;
    }
    pen_x_ -= move * run.size / 1000;
  } else {
    EndShow();
    if (run.angle != 0) {
      const double radians = run.angle * std::numbers::pi / 180;
      const double c = std::cos(radians), s = std::sin(radians);
      out_.Op({c, s, -s, c, run.x, run.y}, "Tm");
    } else {
      out_.Op({1, 0, 0, 1, run.x, run.y}, "Tm");
    }
    pen_x_ = run.x;
    pen_y_ = run.y;
  }
  pen_x_ += font.Encode(run.utf8, show_) * run.size / 1000;
  pen_known_ = run.angle == 0;
  if (actual != nullptr) {
    EndShow();
    out_.Raw("EMC");
  }
}

void PageDrawer::EndShow() {
  if (show_.empty()) return;
  if (show_is_array_) {
    out_.RawParts({"[", show_, "] TJ"});
  } else {
    out_.RawParts({show_, " Tj"});
  }
  show_.clear();
  show_is_array_ = false;
}

void PageDrawer::Line(const Rule& rule) {
  EndText();
  EndFill();
  out_.Op({rule.width}, "w");
  out_.Op({rule.color.r, rule.color.g, rule.color.b}, "RG");
  out_.Op({rule.x0, rule.y0}, "m");
  out_.Op({rule.x1, rule.y1}, "l");
  out_.Raw("S");
}

// Consecutive rectangles of one colour (a QR code's modules) share one path and one fill.
void PageDrawer::Fill(const FilledRect& fill) {
  EndText();
  if (in_fill_ && !(fill_known_ && fill_ == fill.color)) EndFill();
  if (!in_fill_) SetFill(fill.color);
  const Rect& a = fill.area;
  out_.Op({a.x0, a.y0, a.x1 - a.x0, a.y1 - a.y0}, "re");
  in_fill_ = true;
}

void PageDrawer::EndFill() {
  if (!in_fill_) return;
  out_.Raw("f");
  in_fill_ = false;
}

void PageDrawer::Link(const LinkArea& link) {
  if (!link.uri.empty()) {
    PrintableLink(
        HPDF_Page_CreateURILinkAnnot(page_, PdfRect(link.area), AsciiUri(link.uri).c_str()));
  } else if (HPDF_Array destination = destinations_.For(link.anchor)) {
    PrintableLink(InternalLink(page_, PdfRect(link.area), destination));
  }
}

void PageDrawer::Image(const ImageItem& item) {
  EndText();
  EndFill();
  HPDF_Image image = images_.Get(item);
  const char* name = image != nullptr ? HPDF_Page_GetXObjectName(page_, image) : nullptr;
  if (name == nullptr) {
    if (problem_.empty()) problem_ = "an image could not be decoded";
    return;
  }
  DrawXObject(name, item.area, 1, 1);  // an image is drawn into the unit square
}

void PageDrawer::Place(const PlacedDrawing& placed) {
  EndText();
  EndFill();
  HPDF_Dict form = forms_.Get(placed.drawing);
  const char* name = form != nullptr ? HPDF_Page_GetXObjectName(page_, form) : nullptr;
  if (name == nullptr) {
    if (problem_.empty()) problem_ = "a drawing could not be added (out of memory)";
    return;
  }
  if (placed.drawing->width <= 0 || placed.drawing->height <= 0) return;
  DrawXObject(name, placed.area, placed.drawing->width, placed.drawing->height);
}

void PageDrawer::DrawXObject(const char* name, const Rect& a, double width, double height) {
  out_.Raw("q");
  out_.Op({(a.x1 - a.x0) / width, 0, 0, (a.y1 - a.y0) / height, a.x0, a.y0}, "cm");
  out_.NamedOp(name, {}, "Do");
  out_.Raw("Q");
}

void PageDrawer::SetFill(const Color& color) {
  if (fill_known_ && fill_ == color) return;
  out_.Op({color.r, color.g, color.b}, "rg");
  fill_ = color;
  fill_known_ = true;
}

void PageDrawer::EndText() {
  if (!in_text_) return;
  EndShow();
  out_.Raw("ET");
  in_text_ = false;
}

bool PageDrawer::Finish(std::string& problem) {
  EndText();
  EndFill();
  if (!problem_.empty()) {
    problem = problem_;
    return false;
  }
  auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
  return SetStreamData(attr->contents, Pack(out_.bytes()));
}

}  // namespace kansli::pdf
