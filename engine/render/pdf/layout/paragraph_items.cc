#include "render/pdf/layout/paragraph_items.h"

#include <algorithm>
#include <string>

#include "render/pdf/layout/hyphenator.h"
#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {
namespace {

using Kind = KpItem::Kind;

constexpr double kEpsilon = 1e-6;
constexpr char32_t kSoftHyphen = 0xAD;
constexpr double kHyphenPenalty = 50;       // TeX's \hyphenpenalty and \exhyphenpenalty
// Emergency breaks, inside a piece of a word too wide for the line: after a slash, dash or
// underscore (a URL, a path), else between any two characters.
constexpr double kSlashPenalty = 500;
constexpr double kEmergencyPenalty = 5000;

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsDash(char32_t c) { return c == '-' || c == 0x2013; }
// Places an overlong word breaks at characters after these first, and without adding a
// hyphen: the character itself shows that the word goes on.
bool IsBreakAfter(char32_t c) { return IsDash(c) || c == '/' || c == '_'; }
bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}
// Between two of these a break shows a hyphen; next to punctuation ("abc-" before ")" or
// "-" before "-") it would read as part of the text. Letters beyond Latin-1 count, but not
// the General Punctuation block (dashes, quotes, ellipsis).
bool TakesHyphen(char32_t c) {
  return IsLetter(c) || (c >= '0' && c <= '9') || (c > 0xFF && (c < 0x2000 || c > 0x206F));
}

struct Char {
  int span;
  char32_t value;
  std::string_view bytes;
  double width;
};

