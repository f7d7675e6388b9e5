// The Str hook: a script may put links around words of the running text, never change them.
#include <gtest/gtest.h>

#include "script_fixture.h"

namespace kansli::testing {
namespace {

using markdown::TextPiece;

// Links the words "för test" wherever a run of text holds them.
constexpr char kLinkWords[] = R"(return {
  Str = function(str, doc)
    local first, last = str.text:find("för test", 1, true)
    if not first or doc.id == "policy" then return nil end
    return {
      str.text:sub(1, first - 1),
      kansli.link("policy", str.text:sub(first, last)),
      str.text:sub(last + 1),
    }
  end,
})";

TEST(StrHook, LinkedWordsAreKeptByRunWithAReferencesRelation) {
  ScriptFixture fixture;
  std::optional<Relations> relations = fixture.Run(kLinkWords);
  ASSERT_TRUE(relations) << fixture.Lines();
  // The plan's runs: "Se ", " och ", "Policy för test" (the emphasis), ".".
  EXPECT_EQ(relations->text_links,
            (TextLinks{{{"plan", 2}, {TextPiece{"Policy ", ""}, TextPiece{"för test", "policy"}}}}));
  EXPECT_EQ(relations->relations,
            (std::vector<Relation>{{"plan", "policy", RelationKind::kReferences}}));
}

TEST(StrHook, EveryRunIsOfferedInDocumentOrderWithItsPosition) {
  ScriptFixture fixture;
  ASSERT_TRUE(fixture.Run(R"(return {
  Str = function(str, doc)
    print(doc.id .. " " .. str.line .. ":" .. str.column .. " [" .. str.text .. "]")
  end,
})")) << fixture.Lines();
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:3: note: print: plan 11:1 [Se ] [script-report]\n"
            "scripts/x.lua:3: note: print: plan 11:14 [ och ] [script-report]\n"
            "scripts/x.lua:3: note: print: plan 11:20 [Policy för test] [script-report]\n"
            "scripts/x.lua:3: note: print: plan 11:36 [.] [script-report]\n"
            "scripts/x.lua:3: note: print: policy 10:4 [Syfte] [script-report]\n"
            "scripts/x.lua:3: note: print: policy 12:1 [Texten.] [script-report]\n");
}

TEST(StrHook, PositionPointsAtAByteOfTheText) {
  ScriptFixture fixture;
  ASSERT_TRUE(fixture.Run(R"(return {
  Str = function(str, doc)
    local at = str.text:find("test", 1, true)
    if at then kansli.warning(doc, kansli.position(at), "here") end
  end,
})")) << fixture.Lines();
  // "Policy för test" starts at column 20; "ö" is two bytes, one column.
  EXPECT_EQ(fixture.Lines(), "content/plan.md:11:31: warning: here [script-report]\n");
}

TEST(StrHook, PositionOutsideAStrHookOrTheTextIsAnError) {
  ScriptFixture outside;
  EXPECT_FALSE(outside.Run("kansli.position(1)\n"));
  EXPECT_EQ(outside.Lines(),
            "scripts/x.lua:1: error: kansli.position: only a Str hook can ask for a position "
            "[script-error]\n");
  ScriptFixture beyond;
  EXPECT_FALSE(beyond.Run("return { Str = function(str) kansli.position(#str.text + 1) end }\n"));
  EXPECT_EQ(beyond.Lines(),
            "scripts/x.lua:1: error: kansli.position: 4 is outside the text (1 to 3) "
            "[script-error]\n");
}

TEST(StrHook, AListThatChangesTheWordsIsABadReturnAtTheText) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(return {
  Str = function(str, doc)
    if str.text == " och " then return { " eller " } end
  end,
})"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: Str hook returned a list that does not read as the text: "
            "item 1 of the list changes the text: a Str hook may put links around the words, "
            "never change them [script-bad-return]\n"
            "  hint: for the text at content/plan.md:11:14\n");
}

TEST(StrHook, AListThatLeavesOutTheEndIsABadReturn) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(return {
  Str = function(str, doc)
    if str.text == "Policy för test" then return { kansli.link("policy", "Policy") } end
  end,
})"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: Str hook returned a list that does not read as the text: "
            "the list leaves out the end of the text: together its pieces must read the whole of "
            "str.text [script-bad-return]\n"
            "  hint: for the text at content/plan.md:11:26\n");
}

