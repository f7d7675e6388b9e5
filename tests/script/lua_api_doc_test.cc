#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "script/api.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {

// docs/lua-api.md is generated from the API's own tables (Pandoc's generated docs).
TEST(LuaApiDoc, MatchesTheGeneratedText) {
  const std::string path = SourcePath("docs/lua-api.md");
  const std::string expected = script::LuaApiMarkdown();
  if (std::getenv("KANSLI_UPDATE_DOCS") != nullptr) {
    std::ofstream(path, std::ios::binary) << expected;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream actual;
  actual << in.rdbuf();
  EXPECT_EQ(actual.str(), expected)
      << "docs/lua-api.md is out of date: run this test with KANSLI_UPDATE_DOCS=1 to rewrite it";
}

TEST(LuaApiDoc, DocumentsEveryFunctionAndHook) {
  const std::string doc = script::LuaApiMarkdown();
  for (const char* name : {"kansli.documents()", "kansli.document(id)", "kansli.relate(",
                           "kansli.link(", "kansli.error(", "kansli.warning(", "kansli.closest(",
                           "Site(site)", "WikiLink(link, doc)", "Emph(emph, doc)"}) {
    EXPECT_NE(doc.find(name), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace kansli::testing
