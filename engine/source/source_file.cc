#include "source/source_file.h"

#include <algorithm>

namespace kansli {

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    unsigned int cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    static constexpr unsigned int kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string ReplaceInvalidUtf8(std::string_view bytes) {
  std::string out;
  while (!bytes.empty()) {
    const size_t bad = FindInvalidUtf8(bytes);
    out += bytes.substr(0, bad);
    if (bad == std::string_view::npos) break;
    out += "\xEF\xBF\xBD";
    bytes.remove_prefix(bad + 1);
  }
  return out;
}

std::optional<SourceFile> SourceFile::FromBytes(std::string path, std::string bytes,
                                                Diagnostics& diags) {
  if (size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    // Positions are computed on the valid prefix, which is all we can count in.
    SourceFile prefix(path, bytes.substr(0, bad));
    SourcePos pos = prefix.PosAt(prefix.text().size());
    char hex[8];
    snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
    diags.Error(pos, Code::kInvalidUtf8,
                std::string("byte ") + hex + " is not valid UTF-8",
                {"save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"});
    return std::nullopt;
  }
  return SourceFile(std::move(path), std::move(bytes));
}

SourceFile::SourceFile(std::string path, std::string bytes) : path_(std::move(path)) {
  std::string_view view = bytes;
  if (view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
  text_.reserve(view.size());
  for (size_t i = 0; i < view.size(); ++i) {
    if (view[i] == '\r') {
      text_ += '\n';
      if (i + 1 < view.size() && view[i + 1] == '\n') ++i;
    } else {
      text_ += view[i];
    }
  }
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' && i + 1 < text_.size()) line_starts_.push_back(i + 1);
  }
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || line > line_count()) return {};
  size_t start = line_starts_[line - 1];
  size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  return std::string_view(text_).substr(start, end - start);
}

int SourceFile::LineAt(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

SourcePos SourceFile::AtByteColumn(int line, int byte_column) const {
  const std::string_view text = Line(line);
  int column = 1;
  for (int i = 0; i < byte_column - 1 && i < static_cast<int>(text.size()); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return {path_, line, column};
}

SourcePos SourceFile::PosAt(size_t offset) const {
  offset = std::min(offset, text_.size());
  int line = LineAt(offset);
  int column = 1;
  for (size_t i = line_starts_[line - 1]; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {path_, line, column};
}

}  // namespace kansli
