#include "markdown/text_runs.h"

#include <algorithm>
#include <utility>

namespace kansli::markdown {
namespace {

bool InRun(const Inline& in) {
  return in.kind == InlineKind::kText || in.kind == InlineKind::kSoftBreak;
}

// Walks the runs of a tree in the one order TextRuns and LinkTextRuns share. `visit(inlines,
// begin, end)` is called for each run [begin, end) of an inline list that has words in it;
// it may replace that range and returns the index after what it left there.
template <typename Inlines, typename Visit>
void WalkInlines(Inlines& inlines, Visit& visit) {
  for (size_t i = 0; i < inlines.size();) {
    if (!InRun(inlines[i])) {
      auto& in = inlines[i];
      if (in.kind == InlineKind::kEmph || in.kind == InlineKind::kStrong ||
          in.kind == InlineKind::kStrike) {
        WalkInlines(in.children, visit);
      }
      ++i;
      continue;
    }
    size_t end = i;
    bool words = false;
    while (end < inlines.size() && InRun(inlines[end])) {
      words = words || (inlines[end].kind == InlineKind::kText && !inlines[end].text.empty());
      ++end;
    }
    i = words ? visit(inlines, i, end) : end;
  }
}

template <typename Blocks, typename Visit>
void WalkBlocks(Blocks& blocks, Visit& visit) {
  for (auto& block : blocks) {
    if (block.kind == BlockKind::kCodeBlock) continue;
    WalkInlines(block.inlines, visit);
    WalkBlocks(block.children, visit);
  }
}

template <typename Tree, typename Visit>
void Walk(Tree& body, Visit& visit) {
  WalkBlocks(body.blocks, visit);
  for (auto& footnote : body.footnotes) WalkBlocks(footnote.blocks, visit);
}

std::string RunText(const std::vector<Inline>& inlines, size_t begin, size_t end) {
  std::string text;
  for (size_t i = begin; i < end; ++i) {
    text += inlines[i].kind == InlineKind::kSoftBreak ? std::string("\n") : inlines[i].text;
  }
  return text;
}

// `text` as text elements, each "\n" a soft break.
void AddWords(std::string_view text, int line, std::vector<Inline>& out) {
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    if (newline != 0) {
      out.push_back({.text = std::string(text.substr(0, newline)), .line = line});
    }
    if (newline == std::string_view::npos) break;
    out.push_back({.kind = InlineKind::kSoftBreak, .line = ++line});
    text.remove_prefix(newline + 1);
  }
}

}  // namespace

TextSegment TextRun::At(size_t offset) const {
  auto after = std::upper_bound(segments.begin(), segments.end(), offset,
                                [](size_t o, const TextSegment& s) { return o < s.offset; });
  if (after == segments.begin()) return {.offset = offset};
  const TextSegment& segment = *std::prev(after);
  // A raw HTML block is one text element of several lines, without a column of its own.
  int line = segment.line;
  int column = std::max(segment.column, 1);
  for (size_t i = segment.offset; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {.offset = offset, .line = line, .column = column};
}

std::vector<TextRun> TextRuns(const Body& body) {
  std::vector<TextRun> runs;
  auto visit = [&](const std::vector<Inline>& inlines, size_t begin, size_t end) {
    TextRun run;
    for (size_t i = begin; i < end; ++i) {
      if (inlines[i].kind == InlineKind::kText) {
        run.segments.push_back(
            {.offset = run.text.size(), .line = inlines[i].line, .column = inlines[i].column});
        run.text += inlines[i].text;
      } else {
        run.text += '\n';
      }
    }
    runs.push_back(std::move(run));
    return end;
  };
  Walk(body, visit);
  return runs;
}

void LinkTextRuns(Body& body, const std::map<int, std::vector<TextPiece>>& pieces) {
  if (pieces.empty()) return;
  int index = 0;
  auto visit = [&](std::vector<Inline>& inlines, size_t begin, size_t end) {
    auto found = pieces.find(index++);
    if (found == pieces.end()) return end;
    std::string joined;
    for (const TextPiece& piece : found->second) joined += piece.text;
    if (joined != RunText(inlines, begin, end)) return end;
    std::vector<Inline> replaced;
    int line = inlines[begin].line;
    for (const TextPiece& piece : found->second) {
      if (piece.target.empty()) {
        AddWords(piece.text, line, replaced);
      } else {
        Inline link{.kind = InlineKind::kTextLink, .target = piece.target, .line = line};
        AddWords(piece.text, line, link.children);
        replaced.push_back(std::move(link));
      }
      line += static_cast<int>(std::count(piece.text.begin(), piece.text.end(), '\n'));
    }
    const size_t count = replaced.size();
    inlines.erase(inlines.begin() + static_cast<std::ptrdiff_t>(begin),
                  inlines.begin() + static_cast<std::ptrdiff_t>(end));
    inlines.insert(inlines.begin() + static_cast<std::ptrdiff_t>(begin),
                   std::make_move_iterator(replaced.begin()),
                   std::make_move_iterator(replaced.end()));
    return begin + count;
  };
  Walk(body, visit);
}

std::optional<std::vector<TextPiece>> MergeTextPieces(const std::vector<TextPiece>& first,
                                                      const std::vector<TextPiece>& second) {
  struct Link {
    size_t begin = 0;
    size_t end = 0;
    const std::string* target = nullptr;
  };
  std::string text;
  std::vector<Link> links;
  for (const std::vector<TextPiece>* split : {&first, &second}) {
    size_t at = 0;
    for (const TextPiece& piece : *split) {
      if (!piece.target.empty()) links.push_back({at, at + piece.text.size(), &piece.target});
      at += piece.text.size();
    }
  }
  for (const TextPiece& piece : first) text += piece.text;
  std::sort(links.begin(), links.end(),
            [](const Link& a, const Link& b) { return std::pair(a.begin, a.end) < std::pair(b.begin, b.end); });
  std::vector<TextPiece> merged;
  size_t at = 0;
  for (const Link& link : links) {
    if (link.begin < at) {
      // The same words linked to the same place by both: one link.
      if (merged.back().text == text.substr(link.begin, link.end - link.begin) &&
          merged.back().target == *link.target && at == link.end) {
        continue;
      }
      return std::nullopt;
    }
    if (link.begin > at) merged.push_back({text.substr(at, link.begin - at), ""});
    merged.push_back({text.substr(link.begin, link.end - link.begin), *link.target});
    at = link.end;
  }
  if (at < text.size()) merged.push_back({text.substr(at), ""});
  return merged;
}

}  // namespace kansli::markdown
