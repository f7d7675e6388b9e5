#pragma once

// The only header that includes <cmark-gfm.h>. Code after markdown/ sees markdown::Block.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <string>

namespace kansli::markdown {

struct CmarkNodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct CmarkParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
using CmarkNode = std::unique_ptr<cmark_node, CmarkNodeFree>;
using CmarkParser = std::unique_ptr<cmark_parser, CmarkParserFree>;

// Never CMARK_OPT_UNSAFE: raw HTML must not reach the intranet. Raw HTML is kept as
// literal text by the converter, so a "<script>" shows as text instead of vanishing.
// Footnotes ([^1] and "[^1]: text") are GFM's own and common in governance documents.
constexpr int kParseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES;

// Parses with the GFM table, strikethrough, autolink and tagfilter extensions. Safe to call
// from several threads: parses are serialised, because cmark-gfm keeps global parse state.
CmarkNode ParseCmark(std::string_view markdown);

}  // namespace kansli::markdown
