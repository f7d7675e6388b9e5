// A Markdown body parsed as a document's, for the markdown/ tests.
#pragma once

#include <memory>
#include <string>

#include "markdown/markdown_parser.h"

namespace kansli::markdown {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  Body body;
  Diagnostics diags;
};

// The body starts on line 5 of the file, after a four-line front matter.
inline std::unique_ptr<Parsed> Parse(const std::string& markdown) {
  auto parsed = std::make_unique<Parsed>();
  std::string text = "---\nid: a\ntitle: A\n---\n" + markdown;
  parsed->file = std::make_unique<SourceFile>(
      *SourceFile::FromBytes("content/a.md", text, parsed->diags));
  parsed->body = ParseBody(*parsed->file, parsed->file->text().substr(23), 5, parsed->diags);
  return parsed;
}

}  // namespace kansli::markdown
