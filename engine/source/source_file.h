// source/ owns reading the site's files once (SourceTree), their text and line index
// (SourceFile) and today's date (Clock). Every later stage reads through it, never the disk.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace kansli {

// A text file of the site: valid UTF-8, BOM stripped, CRLF and lone CR turned into LF.
class SourceFile {
 public:
  // Reports invalid-utf8 at the first bad byte's line and column and returns nullopt.
  static std::optional<SourceFile> FromBytes(std::string path, std::string bytes,
                                             Diagnostics& diags);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  int line_count() const { return static_cast<int>(line_starts_.size()); }
  std::string_view Line(int line) const;  // 1-based, without the newline
  int LineAt(size_t offset) const;        // 1-based line of a byte offset into text()
  SourcePos PosAt(size_t offset) const;   // line and code-point column of a byte offset
  SourcePos At(int line, int column) const { return {path_, line, column}; }
  // A 1-based column counted in bytes, as cmark and yaml-cpp count, as a code-point column;
  // a byte column past the line's end stays one past it.
  SourcePos AtByteColumn(int line, int byte_column) const;

 private:
  SourceFile(std::string path, std::string text);

  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

// The first invalid UTF-8 byte's offset, or npos. Shared with later stages that must
// check strings a script produced.
size_t FindInvalidUtf8(std::string_view bytes);
// `bytes` with each byte that is not part of valid UTF-8 replaced by U+FFFD: for text from a
// library or a script that is shown to people (a diagnostic's message).
std::string ReplaceInvalidUtf8(std::string_view bytes);

}  // namespace kansli
