#include "render/pdf/writer/page_drawer.h"

#include <cmath>
#include <numbers>
#include <string>

#include "render/pdf/writer/ascii_uri.h"
#include "render/pdf/writer/text_string.h"

namespace kansli::pdf {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
// C++20 deduces this for an aggregate, but clang before 17 does not (the fuzz build's clang 14).
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

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
  const MarkedContent& marks = c_.marks;
  const PdfFont& font = c_.fonts.For(run.face);
  const std::string* actual = run.actual_text ? &*run.actual_text : nullptr;
  if (actual == nullptr && !font.ShowsAll(run.utf8)) actual = &run.utf8;
  // A run that reads otherwise than it shows gets a marked sequence of its own, holding both
  // its MCID and its ActualText: poppler stops reading an MCID at a nested ActualText span.
  const bool own_mark = actual != nullptr && marks.tagged() && marks.IsElement(run.tag);
  // A hyphenated word's hyphen (ActualText "") joins its first part's sequence, whose
  // ActualText is the whole word. Its rest, on the next line, has one of its own: pdftotext
  // runs a sequence spanning two lines into the line after.
  const bool joins = own_mark && actual->empty() && in_mark_ && in_actual_ &&
                     mark_tag_ == run.tag && run.y == last_y_;
  if (own_mark && !joins) {
    EndMark();
  } else if (!own_mark) {
    if (in_mark_ && mark_tag_ == run.tag && run.y != last_y_ && last_ends_word_) EndLine();
    Mark(run.tag);
  }
  if (!in_text_) {
    out_.Raw("BT");
    in_text_ = true;
    pen_known_ = false;
  }
  if (&font != font_ || run.size != size_) {
    const std::string name = c_.pdf.FontName(page_, font.dict());
    if (name.empty()) return;
    EndShow();
    out_.NamedOp(name, {run.size}, "Tf");
    font_ = &font;
    size_ = run.size;
  }
  if (!(fill_known_ && fill_ == run.color)) {
    EndShow();
    SetFill(run.color);
  }
  if (actual != nullptr && !joins) {
    EndShow();
    const std::string text = actual->empty() ? std::string("()") : Utf16HexString(*actual);
    if (own_mark) {
      // Tagged Span whatever the element's role: poppler honours ActualText on Span only.
      OpenMark("Span", run.tag, " /ActualText " + text);
    } else {
      // A marked span whose text, for copy and search, is `actual` instead of the glyphs.
      out_.Raw("/Span <</ActualText " + text + ">> BDC");
    }
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
  last_y_ = run.y;
  last_ends_word_ = actual == nullptr && !run.utf8.ends_with(' ') && !run.utf8.ends_with('-');
  if (actual != nullptr && !own_mark) {
    EndShow();
    out_.Raw("EMC");
  }
}

// Text read from the tree runs a paragraph's lines together ("ochbolag"): a space glyph at
// the end of each line, invisible past its last word, keeps the words apart.
void PageDrawer::EndLine() {
  if (show_.empty() || font_ == nullptr) return;
  pen_x_ += font_->Encode(" ", show_) * size_ / 1000;
  show_is_array_ = true;
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
  Mark(kArtifact);
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
  Mark(kArtifact);
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
  MarkedContent& marks = c_.marks;
  // PDF/UA allows no annotation outside the structure tree: an artifact's link is not made.
  if (marks.tagged() && !marks.IsElement(link.tag)) return;
  PdfArray destination;
  if (link.uri.empty() && !(destination = c_.destinations.For(link.anchor))) return;
  PdfBuilder& pdf = c_.pdf;
  PdfDict annotation = pdf.Dict();
  pdf.Put(annotation, "Type", PdfName{"Annot"});
  pdf.Put(annotation, "Subtype", PdfName{"Link"});
  const Rect& a = link.area;
  pdf.Put(annotation, "Rect", pdf.Array({a.x0, a.y0, a.x1, a.y1}));
  pdf.Put(annotation, "Border", pdf.Array({0, 0, 0}));
  pdf.Put(annotation, "F", 4);  // printable, as PDF/A-1 wants every annotation
  if (!link.uri.empty()) {
    PdfDict action = pdf.DirectDict();
    pdf.Put(action, "S", PdfName{"URI"});
    pdf.Put(action, "URI", PdfText{AsciiUri(link.uri)});
    pdf.Put(annotation, "A", action);
  } else {
    pdf.Put(annotation, "Dest", destination);
  }
  if (marks.IsElement(link.tag)) {
    const std::string& text = marks.Alt(link.tag);
    if (!text.empty()) pdf.Put(annotation, "Contents", PdfText{text});
    pdf.Put(annotation, "StructParent", marks.Annotate(index_, link.tag, annotation));
  }
  if (!annots_) {
    annots_ = pdf.Array();
    pdf.Put(page_, "Annots", annots_);
  }
  pdf.Push(annots_, annotation);
}

void PageDrawer::Image(const ImageItem& item) {
  EndText();
  Mark(item.tag);
  EndFill();
  PdfDict image = c_.images.Get(item);
  if (!image) {
    c_.pdf.Fail("an image could not be decoded");
    return;
  }
  DrawXObject(c_.pdf.XObjectName(page_, image), item.area, 1, 1);  // into the unit square
}

void PageDrawer::Place(const PlacedDrawing& placed) {
  EndText();
  Mark(kArtifact);
  EndFill();
  PdfDict form = c_.forms.Get(placed.drawing);
  if (!form) {
    c_.pdf.Fail("a drawing could not be added (out of memory)");
    return;
  }
  if (placed.drawing->width <= 0 || placed.drawing->height <= 0) return;
  DrawXObject(c_.pdf.XObjectName(page_, form), placed.area, placed.drawing->width,
              placed.drawing->height);
}

void PageDrawer::DrawXObject(const std::string& name, const Rect& a, double width,
                             double height) {
  if (name.empty()) return;
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

void PageDrawer::Mark(int tag) {
  const MarkedContent& marks = c_.marks;
  if (!marks.tagged()) return;
  if (!marks.IsElement(tag)) tag = kArtifact;
  if (in_mark_ && mark_tag_ == tag && !in_actual_) return;
  EndMark();
  if (tag == kArtifact) {
    out_.Raw("/Artifact BMC");
  } else {
    OpenMark(marks.Role(tag), tag, "");
    return;
  }
  in_mark_ = true;
  in_actual_ = false;
  mark_in_text_ = in_text_;
  mark_tag_ = tag;
}

void PageDrawer::OpenMark(const char* name, int tag, const std::string& more_properties) {
  out_.Raw(std::string("/") + name + " <</MCID " + std::to_string(c_.marks.Mark(index_, tag)) +
           more_properties + ">> BDC");
  in_mark_ = true;
  in_actual_ = !more_properties.empty();
  mark_in_text_ = in_text_;
  mark_tag_ = tag;
}

void PageDrawer::EndMark() {
  if (!in_mark_) return;
  EndShow();
  EndFill();
  if (in_text_ && !mark_in_text_) {  // the sequence holds whole text objects
    out_.Raw("ET");
    in_text_ = false;
  }
  out_.Raw("EMC");
  in_mark_ = false;
  in_actual_ = false;
}

void PageDrawer::EndText() {
  if (!in_text_) return;
  EndShow();
  if (in_mark_ && mark_in_text_) {  // a sequence begun inside this text object ends in it
    out_.Raw("EMC");
    in_mark_ = false;
    in_actual_ = false;
  }
  out_.Raw("ET");
  in_text_ = false;
}

void PageDrawer::Finish() {
  EndText();
  EndFill();
  EndMark();
  c_.pdf.SetContents(page_, Pack(out_.bytes()));
}

}  // namespace kansli::pdf
