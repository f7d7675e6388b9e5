#include "document/document.h"

#include <cstdio>

#include "diag/control_character.h"

namespace kansli {
namespace {

constexpr int kMaxControlReports = 10;  // per file; one more line counts the rest

// Invisible in an editor, and a NUL would be replaced silently by the Markdown parser: a
// control character in a document is a damaged file or a paste from a binary source.
// Returns the offset of the first one (npos if there is none).
size_t CheckControlCharacters(const SourceFile& file, Diagnostics& diags) {
  const std::string_view text = file.text();
  size_t first = std::string_view::npos;
  int found = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned code_point = 0;
    const size_t length = ControlCharacterAt(text, i, code_point);
    if (length == 0) continue;
    if (first == std::string_view::npos) first = i;
    if (++found <= kMaxControlReports) {
      char name[64];
      std::snprintf(name, sizeof name,
                    code_point == 0 ? "a NUL byte (U+0000)" : "control character U+%04X",
                    code_point);
      diags.Error(file.PosAt(i), Code::kControlCharacter,
                  std::string(name) + " is not allowed in a document",
                  {"delete it: it is invisible in most editors, and often comes from pasting out of "
                   "a PDF or a word processor"});
    }
    i += length - 1;
  }
  if (found > kMaxControlReports) {
    diags.Error(file.At(1, 1), Code::kControlCharacter,
                std::to_string(found - kMaxControlReports) + " more control characters in this file");
  }
  return first;
}

}  // namespace

std::optional<Document> ReadDocument(const SourceFile& file, Diagnostics& diags,
                                     const std::vector<std::string>& site_fields) {
  const size_t control = CheckControlCharacters(file, diags);
  std::optional<FrontMatterSplit> split = SplitFrontMatter(file, diags);
  if (!split) return std::nullopt;
  // YAML refuses them too: reading the front matter would only report them again.
  if (control < static_cast<size_t>(split->body.data() - file.text().data())) return std::nullopt;
  std::optional<FrontMatter> meta = ParseFrontMatter(file, *split, diags, site_fields);
  if (!meta) return std::nullopt;
  return Document{.file = &file,
                  .meta = std::move(*meta),
                  .body = split->body,
                  .body_first_line = split->body_first_line};
}

}  // namespace kansli
