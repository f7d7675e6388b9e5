#include "markdown/cmark.h"

#include <mutex>
#include <string_view>

namespace kansli::markdown {

CmarkNode ParseCmark(std::string_view markdown) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // cmark-gfm 0.29 switches the extensions' special characters ('~', ':', 'w') on and off in
  // process-wide tables during every parse (cmark_inlines_add_special_character takes no
  // parser), so two parses at once race. Parsing is a small part of a document's work; the
  // conversion to the Body AST, after this returns, still runs in parallel.
  static std::mutex parse_mutex;
  std::lock_guard lock(parse_mutex);
  CmarkParser parser(cmark_parser_new(kParseOptions));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  return CmarkNode(cmark_parser_finish(parser.get()));
}

std::string CmarkGfmVersion() { return cmark_version_string(); }

}  // namespace kansli::markdown
