#include "render/pdf/layout/page_furniture.h"

#include <algorithm>
#include <memory>

#include "render/pdf/layout/line_breaker.h"
#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {
namespace {

constexpr char kEllipsis[] = "…";

TextRun Run(std::string text, double size, double x, double y, Color color) {
  return TextRun{.face = FontFace::kRegular,
                 .size = size,
                 .x = x,
                 .y = y,
                 .utf8 = std::move(text),
                 .color = color};
}

std::string LineText(const Line& line) {
  std::string text;
  for (const LinePiece& piece : line.pieces) text += piece.text;
  return text;
}

}  // namespace

std::string PageNumberText(const SiteText& text, int page, int count) {
  return text.Format("pdf.page_of",
                     {{"page", std::to_string(page)}, {"pages", std::to_string(count)}});
}

std::optional<Rect> QrArea(const PageStyle& style, double footer_top) {
  const double gap = style.SmallSize() * 0.4;
  const double side = std::min(kQrSide, footer_top - gap * 2);
  // Below about 10 mm a printed code no longer scans reliably; leave it out then.
  if (side < 28) return std::nullopt;
  const double top = footer_top - gap;
  return Rect{style.body_right() - side, top - side, style.body_right(), top};
}

Drawing QrDrawing(const QrCode& code) {
  const double side = code.size + 2 * kQrQuietModules;
  Drawing drawing{.width = side, .height = side};
  size_t runs = 0;  // counted first, so the rectangles are placed in one allocation
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size; ++x) runs += code.Dark(x, y) && (x == 0 || !code.Dark(x - 1, y));
  }
  drawing.fills.reserve(runs + 1);
  drawing.fills.push_back(FilledRect{{0, 0, side, side}, Color{1, 1, 1}});
  const double top = side - kQrQuietModules;
  for (int y = 0; y < code.size; ++y) {
    for (int x = 0; x < code.size;) {
      if (!code.Dark(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < code.size && code.Dark(end, y)) ++end;
      drawing.fills.push_back(FilledRect{{static_cast<double>(kQrQuietModules + x), top - (y + 1),
                                          static_cast<double>(kQrQuietModules + end), top - y},
                                         Color{}});
      x = end;
    }
  }
  return drawing;
}

std::string FitText(const std::string& text, FontFace face, double size, double width,
                    const FontMetrics& metrics) {
  if (metrics.Width(face, size, text) <= width) return text;
  double room = width - metrics.Width(face, size, kEllipsis);
  double used = 0;
  size_t end = 0;
  while (end < text.size()) {
    CodePoint cp = NextCodePoint(text, end);
    double w = metrics.Width(face, size, std::string_view(text).substr(end, cp.length));
    if (used + w > room) break;
    used += w;
    end += cp.length;
  }
  while (end > 0 && text[end - 1] == ' ') --end;
  return text.substr(0, end) + kEllipsis;
}

void AddPageFurniture(std::vector<PageFrame>& pages, const SiteDocument& doc, const SiteText& text,
                      const FontMetrics& metrics, const PageStyle& style) {
  const double small = style.SmallSize();
  const double left = style.body_left();
  const double right = style.body_right();
  const double step = style.LineHeight(small);
  const int count = static_cast<int>(pages.size());

  std::string version = doc.version ? "Version " + doc.version->text() : "";
  double version_width = metrics.Width(FontFace::kRegular, small, version);
  std::string title = FitText(doc.title, FontFace::kRegular, small,
                              style.body_width() - version_width - small * 2, metrics);
  const double header_rule = style.body_top() + small * 0.9;

  const double footer_rule = style.body_bottom() - small * 1.2;
  const double first_baseline = footer_rule - small * 1.4;
  // The QR code takes the footer's right; the text keeps to its left.
  const std::optional<QrCode> qr = EncodeQr(doc.url);
  const std::optional<Rect> qr_area = qr ? QrArea(style, footer_rule) : std::nullopt;
  const auto qr_drawing = qr_area ? std::make_shared<const Drawing>(QrDrawing(*qr)) : nullptr;
  const double text_right = qr_area ? qr_area->x0 - small : right;
  const double text_width = text_right - left;

  // The URL shares its first line with the page number and gets up to two lines.
  const double number_width =
      metrics.Width(FontFace::kRegular, small, PageNumberText(text, count, count));
  SpanStyle footer_style{.size = small, .color = style.muted};
  std::vector<std::string> notice;
  for (const Line& line :
       BreakLines(TextSpans(text.Get("pdf.printed_copy"), footer_style), text_width, metrics)) {
    notice.push_back(LineText(line));
  }
  std::vector<std::string> url;
  std::vector<Line> url_lines =
      BreakLines(TextSpans(doc.url, footer_style), text_width - number_width - small * 2, metrics);
  if (!url_lines.empty()) url.push_back(LineText(url_lines[0]));
  if (url_lines.size() > 1) {
    url.push_back(
        FitText(doc.url.substr(url[0].size()), FontFace::kRegular, small, text_width, metrics));
  }
  const double number_baseline = first_baseline - step * static_cast<double>(notice.size());

  for (int i = 0; i < count; ++i) {
    std::vector<FrameItem>& items = pages[i].items;
    const double header_baseline = header_rule + small * 0.5;
    items.push_back(Run(title, small, left, header_baseline, style.muted));
    if (!version.empty()) {
      items.push_back(Run(version, small, right - version_width, header_baseline, style.muted));
    }
    items.push_back(Rule{left, header_rule, right, header_rule, 0.4, style.hairline});

    items.push_back(Rule{left, footer_rule, right, footer_rule, 0.4, style.hairline});
    std::string number = PageNumberText(text, i + 1, count);
    double number_x = text_right - metrics.Width(FontFace::kRegular, small, number);
    items.push_back(Run(number, small, number_x, number_baseline, style.muted));
    double y = first_baseline;
    for (const std::string& line : notice) {
      items.push_back(Run(line, small, left, y, style.muted));
      y -= step;
    }
    for (const std::string& line : url) {
      double w = metrics.Width(FontFace::kRegular, small, line);
      items.push_back(Run(line, small, left, y, style.muted));
      items.push_back(LinkArea{{left, y - small * 0.25, left + w, y + small * 0.8}, doc.url});
      y -= step;
    }
    if (qr_drawing) items.push_back(PlacedDrawing{*qr_area, qr_drawing});
  }
}

}  // namespace kansli::pdf