TEST(StrHook, ItemsMustBeStringsOrLinksWithAText) {
  struct Case {
    const char* returned;
    const char* problem;
  };
  for (const Case& c : {
           Case{"{ kansli.link('policy') }", "item 1 of the list is a kansli.link without a text"},
           Case{"{ 'S', 4 }", "item 2 of the list is a number"},
       }) {
    ScriptFixture fixture;
    EXPECT_FALSE(fixture.Run(std::string("return { Str = function(str) if str.text == 'Se ' then "
                                         "return ") +
                             c.returned + " end end }\n"));
    EXPECT_NE(fixture.Lines().find(c.problem), std::string::npos) << fixture.Lines();
  }
}

TEST(StrHook, ALinkAloneOrAStringIsABadReturn) {
  for (const char* returned : {"kansli.link('policy')", "'Se '"}) {
    ScriptFixture fixture;
    EXPECT_FALSE(fixture.Run(std::string("return { Str = function(str) return ") + returned +
                             " end }\n"));
    EXPECT_NE(fixture.Lines().find("expected nil or a list of strings and kansli.link(id, text) "
                                   "values [script-bad-return]"),
              std::string::npos)
        << fixture.Lines();
  }
}

TEST(StrHook, AnEmptyLinkTextIsAnError) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("kansli.link('policy', '')\n"));
  EXPECT_NE(fixture.Lines().find("the text of a link cannot be empty"), std::string::npos)
      << fixture.Lines();
}

TEST(StrHook, ALinkReadsBackItsTargetAndText) {
  ScriptFixture fixture;
  ASSERT_TRUE(fixture.Run(R"(local link = kansli.link("policy", "Policyn")
print(link.target .. "|" .. link.text .. "|" .. tostring(kansli.link("policy").text))
)")) << fixture.Lines();
  EXPECT_EQ(fixture.Lines(), "scripts/x.lua:2: note: print: policy|Policyn|nil [script-report]\n");
}

TEST(StrHook, AListCutInsideACharacterIsABadReturn) {
  ScriptFixture fixture;
  // "ö" is two bytes: a cut after its first byte.
  EXPECT_FALSE(fixture.Run(R"(return {
  Str = function(str, doc)
    if str.text == "Policy för test" then
      return { str.text:sub(1, 9), kansli.link("policy", str.text:sub(10)) }
    end
  end,
})"));
  EXPECT_NE(fixture.Lines().find("item 1 of the list ends inside a character"), std::string::npos)
      << fixture.Lines();
}

TEST(StrHook, TheLinksOfTwoScriptsInOneRunAreBothKept) {
  TestSite site(kPolicyAndPlan);
  SourceTree scripts = SourceTree::InMemory(std::string("-- scripts/a.lua --\n") + kLinkWords +
                                            R"(
-- scripts/b.lua --
return {
  Str = function(str, doc)
    if str.text == "Policy för test" then return { kansli.link("policy", "Policy"), " för test" } end
  end,
}
-- scripts/c.lua --
return {
  Str = function(str, doc)
    if str.text == "Policy för test" then return { "Policy ", kansli.link("plan", "för test") } end
  end,
}
)");
  Diagnostics diags;
  const SourceFile* a = scripts.File("scripts/a.lua", diags);
  const SourceFile* b = scripts.File("scripts/b.lua", diags);
  const SourceFile* c = scripts.File("scripts/c.lua", diags);
  ASSERT_TRUE(site.site && a && b && c);
  std::optional<Relations> both = RunScripts(*site.site, {a, b}, {}, diags);
  ASSERT_TRUE(both) << diags.list().size();
  EXPECT_EQ(both->text_links.at({"plan", 2}),
            (std::vector<TextPiece>{{"Policy", "policy"}, {" ", ""}, {"för test", "policy"}}));
  // A third linking the same words elsewhere is refused.
  EXPECT_FALSE(RunScripts(*site.site, {a, c}, {}, diags));
  ASSERT_FALSE(diags.list().empty());
  EXPECT_NE(diags.list().back().message.find("links words that an earlier script linked "
                                             "elsewhere"),
            std::string::npos)
      << diags.list().back().message;
}

}  // namespace
}  // namespace kansli::testing
