#pragma once

#include <optional>

#include "diag/diagnostics.h"
#include "document/document.h"
#include "markdown/body.h"

namespace kansli::markdown {

// Markdown text → Body, with positions in `file` (the body starts at `first_line`).
// Reports nesting-too-deep for hostile nesting instead of recursing without bound.
Body ParseBody(const SourceFile& file, std::string_view markdown, int first_line,
               Diagnostics& diags);

// The version of the library this wraps, for `kansli --version`.
std::string CmarkGfmVersion();

}  // namespace kansli::markdown

namespace kansli {

// The per-document unit of parallel work: read, split, parse front matter and body.
struct ParsedDocument {
  Document document;
  markdown::Body body;
};

// `site_fields`: the names kansli.yaml declares under `fields:`.
std::optional<ParsedDocument> ParseDocument(const SourceFile& file, Diagnostics& diags,
                                            const std::vector<std::string>& site_fields = {});

// Frees the body's tree, keeping its outline (markdown::Body).
void DropTree(ParsedDocument& parsed);

// The body of a document that was parsed, tree and all, parsed again from its text: the same
// text gives the same body. Its diagnostics were reported by the first parse.
markdown::Body ParseTree(const Document& document);


}  // namespace kansli
