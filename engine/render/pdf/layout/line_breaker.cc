#include "render/pdf/layout/line_breaker.h"

#include <algorithm>
#include <limits>

#include "render/pdf/layout/hyphenator.h"
#include "render/pdf/layout/knuth_plass.h"
#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {
namespace {

using Kind = KpItem::Kind;

constexpr double kEpsilon = 1e-6;
constexpr char32_t kSoftHyphen = 0xAD;
constexpr double kHyphenPenalty = 50;       // TeX's \hyphenpenalty and \exhyphenpenalty
constexpr double kSlashPenalty = 500;       // inside an overlong word (a URL, a path)
constexpr double kEmergencyPenalty = 5000;  // between any two characters of an overlong word

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDash(char32_t c) { return c == '-' || c == 0x2013; }
// Places an overlong word breaks at characters after these first.
bool IsBreakAfter(char32_t c) { return IsDash(c) || c == '/' || c == '_'; }
bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

// What an item is on the page: the span it comes from and, for boxes, its text. A box's text
// is a view of its span's text: a box holds consecutive characters of one span (a soft
// hyphen, the one character a word skips, always ends a box).
struct ItemText {
  int span = 0;
  std::string_view text;
  bool hyphen = false;  // a penalty that shows "-" when the line breaks there
};

struct Char {
  int span;
  char32_t value;
  std::string_view bytes;
  double width;
};

class ParagraphBuilder {
 public:
  ParagraphBuilder(const std::vector<Span>& spans, double width, const FontMetrics& metrics,
                   const BreakOptions& options)
      : spans_(spans), width_(width), metrics_(metrics), options_(options) {}

  void Build() {
    for (int i = 0; i < static_cast<int>(spans_.size()); ++i) {
      const Span& span = spans_[i];
      if (span.line_break) {
        FlushWord();
        EndParagraph(i);
        continue;
      }
      for (size_t at = 0; at < span.text.size();) {
        CodePoint cp = NextCodePoint(span.text, at);
        std::string_view bytes = std::string_view(span.text).substr(at, cp.length);
        at += cp.length;
        if (options_.wrap == Wrap::kCharacters) {
          Add({.width = Measure(i, bytes)}, {.span = i, .text = bytes});
          Add({.kind = Kind::kPenalty}, {.span = i});
        } else if (IsSpace(cp.value)) {
          FlushWord();
          if (!items_.empty() && items_.back().kind == Kind::kBox) {
            double space = Measure(i, " ");
            bool justify = options_.align == TextAlign::kJustify;
            Add({.kind = Kind::kGlue,
                 .width = space,
                 .stretch = justify ? space / 2 : 0,
                 .shrink = justify ? space / 3 : 0},
                {.span = i, .text = " "});
          }
        } else if (cp.value == kSoftHyphen) {
          // Invisible: it only says where the word may be hyphenated.
          if (!word_.empty()) soft_after_.push_back(word_.size() - 1);
        } else {
          word_.push_back({i, cp.value, bytes, Measure(i, bytes)});
        }
      }
    }
    FlushWord();
    EndParagraph(static_cast<int>(spans_.size()) - 1);
  }

  std::vector<KpItem> items_;
  std::vector<ItemText> texts_;

 private:
  double Measure(int span, std::string_view text) const {
    const Span& s = spans_[span];
    return metrics_.Width(s.face(), s.style.size, text);
  }

  void Add(KpItem item, ItemText text) {
    items_.push_back(item);
    texts_.push_back(std::move(text));
  }

  void EndParagraph(int span) {
    while (!items_.empty() && items_.back().kind == Kind::kGlue) {
      items_.pop_back();
      texts_.pop_back();
    }
    Add({.kind = Kind::kGlue, .stretch = kFill}, {.span = span});
    Add({.kind = Kind::kPenalty, .penalty = -kInfinitePenalty}, {.span = span});
  }

  // Where the word may break: penalty_[j] 0 for none, else the penalty after character j;
  // hyphen_[j] if a break there shows a hyphen. The buffers live as long as the builder, so
  // that a word costs no allocation.
  void BreakPenalties() {
    const size_t n = word_.size();
    penalty_.assign(n, 0);
    hyphen_.assign(n, false);
    double width = 0;
    bool digits = false, mono = false;
    text_.clear();
    for (const Char& c : word_) {
      width += c.width;
      digits |= c.value >= '0' && c.value <= '9';
      mono |= spans_[c.span].style.mono;
      text_ += c.bytes;
    }
    const bool url = text_.find("://") != std::string::npos ||
                     text_.find('@') != std::string::npos || text_.starts_with("www.");
    if (width > width_ + kEpsilon) {  // set it anyhow rather than overflow the margin
      for (size_t j = 0; j + 1 < n; ++j) {
        penalty_[j] = IsBreakAfter(word_[j].value) ? kSlashPenalty : kEmergencyPenalty;
      }
    }
    for (size_t j = 1; j + 1 < n; ++j) {
      if (IsDash(word_[j].value)) penalty_[j] = kHyphenPenalty;
    }
    if (options_.hyphenate && !digits && !mono && !url) {
      for (size_t start = 0; start < n;) {
        size_t end = start;
        letters_.clear();
        while (end < n && IsLetter(word_[end].value)) letters_ += word_[end++].bytes;
        HyphenationPoints(letters_, points_);
        for (size_t offset : points_) {
          size_t bytes = 0, j = start;
          while (bytes + word_[j].bytes.size() < offset) bytes += word_[j++].bytes.size();
          penalty_[j] = kHyphenPenalty;
          hyphen_[j] = true;
        }
        start = end + 1;
      }
    }
  }

