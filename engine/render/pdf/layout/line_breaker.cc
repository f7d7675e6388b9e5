#include "render/pdf/layout/line_breaker.h"

#include <algorithm>
#include <limits>

#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {
namespace {

constexpr double kEpsilon = 1e-6;

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Places an overlong word breaks at characters after these first.
bool IsBreakAfter(char32_t c) { return c == '-' || c == '/' || c == 0x2013 || c == '_'; }

struct Fragment {
  int span = 0;
  std::string text;
  double width = 0;
};

class LineBreaker {
 public:
  LineBreaker(const std::vector<Span>& spans, double width, const FontMetrics& metrics, Wrap wrap)
      : spans_(spans), width_(std::max(width, 0.0)), metrics_(metrics), wrap_(wrap) {}

  std::vector<Line> Run() {
    for (int i = 0; i < static_cast<int>(spans_.size()); ++i) {
      const Span& span = spans_[i];
      style_span_ = i;
      if (span.line_break) {
        FlushWord();
        EndLine(true);
        continue;
      }
      const std::string& text = span.text;
      for (size_t at = 0; at < text.size();) {
        CodePoint cp = NextCodePoint(text, at);
        if (wrap_ == Wrap::kWords && IsSpace(cp.value)) {
          FlushWord();
          space_span_ = i;
        } else {
          AppendToWord(i, std::string_view(text).substr(at, cp.length));
        }
        at += cp.length;
      }
    }
    FlushWord();
    if (!line_.empty()) EndLine(false);
    return std::move(lines_);
  }

  double Measure(int span, std::string_view text) const {
    const Span& s = spans_[span];
    return metrics_.Width(s.face(), s.style.size, text);
  }

 private:
  void AppendToWord(int span, std::string_view bytes) {
    if (word_.empty() || word_.back().span != span) word_.push_back({.span = span});
    word_.back().text += bytes;
  }

  void FlushWord() {
    if (word_.empty()) return;
    double word_width = 0;
    for (Fragment& f : word_) word_width += f.width = Measure(f.span, f.text);
    double space = space_span_ >= 0 && !line_.empty() ? Measure(space_span_, " ") : 0;
    if (!line_.empty() && line_width_ + space + word_width <= width_ + kEpsilon) {
      if (space > 0) line_.push_back({.span = space_span_, .text = " ", .width = space});
      line_width_ += space;
    } else {
      if (!line_.empty()) EndLine(false);
    }
    if (line_width_ + word_width <= width_ + kEpsilon) {
      for (Fragment& f : word_) line_.push_back(std::move(f));
      line_width_ += word_width;
    } else {
      BreakWord();
    }
    word_.clear();
    space_span_ = -1;
  }

  // A word wider than the line is set on lines of its own, broken after a hyphen or a slash
  // where one fits, else after the last character that fits. Linear in the word's length.
  void BreakWord() {
    struct Char {
      int span;
      std::string_view bytes;
      double width;
      bool break_after;
    };
    std::vector<Char> chars;
    for (const Fragment& f : word_) {
      for (size_t at = 0; at < f.text.size();) {
        CodePoint cp = NextCodePoint(f.text, at);
        std::string_view bytes = std::string_view(f.text).substr(at, cp.length);
        chars.push_back({f.span, bytes, Measure(f.span, bytes), IsBreakAfter(cp.value)});
        at += cp.length;
      }
    }
    size_t start = 0;
    while (start < chars.size()) {
      double used = 0;
      size_t end = start;
      size_t last_break = start;
      while (end < chars.size() && (end == start || used + chars[end].width <= width_ + kEpsilon)) {
        used += chars[end].width;
        if (chars[end].break_after) last_break = end + 1;
        ++end;
      }
      if (end < chars.size() && last_break > start) end = last_break;
      for (size_t i = start; i < end; ++i) {
        if (line_.empty() || line_.back().span != chars[i].span) {
          line_.push_back({.span = chars[i].span});
        }
        line_.back().text += chars[i].bytes;
        line_.back().width += chars[i].width;
        line_width_ += chars[i].width;
      }
      start = end;
      if (start < chars.size()) EndLine(false);
    }
  }

  void EndLine(bool hard) {
    Line line;
    for (Fragment& f : line_) {
      const Span& s = spans_[f.span];
      LinePiece* last = line.pieces.empty() ? nullptr : &line.pieces.back();
      if (last != nullptr && last->face == s.face() && last->style.size == s.style.size &&
          last->style.color == s.style.color && last->style.strike == s.style.strike &&
          last->style.uri == s.style.uri) {
        last->text += f.text;
        last->width += f.width;
      } else {
        line.pieces.push_back({.style = s.style,
                               .face = s.face(),
                               .x = line.width,
                               .width = f.width,
                               .text = f.text});
      }
      line.width += f.width;
    }
    std::vector<int> styles;
    for (const Fragment& f : line_) styles.push_back(f.span);
    if (styles.empty() && !spans_.empty()) styles.push_back(style_span_);
    for (int i : styles) {
      const Span& s = spans_[i];
      line.ascent = std::max(line.ascent, metrics_.Ascent(s.face(), s.style.size));
      line.descent = std::max(line.descent, metrics_.Descent(s.face(), s.style.size));
      line.size = std::max(line.size, s.style.size);
    }
    if (!line_.empty() || hard) lines_.push_back(std::move(line));
    line_.clear();
    line_width_ = 0;
  }

  const std::vector<Span>& spans_;
  const double width_;
  const FontMetrics& metrics_;
  const Wrap wrap_;
  std::vector<Line> lines_;
  std::vector<Fragment> line_;
  double line_width_ = 0;
  std::vector<Fragment> word_;
  int space_span_ = -1;  // the span of the spaces before word_, if any
  int style_span_ = 0;   // gives an empty line its height
};

}  // namespace

std::vector<Line> BreakLines(const std::vector<Span>& spans, double width,
                             const FontMetrics& metrics, Wrap wrap) {
  return LineBreaker(spans, width, metrics, wrap).Run();
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
        if (IsBreakAfter(cp.value)) word = 0;  // where BreakWord prefers to break
      }
      at += cp.length;
    }
  }
  return extent;
}

}  // namespace kansli::pdf
