#include "render/pdf/layout/page_furniture.h"

#include <algorithm>

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
  return text.Format("pdf.page_of", {{"page", std::to_string(page)}, {"pages", std::to_string(count)}});
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

void AddPageFurniture(std::vector<PageFrame>& pages, const SiteDocument& doc,
                      const SiteText& text, const FontMetrics& metrics, const PageStyle& style) {
  const double small = style.SmallSize();
  const double left = style.body_left();
  const double right = style.body_right();
  const double step = style.LineHeight(small);
  const int count = static_cast<int>(pages.size());

  std::string version = doc.meta().Has("version") ? "Version " + doc.meta().Value("version") : "";
  double version_width = metrics.Width(FontFace::kRegular, small, version);
  std::string title = FitText(doc.title, FontFace::kRegular, small,
                              style.body_width() - version_width - small * 2, metrics);
  const double header_rule = style.body_top() + small * 0.9;

  // The notice shares its first line with the page number; the URL gets up to two lines.
  const double number_width =
      metrics.Width(FontFace::kRegular, small, PageNumberText(text, count, count));
  SpanStyle footer_style{.size = small, .color = style.muted};
  std::vector<std::string> notice;
  for (const Line& line : BreakLines(TextSpans(text.Get("pdf.printed_copy"), footer_style),
                                     style.body_width() - number_width - small * 2, metrics)) {
    notice.push_back(LineText(line));
  }
  std::vector<std::string> url;
  std::vector<Line> url_lines =
      BreakLines(TextSpans(doc.url, footer_style), style.body_width(), metrics);
  if (!url_lines.empty()) url.push_back(LineText(url_lines[0]));
  if (url_lines.size() > 1) {
    url.push_back(FitText(doc.url.substr(url[0].size()), FontFace::kRegular, small,
                          style.body_width(), metrics));
  }
  const double footer_rule = style.body_bottom() - small * 1.2;
  const double first_baseline = footer_rule - small * 1.4;

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
    double number_x = right - metrics.Width(FontFace::kRegular, small, number);
    items.push_back(Run(number, small, number_x, first_baseline, style.muted));
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
  }
}

}  // namespace kansli::pdf
