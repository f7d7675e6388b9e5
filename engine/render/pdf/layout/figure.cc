#include "render/pdf/layout/figure.h"

#include <algorithm>

#include "render/pdf/layout/line_breaker.h"
#include "site/site_graph.h"

namespace kansli::pdf {
namespace {

using markdown::Inline;
using markdown::InlineKind;

void Collect(const std::vector<Inline>& inlines, const LinkContext& links,
             std::vector<const Inline*>& out) {
  for (const Inline& in : inlines) {
    if (FigureImage(links, in) != nullptr) {
      out.push_back(&in);
    } else {
      Collect(in.children, links, out);
    }
  }
}

// A DPI a file may claim: anything outside is a broken header, not a real resolution.
double UsableDpi(double dpi) { return dpi >= 10 && dpi <= 10000 ? dpi : kDefaultDpi; }

}  // namespace

const ResolvedImage* FigureImage(const LinkContext& links, const Inline& image) {
  if (image.kind != InlineKind::kImage || links.site == nullptr || links.doc == nullptr) {
    return nullptr;
  }
  return links.site->Image(*links.doc, image.target);
}

std::vector<const Inline*> FindFigures(const std::vector<Inline>& inlines,
                                       const LinkContext& links) {
  std::vector<const Inline*> figures;
  Collect(inlines, links, figures);
  return figures;
}

std::vector<Inline> WithoutFigures(const std::vector<Inline>& inlines, const LinkContext& links) {
  std::vector<Inline> kept;
  for (const Inline& in : inlines) {
    if (FigureImage(links, in) != nullptr) continue;
    Inline copy = in;
    copy.children = WithoutFigures(in.children, links);
    kept.push_back(std::move(copy));
  }
  return kept;
}

FigureSize FitFigure(const ImageInfo& info, double max_width, double max_height) {
  const double width = info.width * 72.0 / UsableDpi(info.dpi_x);
  const double height = info.height * 72.0 / UsableDpi(info.dpi_y != 0 ? info.dpi_y : info.dpi_x);
  if (width <= 0 || height <= 0) return {};
  const double scale =
      std::min({1.0, std::max(max_width, 0.0) / width, std::max(max_height, 0.0) / height});
  return {.width = width * scale, .height = height * scale};
}

std::vector<VBox> FigureBoxes(const ResolvedImage& image, const std::string& alt, double left,
                              double width, const FontMetrics& metrics, const PageStyle& style) {
  const FigureSize size = FitFigure(image.info, width, style.body_height() * kMaxFigureHeightShare);
  const double x = left + (width - size.width) / 2;
  VBox picture{.height = size.height, .first_baseline = std::min(size.height, style.body_size)};
  picture.items.push_back(ImageItem{.area = {x, -size.height, x + size.width, 0},
                                    .format = image.info.format == kansli::ImageFormat::kPng
                                                  ? pdf::ImageFormat::kPng
                                                  : pdf::ImageFormat::kJpeg,
                                    .bytes = image.bytes});
  std::vector<VBox> boxes;
  boxes.push_back(std::move(picture));

  const SpanStyle caption{.italic = true, .size = style.SmallSize(), .color = style.muted};
  const size_t first = alt.find_first_not_of(" \t\n");
  const std::string text = first == std::string::npos
                               ? ""
                               : alt.substr(first, alt.find_last_not_of(" \t\n") - first + 1);
  const std::vector<Line> lines = BreakLines(TextSpans(text, caption), width, metrics);
  for (const Line& line : lines) {
    boxes.back().keep_with_next = true;  // a caption never starts a page
    boxes.push_back(LineBox(line, left, width, markdown::Align::kCenter, style));
  }
  if (boxes.size() > 1) PadTop(boxes[1], style.SmallSize() * 0.5);
  return boxes;
}

}  // namespace kansli::pdf