class ParagraphBuilder {
 public:
  ParagraphBuilder(const std::vector<Span>& spans, double width, const FontMetrics& metrics,
                   const BreakOptions& options, ParagraphItems& out)
      : spans_(spans), width_(width), metrics_(metrics), options_(options), out_(out) {}

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
          if (!out_.items.empty() && out_.items.back().kind == Kind::kBox) {
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

 private:
  double Measure(int span, std::string_view text) const {
    const Span& s = spans_[span];
    return metrics_.Width(s.face(), s.style.size, text);
  }

  void Add(KpItem item, ItemText text) {
    out_.items.push_back(item);
    out_.texts.push_back(text);
  }

  void EndParagraph(int span) {
    while (!out_.items.empty() && out_.items.back().kind == Kind::kGlue) {
      out_.items.pop_back();
      out_.texts.pop_back();
    }
    Add({.kind = Kind::kGlue, .stretch = kFill}, {.span = span});
    Add({.kind = Kind::kPenalty, .penalty = -kInfinitePenalty}, {.span = span});
  }

  // Where the word may break: penalty_[j] 0 for none, else the penalty after character j;
  // hyphen_[j] if a break there shows a hyphen, emergency_[j] if it is only for when nothing
  // else fits. The buffers live as long as the builder, so
  // that a word costs no allocation.
  void BreakPenalties() {
    const size_t n = word_.size();
    penalty_.assign(n, 0);
    hyphen_.assign(n, false);
    emergency_.assign(n, false);
    double width = 0;
    bool digits = false;
    mono_ = false;
    text_.clear();
    for (const Char& c : word_) {
      width += c.width;
      digits |= c.value >= '0' && c.value <= '9';
      mono_ |= spans_[c.span].style.mono;
      text_ += c.bytes;
    }
    url_ = text_.find("://") != std::string::npos || text_.find('@') != std::string::npos ||
           text_.starts_with("www.");
    bool points = false;  // a hyphenation point, from the patterns or a soft hyphen
    if (options_.hyphenate && !digits && !mono_ && !url_) {
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
          points = true;
        }
        start = end + 1;
      }
    }
    for (size_t j : soft_after_) {
      if (j + 1 < n) {
        penalty_[j] = kHyphenPenalty;
        hyphen_[j] = true;
        points = true;
      }
    }
    // A short word without hyphenation points is a token ("2024–2025", "e-post"): whole.
    short_ = !points && n <= kShortWordLength;
    if (!short_) {
      for (size_t j = 1; j + 1 < n; ++j) {
        if (IsDash(word_[j].value)) penalty_[j] = kHyphenPenalty;
      }
    }
    if (width > width_ + kEpsilon) EmergencyBreaks();
  }

  // A piece of the word between its break points that is wider than the line may break
  // between any two of its characters: nothing else lets it fit. Between two letters or digits
  // it shows a hyphen there, as a hyphenated word does, so the reader sees that the word goes
  // on (and the broken word reads whole for copy and search). After a dash, slash or
  // underscore the character itself shows that, and next to other punctuation, in a URL or in
  // code a hyphen would read as part of the text, so those break bare.
  void EmergencyBreaks() {
    const size_t n = word_.size();
    double piece = 0;
    for (size_t begin = 0, j = 0; j < n; ++j) {
      piece += word_[j].width;
      if (penalty_[j] == 0 && j + 1 < n) continue;
      const double hyphen = hyphen_[j] ? Measure(word_[j].span, "-") : 0;
      if (piece + hyphen > width_ + kEpsilon) {
        for (size_t i = begin; i < j; ++i) {
          penalty_[i] = IsBreakAfter(word_[i].value) ? kSlashPenalty : kEmergencyPenalty;
          hyphen_[i] =
              !url_ && !mono_ && TakesHyphen(word_[i].value) && TakesHyphen(word_[i + 1].value);
          emergency_[i] = true;
        }
      }
      begin = j + 1;
      piece = 0;
    }
  }

  // Measures the word's pieces between its breaks (there are no emergency breaks when
  // measuring, as the width is then infinite).
  void MeasurePieces() {
    double piece = 0, word = 0;
    for (size_t j = 0; j < word_.size(); ++j) {
      piece += word_[j].width;
      word += word_[j].width;
      if (penalty_[j] == 0 && j + 1 < word_.size()) continue;
      const double hyphen = hyphen_[j] ? Measure(word_[j].span, "-") : 0;
      out_.widest_piece = std::max(out_.widest_piece, piece + hyphen);
      piece = 0;
    }
    if (short_) out_.widest_short = std::max(out_.widest_short, word);
  }

  void FlushWord() {
    if (word_.empty()) return;
    BreakPenalties();
    MeasurePieces();
    for (size_t j = 0; j < word_.size(); ++j) {
      const Char& c = word_[j];
      // The box grows over the characters that follow it in its span's text.
      const bool extends =
          !out_.items.empty() && out_.items.back().kind == Kind::kBox &&
          out_.texts.back().span == c.span &&
          out_.texts.back().text.data() + out_.texts.back().text.size() == c.bytes.data();
      if (!extends) Add({.kind = Kind::kBox}, {.span = c.span, .text = c.bytes.substr(0, 0)});
      std::string_view& box = out_.texts.back().text;
      box = std::string_view(box.data(), box.size() + c.bytes.size());
      out_.items.back().width += c.width;
      if (penalty_[j] == 0 || j + 1 == word_.size()) continue;
      const bool hyphenated = hyphen_[j] != 0;
      double dash = hyphenated ? Measure(c.span, "-") : 0;
      Add({.kind = Kind::kPenalty,
           .width = dash,
           .penalty = penalty_[j],
           .flagged = hyphenated || IsDash(c.value),
           .emergency = emergency_[j] != 0},
          {.span = c.span, .hyphen = hyphenated});
    }
    word_.clear();
    soft_after_.clear();
  }

  const std::vector<Span>& spans_;
  const double width_;
  const FontMetrics& metrics_;
  const BreakOptions& options_;
  ParagraphItems& out_;
  std::vector<Char> word_;
  std::vector<size_t> soft_after_;  // soft hyphens, as the index of the character before
  std::vector<double> penalty_;     // BreakPenalties' answers and working buffers
  std::vector<char> hyphen_;
  std::vector<char> emergency_;
  bool short_ = false;  // about the word being flushed
  bool mono_ = false;
  bool url_ = false;
  std::string text_;
  std::string letters_;
  std::vector<size_t> points_;
};

}  // namespace

ParagraphItems BuildParagraphItems(const std::vector<Span>& spans, double width,
                                   const FontMetrics& metrics, const BreakOptions& options) {
  ParagraphItems out;
  ParagraphBuilder(spans, width, metrics, options, out).Build();
  return out;
}

}  // namespace kansli::pdf