  void FlushWord() {
    if (word_.empty()) return;
    BreakPenalties();
    for (size_t j : soft_after_) {
      if (j + 1 < word_.size()) {
        penalty_[j] = kHyphenPenalty;
        hyphen_[j] = true;
      }
    }
    for (size_t j = 0; j < word_.size(); ++j) {
      const Char& c = word_[j];
      // The box grows over the characters that follow it in its span's text.
      const bool extends = !items_.empty() && items_.back().kind == Kind::kBox &&
                           texts_.back().span == c.span &&
                           texts_.back().text.data() + texts_.back().text.size() == c.bytes.data();
      if (!extends) Add({.kind = Kind::kBox}, {.span = c.span, .text = c.bytes.substr(0, 0)});
      std::string_view& box = texts_.back().text;
      box = std::string_view(box.data(), box.size() + c.bytes.size());
      items_.back().width += c.width;
      if (penalty_[j] == 0) continue;
      const bool hyphenated = hyphen_[j] != 0;
      double dash = hyphenated ? Measure(c.span, "-") : 0;
      Add({.kind = Kind::kPenalty,
           .width = dash,
           .penalty = penalty_[j],
           .flagged = hyphenated || IsDash(c.value)},
          {.span = c.span, .hyphen = hyphenated});
    }
    word_.clear();
    soft_after_.clear();
  }

  const std::vector<Span>& spans_;
  const double width_;
  const FontMetrics& metrics_;
  const BreakOptions& options_;
  std::vector<Char> word_;
  std::vector<size_t> soft_after_;  // soft hyphens, as the index of the character before
  std::vector<double> penalty_;     // BreakPenalties' answers and working buffers
  std::vector<char> hyphen_;
  std::string text_;
  std::string letters_;
  std::vector<size_t> points_;
};

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
             const ParagraphBuilder& paragraph, double width, bool justify)
      : spans_(spans),
        metrics_(metrics),
        items_(paragraph.items_),
        texts_(paragraph.texts_),
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

// Splits `piece` before byte `at`, so the new second piece can read differently.
void SplitPiece(std::vector<LinePiece>& pieces, size_t index, size_t at,
                const FontMetrics& metrics) {
  LinePiece& piece = pieces[index];
  LinePiece rest = piece;
  rest.text = piece.text.substr(at);
  piece.text.resize(at);
  const double width = metrics.Width(piece.face, piece.style.size, piece.text);
  rest.x = piece.x + width;
  rest.width = piece.width - width;
  piece.width = width;
  pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(index) + 1, std::move(rest));
}

// A word hyphenated at a line's end stays one word for copy and search: its first part reads
// as the whole word, and the hyphen and the rest at the next line's start read as nothing. A
// word whose first part changes style midway joins from the last style change on.
void JoinHyphenatedWords(std::vector<Line>& lines, const FontMetrics& metrics) {
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    std::vector<LinePiece>& pieces = lines[k].pieces;
    std::vector<LinePiece>& next = lines[k + 1].pieces;
    if (pieces.size() < 2 || !pieces.back().hyphen || next.empty()) continue;
    size_t head_index = pieces.size() - 2;
    const size_t space = pieces[head_index].text.find_last_of(' ');
    if (space != std::string::npos) {
      if (space + 1 == pieces[head_index].text.size()) continue;
      SplitPiece(pieces, head_index, space + 1, metrics);
      ++head_index;
    }
    const size_t end = next.front().text.find(' ');
    if (end == 0) continue;
    if (end != std::string::npos) SplitPiece(next, 0, end, metrics);
    pieces[head_index].actual_text = pieces[head_index].text + next.front().text;
    pieces.back().actual_text = "";
    next.front().actual_text = "";
  }
}

}  // namespace

std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, const BreakOptions& options) {
  if (spans.empty()) return {};
  width = std::max(width, 0.0);
  ParagraphBuilder paragraph(spans, width, metrics, options);
  paragraph.Build();
  const std::vector<KpItem>& items = paragraph.items_;
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
  size_t start = 0;
  for (const KpBreak& end : breaks) {
    lines.push_back(setter.Set(start, end));
    start = end.item + 1;
  }
  // The paragraph's end after a hard break (or after nothing but spaces) adds no empty line.
  if (!lines.empty() && lines.back().pieces.empty()) lines.pop_back();
  JoinHyphenatedWords(lines, metrics);
  return lines;
}

std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, Wrap wrap) {
  return BreakLines(spans, width, metrics, BreakOptions{.wrap = wrap});
}

TextExtent MeasureSpans(const std::vector<Span>& spans, const FontMetrics& metrics) {
  TextExtent extent;
  for (const Line& line :
       BreakLines(spans, std::numeric_limits<double>::max(), metrics, Wrap::kWords)) {
    extent.natural = std::max(extent.natural, line.width);
  }
  double word = 0;
  for (const Span& span : spans) {
    if (span.line_break) word = 0;
    for (size_t at = 0; at < span.text.size();) {
      CodePoint cp = NextCodePoint(span.text, at);
      if (IsSpace(cp.value)) {
        word = 0;
      } else {
        word += metrics.Width(span.face(), span.style.size,
                              std::string_view(span.text).substr(at, cp.length));
        extent.widest_word = std::max(extent.widest_word, word);
        if (IsBreakAfter(cp.value)) word = 0;  // where an overlong word prefers to break
      }
      at += cp.length;
    }
  }
  return extent;
}

}  // namespace kansli::pdf
