#include "render/pdf/writer/pdf_writer.h"

#include <hpdf_objects.h>

#include <cmath>
#include <numbers>
#include <optional>
#include <variant>

#include "render/pdf/writer/haru_text.h"
#include "render/pdf/writer/info_dictionary.h"
#include "render/pdf/writer/pdfa.h"

namespace kansli::pdf {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

// Draws one page's items in order, keeping text objects open across consecutive runs and
// setting font, size and colour only when they change.
class PageDrawer {
 public:
  PageDrawer(HPDF_Page page, HaruFonts& fonts) : page_(page), fonts_(fonts) {}
  ~PageDrawer() {
    EndText();
    EndFill();
  }

  void Draw(const FrameItem& item) {
    std::visit(
        Overloaded{[&](const TextRun& t) { Text(t); }, [&](const Rule& r) { Line(r); },
                   [&](const FilledRect& f) { Fill(f); }, [&](const LinkArea& l) { Link(l); }},
        item);
  }

 private:
  void Text(const TextRun& run) {
    HPDF_Font font = fonts_.Get(run.face);
    if (font == nullptr || run.utf8.empty()) return;
    EndFill();
    if (!in_text_) {
      HPDF_Page_BeginText(page_);
      in_text_ = true;
    }
    if (font != font_ || run.size != size_) {
      HPDF_Page_SetFontAndSize(page_, font, static_cast<HPDF_REAL>(run.size));
      font_ = font;
      size_ = run.size;
    }
    SetFill(run.color);
    if (run.angle != 0) {
      // A rotated text matrix would throw off the relative moves TextOut makes, so a rotated
      // run gets a text object of its own.
      const double radians = run.angle * std::numbers::pi / 180;
      const HPDF_REAL c = Real(std::cos(radians)), s = Real(std::sin(radians));
      HPDF_Page_SetTextMatrix(page_, c, s, -s, c, Real(run.x), Real(run.y));
      HPDF_Page_ShowText(page_, HaruText(run.utf8).c_str());
      EndText();
      return;
    }
    HPDF_Page_TextOut(page_, static_cast<HPDF_REAL>(run.x), static_cast<HPDF_REAL>(run.y),
                      HaruText(run.utf8).c_str());
  }

  void Line(const Rule& rule) {
    EndText();
    EndFill();
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(rule.width));
    HPDF_Page_SetRGBStroke(page_, Real(rule.color.r), Real(rule.color.g), Real(rule.color.b));
    HPDF_Page_MoveTo(page_, Real(rule.x0), Real(rule.y0));
    HPDF_Page_LineTo(page_, Real(rule.x1), Real(rule.y1));
    HPDF_Page_Stroke(page_);
  }

  // Consecutive rectangles of one colour (a QR code's modules) share one path and one fill.
  void Fill(const FilledRect& fill) {
    EndText();
    if (in_fill_ && !(fill_known_ && fill_ == fill.color)) EndFill();
    if (!in_fill_) SetFill(fill.color);
    const Rect& a = fill.area;
    HPDF_Page_Rectangle(page_, Real(a.x0), Real(a.y0), Real(a.x1 - a.x0), Real(a.y1 - a.y0));
    in_fill_ = true;
  }

  void EndFill() {
    if (!in_fill_) return;
    HPDF_Page_Fill(page_);
    in_fill_ = false;
  }

  void Link(const LinkArea& link) {
    EndFill();
    HPDF_Rect rect{Real(link.area.x0), Real(link.area.y0), Real(link.area.x1), Real(link.area.y1)};
    HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page_, rect, AsciiUri(link.uri).c_str());
    if (annot == nullptr) return;
    HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    // PDF/A-1 wants every annotation printable (flag bit 3).
    HPDF_Dict_AddNumber(static_cast<HPDF_Dict>(annot), "F", 4);
  }

  void SetFill(const Color& color) {
    if (fill_known_ && fill_ == color) return;
    HPDF_Page_SetRGBFill(page_, Real(color.r), Real(color.g), Real(color.b));
    fill_ = color;
    fill_known_ = true;
  }

  void EndText() {
    if (!in_text_) return;
    HPDF_Page_EndText(page_);
    in_text_ = false;
  }

  static HPDF_REAL Real(double value) { return static_cast<HPDF_REAL>(value); }

  HPDF_Page page_;
  HaruFonts& fonts_;
  bool in_text_ = false;
  bool in_fill_ = false;
  HPDF_Font font_ = nullptr;
  double size_ = 0;
  // Unknown until first set. A flag rather than std::optional: GCC 12 -O2 wrongly warns that
  // an optional's colour may be read uninitialised.
  Color fill_;
  bool fill_known_ = false;
};

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

}  // namespace

std::optional<std::string> WritePdf(HPDF_Doc doc, const LaidOutDocument& laid_out, HaruFonts& fonts,
                                    std::string_view icc_profile, const HaruError& error) {
  for (const PageFrame& frame : laid_out.pages) {
    HPDF_Page page = HPDF_AddPage(doc);
    if (page == nullptr) return std::nullopt;
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(frame.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(frame.height));
    PageDrawer drawer(page, fonts);
    for (const FrameItem& item : frame.items) drawer.Draw(item);
    if (error.failed()) return std::nullopt;
  }
  SetInfo(doc, laid_out.info);
  if (!AddPdfAParts(doc, laid_out.info, icc_profile)) return std::nullopt;
  std::optional<std::string> bytes = Save(doc, error);
  if (bytes && !StampDocumentId(*bytes)) return std::nullopt;
  return bytes;
}

}  // namespace kansli::pdf
