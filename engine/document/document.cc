#include "document/document.h"

namespace kansli {

std::optional<Document> ReadDocument(const SourceFile& file, Diagnostics& diags) {
  std::optional<FrontMatterSplit> split = SplitFrontMatter(file, diags);
  if (!split) return std::nullopt;
  std::optional<FrontMatter> meta = ParseFrontMatter(file, *split, diags);
  if (!meta) return std::nullopt;
  return Document{.file = &file,
                  .meta = std::move(*meta),
                  .body = split->body,
                  .body_first_line = split->body_first_line};
}

}  // namespace kansli
