#include "render/pdf/layout/line_breaker.h"

#include <algorithm>
#include <limits>

#include "render/pdf/layout/broken_words.h"
#include "render/pdf/layout/knuth_plass.h"
#include "render/pdf/layout/paragraph_items.h"

namespace kansli::pdf {
namespace {

using Kind = KpItem::Kind;

constexpr double kEpsilon = 1e-6;

// First fit, for code: break before the first character that does not fit.
std::vector<KpBreak> FirstFit(const std::vector<KpItem>& items, double width) {
  std::vector<KpBreak> breaks;
  double used = 0;
  bool any = false;
  for (size_t i = 0; i < items.size(); ++i) {
    const KpItem& item = items[i];
    if (item.kind == Kind::kPenalty && item.penalty <= -kInfinitePenalty) {
      breaks.push_back({i, 0});
      used = 0;
      any = false;
    } else if (item.kind == Kind::kBox) {
      if (any && used + item.width > width + kEpsilon && items[i - 1].kind == Kind::kPenalty) {
        breaks.push_back({i - 1, 0});
        used = 0;
      }
      used += item.width;
      any = true;
    }
  }
  return breaks;
}

class LineSetter {
 public:
  LineSetter(const std::vector<Span>& spans, const FontMetrics& metrics,
             const ParagraphItems& paragraph, double width, bool justify)
      : spans_(spans),
        metrics_(metrics),
        items_(paragraph.items),
        texts_(paragraph.texts),
        width_(width),
        justify_(justify) {}

  // The items from `start` up to the break make one line; leading glue is dropped.
  Line Set(size_t start, const KpBreak& end) {
    while (start < end.item && items_[start].kind != Kind::kBox) ++start;
    size_t last = end.item;  // trailing glue is dropped too
    while (last > start && items_[last - 1].kind != Kind::kBox) --last;
    const double ratio = justify_ ? Ratio(start, last, end.item) : 0;
    Line line;
    std::vector<int> styles;
    bool open = false;  // the last piece may take the next box
    int gaps = 0;
    double gained = 0;
    for (size_t i = start; i < last; ++i) {
      const KpItem& item = items_[i];
      const ItemText& text = texts_[i];
      if (item.kind == Kind::kPenalty) continue;
      double width = item.width;
      if (item.kind == Kind::kGlue) {
        width += ratio > 0 ? ratio * item.stretch : ratio * item.shrink;
        if (width != item.width) {
          // A stretched space closes its piece so that the next word is placed on its own.
          Append(line, text, item.width, open);
          line.width += width - item.width;
          gained += width - item.width;
          ++gaps;
          open = false;
          styles.push_back(text.span);
          continue;
        }
      }
      Append(line, text, width, open);
      open = true;
      styles.push_back(text.span);
    }
    if (texts_[end.item].hyphen) {
      const ItemText& hyphen = texts_[end.item];
      Append(line, {.span = hyphen.span, .text = "-"}, items_[end.item].width, false);
      line.pieces.back().hyphen = true;
    }
    if (gaps > 0) line.word_spacing = gained / gaps;
    if (styles.empty()) styles.push_back(texts_[end.item].span);
    for (int i : styles) {
      const Span& s = spans_[i];
      line.ascent = std::max(line.ascent, metrics_.Ascent(s.face(), s.style.size));
      line.descent = std::max(line.descent, metrics_.Descent(s.face(), s.style.size));
      line.size = std::max(line.size, s.style.size);
    }
    return line;
  }

 private:
  // How far the line's own glue must stretch (or shrink, at most fully) to fill the width.
  // Not the breaker's ratio, which may count emergency stretch that no glue provides.
  double Ratio(size_t start, size_t last, size_t end) const {
    const KpItem& at = items_[end];
    if (at.kind == Kind::kPenalty && at.penalty <= -kInfinitePenalty) return 0;
    double natural = at.kind == Kind::kPenalty ? at.width : 0;
    double stretch = 0, shrink = 0;
    for (size_t i = start; i < last; ++i) {
      if (items_[i].kind == Kind::kPenalty) continue;
      natural += items_[i].width;
      stretch += items_[i].kind == Kind::kGlue ? items_[i].stretch : 0;
      shrink += items_[i].kind == Kind::kGlue ? items_[i].shrink : 0;
    }
    double shortfall = width_ - natural;
    if (shortfall > 0) return stretch > 0 ? shortfall / stretch : 0;
    return shrink > 0 ? std::max(shortfall / shrink, -1.0) : 0;
  }

