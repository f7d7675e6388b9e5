#include "render/graph/label_text.h"

#include "render/graph/text_metrics.h"

namespace kansli::graph {
namespace {

constexpr char32_t kEllipsis = 0x2026;

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x85 ||
         c == 0xA0 || c == 0x2028 || c == 0x2029;
}

bool IsDropped(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

std::string Encode(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) AppendUtf8(c, out);
  return out;
}

}  // namespace

std::string CleanText(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char32_t c : DecodeUtf8(text)) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (IsDropped(c)) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(c, out);
  }
  return out;
}

std::vector<std::string> WrapText(std::string_view clean, size_t max_chars, size_t max_lines) {
  std::vector<std::u32string> lines;
  if (max_chars == 0 || max_lines == 0) return {};
  const std::u32string text = DecodeUtf8(clean);
  std::u32string line;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find(U' ', i);
    if (end == std::u32string::npos) end = text.size();
    std::u32string_view word(text.data() + i, end - i);
    i = end + 1;
    if (!line.empty() && line.size() + 1 + word.size() <= max_chars) {
      line += U' ';
      line += word;
      continue;
    }
    // A one-character word ("i", "å", "§") never ends a line: it moves down with the next word.
    std::u32string carried;
    const size_t last_space = line.rfind(U' ');
    if (last_space != std::u32string::npos && last_space + 2 == line.size() &&
        2 + word.size() <= max_chars) {
      carried = line.substr(last_space + 1) + U' ';
      line.resize(last_space);
    }
    if (!line.empty()) lines.push_back(std::move(line));
    line = carried;
    if (!carried.empty()) {
      line += word;
      continue;
    }
    while (word.size() > max_chars) {
      lines.emplace_back(word.substr(0, max_chars));
      word.remove_prefix(max_chars);
    }
    line = word;
  }
  if (!line.empty()) lines.push_back(std::move(line));

  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    std::u32string& last = lines.back();
    if (last.size() + 1 > max_chars) last.resize(max_chars - 1);
    while (!last.empty() && last.back() == U' ') last.pop_back();
    last += kEllipsis;
  }
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (const std::u32string& l : lines) out.push_back(Encode(l));
  return out;
}

std::string EscapeGraphvizLabel(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace kansli::graph
