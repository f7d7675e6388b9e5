#include "render/pdf/layout/table_of_contents.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "render/pdf/layout/line_breaker.h"
#include "render/pdf/layout/span.h"

namespace kansli::pdf {
namespace {

// The number column holds this many digits, whatever the document's length: a column that
// grew with the page count could move a line break between passes.
constexpr int kNumberDigits = 4;

class ContentsSetter {
 public:
  ContentsSetter(const FontMetrics& metrics, const PageStyle& style)
      : metrics_(metrics), style_(style), body_(style.body_size) {
    double digit = 0;
    for (char c = '0'; c <= '9'; ++c) {
      digit = std::max(digit, metrics_.Width(FontFace::kBold, body_, std::string_view(&c, 1)));
    }
    number_column_ = digit * kNumberDigits;
  }

  void Title(const std::string& title, int tag, std::vector<VBox>& out) const {
    SpanStyle heading{.bold = true, .size = style_.HeadingSize(2), .color = style_.accent};
    const std::vector<Line> lines =
        BreakLines(TextSpans(title, heading), style_.body_width(), metrics_, BreakOptions{});
    for (const Line& line : lines) {
      VBox box = LineBox(line, style_.body_left(), style_.body_width(), markdown::Align::kNone,
                         style_, tag);
      box.keep_with_next = true;
      box.space_before = body_ * 2;
      out.push_back(std::move(box));
    }
  }

  // Ragged and unhyphenated, so a title reads as it does in the body; the number goes on
  // the entry's last line, after dot leaders.
  void Entry(const markdown::Heading& heading, int level, const std::string& number, bool first,
             int tag, std::vector<VBox>& out) const {
    const double left = style_.body_left() + (level - 1) * body_ * 1.5;
    const double width =
        std::max(style_.MinColumnWidth(), style_.body_right() - number_column_ - body_ - left);
    const SpanStyle text{.bold = level == 1, .size = body_, .color = style_.text};
    const std::vector<Line> lines =
        BreakLines(TextSpans(heading.text, text), width, metrics_, BreakOptions{});
    for (size_t i = 0; i < lines.size(); ++i) {
      VBox box = LineBox(lines[i], left, width, markdown::Align::kNone, style_, tag);
      if (i == 0) box.space_before = first ? body_ * 0.6 : level == 1 ? body_ * 0.35 : 0;
      box.keep_with_next = i + 1 < lines.size();  // an entry never splits across pages
      if (i + 1 == lines.size()) Number(number, left + lines[i].width, text, tag, box);
      box.items.push_back(LinkArea{.area = {left, -box.height, style_.body_right(), 0},
                                   .anchor = heading.anchor,
                                   .tag = tag});
      out.push_back(std::move(box));
    }
  }

 private:
  void Number(const std::string& number, double text_end, const SpanStyle& text, int tag,
              VBox& box) const {
    const FontFace face = text.bold ? FontFace::kBold : FontFace::kRegular;
    const double baseline = -box.first_baseline;
    const double number_x = style_.body_right() - metrics_.Width(face, body_, number);
    if (!number.empty()) {
      box.items.push_back(TextRun{.face = face,
                                  .size = body_,
                                  .x = number_x,
                                  .y = baseline,
                                  .utf8 = number,
                                  .color = style_.text,
                                  .tag = tag});
    }
    // Leaders sit on a grid from the column's left edge, so dots line up from entry to entry.
    const double dot = metrics_.Width(FontFace::kRegular, body_, ".");
    const double pitch = dot + metrics_.Width(FontFace::kRegular, body_, " ");
    if (pitch <= 0) return;
    const double room_end = number_x - body_ * 0.4;
    double x = style_.body_left() +
               std::ceil((text_end + body_ * 0.4 - style_.body_left()) / pitch) * pitch;
    std::string leaders;
    for (double at = x; at + dot <= room_end; at += pitch) leaders += leaders.empty() ? "." : " .";
    if (leaders.empty()) return;
    box.items.push_back(TextRun{.face = FontFace::kRegular,
                                .size = body_,
                                .x = x,
                                .y = baseline,
                                .utf8 = std::move(leaders),
                                .color = style_.muted});
  }

  const FontMetrics& metrics_;
  const PageStyle& style_;
  double body_;
  double number_column_ = 0;
};

}  // namespace

namespace {

bool Listed(const markdown::Heading& heading, const ContentsOptions& options) {
  const int level = std::clamp(heading.level - options.top_level + 1, 1, 6);
  return level <= options.depth && !heading.anchor.empty();
}

}  // namespace

bool HasContents(const std::vector<markdown::Heading>& headings, const ContentsOptions& options) {
  if (static_cast<long long>(headings.size()) <= options.min_headings) return false;
  return std::any_of(headings.begin(), headings.end(),
                     [&](const markdown::Heading& h) { return Listed(h, options); });
}

std::vector<VBox> TableOfContents(const std::vector<markdown::Heading>& headings,
                                  const AnchorPages& pages, const ContentsOptions& options,
                                  const SiteText& text, const FontMetrics& metrics,
                                  const PageStyle& style, const ContentsTags& tags) {
  std::vector<VBox> out;
  if (!HasContents(headings, options)) return out;  // no title alone either
  const ContentsSetter setter(metrics, style);
  setter.Title(text.Get("pdf.contents_title"), tags.title, out);
  const size_t title_boxes = out.size();
  for (const markdown::Heading& heading : headings) {
    if (!Listed(heading, options)) continue;
    const int level = std::clamp(heading.level - options.top_level + 1, 1, 6);
    int link = kArtifact;
    if (tags.structure != nullptr) {
      Structure& structure = *tags.structure;
      link = structure.Add(StructRole::kLink, structure.Add(StructRole::kTOCI, tags.list),
                           heading.text);
    }
    auto page = pages.find(heading.anchor);
    setter.Entry(heading, level, page != pages.end() ? std::to_string(page->second) : "",
                 out.size() == title_boxes, link, out);
  }
  return out;
}

AnchorPages FindAnchorPages(const std::vector<PageFrame>& pages) {
  AnchorPages found;
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const FrameItem& item : pages[p].items) {
      if (const auto* anchor = std::get_if<Anchor>(&item)) {
        found.emplace(anchor->name, static_cast<int>(p) + 1);
      }
    }
  }
  return found;
}

AnchorPages FindAnchorPages(const BoxSequence& boxes, const PagePlan& plan) {
  AnchorPages found;
  for (const PlacedBox& placed : plan.placed) {
    for (const FrameItem& item : boxes[placed.box].items) {
      if (const auto* anchor = std::get_if<Anchor>(&item)) {
        found.emplace(anchor->name, placed.page + 1);
      }
    }
  }
  return found;
}

}  // namespace kansli::pdf