  void Append(Line& line, const ItemText& text, double width, bool open) {
    const Span& s = spans_[text.span];
    LinePiece* last = line.pieces.empty() ? nullptr : &line.pieces.back();
    if (open && last != nullptr && last->face == s.face() && last->style.size == s.style.size &&
        last->style.color == s.style.color && last->style.strike == s.style.strike &&
        last->style.uri == s.style.uri && last->style.rise == s.style.rise &&
        last->style.footnote == s.style.footnote) {
      last->text += text.text;
      last->width += width;
    } else {
      line.pieces.push_back(
          {.style = s.style,
           .face = s.face(),
           .x = line.width,
           .width = width,
           .text = std::string(text.text)});
    }
    line.width += width;
  }

  const std::vector<Span>& spans_;
  const FontMetrics& metrics_;
  const std::vector<KpItem>& items_;
  const std::vector<ItemText>& texts_;
  const double width_;
  const bool justify_;
};

}  // namespace

std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, const BreakOptions& options) {
  if (spans.empty()) return {};
  width = std::max(width, 0.0);
  const ParagraphItems paragraph = BuildParagraphItems(spans, width, metrics, options);
  const std::vector<KpItem>& items = paragraph.items;
  std::vector<KpBreak> breaks;
  if (options.wrap == Wrap::kCharacters) {
    breaks = FirstFit(items, width);
  } else {
    KpParams params{.line_width = width};
    // Ragged right is TeX's \raggedright: fixed spaces, 2 em of stretch at each line's end.
    double em = spans.empty() ? 0 : spans.front().style.size;
    if (options.align == TextAlign::kRagged) params.line_end_stretch = 2 * em;
    params.emergency_stretch = 3 * em;
    breaks = KnuthPlass(items, params);
  }
  LineSetter setter(spans, metrics, paragraph, width, options.align == TextAlign::kJustify);
  std::vector<Line> lines;
  std::vector<char> breaks_word;  // per line: it ends inside a word
  size_t start = 0;
  for (const KpBreak& end : breaks) {
    lines.push_back(setter.Set(start, end));
    // In running text penalties are only ever inside words; code lines are not joined.
    const KpItem& at = items[end.item];
    breaks_word.push_back(options.wrap == Wrap::kWords && at.kind == KpItem::Kind::kPenalty &&
                          at.penalty > -kInfinitePenalty);
    start = end.item + 1;
  }
  // The paragraph's end after a hard break (or after nothing but spaces) adds no empty line.
  if (!lines.empty() && lines.back().pieces.empty()) lines.pop_back();
  JoinBrokenWords(lines, breaks_word, metrics);
  return lines;
}

std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, Wrap wrap) {
  return BreakLines(spans, width, metrics, BreakOptions{.wrap = wrap});
}

TextExtent MeasureSpans(const std::vector<Span>& spans, const FontMetrics& metrics,
                        const BreakOptions& options) {
  if (spans.empty()) return {};
  const ParagraphItems paragraph = BuildParagraphItems(
      spans, std::numeric_limits<double>::infinity(), metrics, {.hyphenate = options.hyphenate});
  TextExtent extent{.widest_piece = paragraph.widest_piece, .widest_short = paragraph.widest_short};
  // A line ends only at a hard break; glue at a line's end was dropped when it was built.
  double line = 0;
  for (const KpItem& item : paragraph.items) {
    if (item.kind != KpItem::Kind::kPenalty) {
      line += item.width;  // the paragraph's final glue is infinitely stretchy, but 0 wide
      extent.natural = std::max(extent.natural, line);
    } else if (item.penalty <= -kInfinitePenalty) {
      line = 0;
    }
  }
  return extent;
}

}  // namespace kansli::pdf
