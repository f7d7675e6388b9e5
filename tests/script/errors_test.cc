#include <gtest/gtest.h>

#include "script/script_fixture.h"

namespace kansli::testing {
namespace {

TEST(ScriptErrors, RuntimeErrorIsReportedAtItsLineWithoutTheLuaPrefix) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(local function title(doc)
  return doc.missing.field
end
title({})
)"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: attempt to index a nil value (field 'missing') "
            "[script-error]\n");
}

TEST(ScriptErrors, ErrorCallIsReportedAtItsLine) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("\n\nerror('något gick fel')\n"));
  EXPECT_EQ(fixture.Lines(), "scripts/x.lua:3: error: något gick fel [script-error]\n");
}

TEST(ScriptErrors, ErrorLevelTwoPointsAtTheCaller) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(local function check(x)
  if not x then error("check failed", 2) end
end
check(false)
)"));
  EXPECT_EQ(fixture.Lines(), "scripts/x.lua:4: error: check failed [script-error]\n");
}

TEST(ScriptErrors, ErrorWithATableIsReportedAtTheRaisingLine) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("local x = 1\nerror({code = 1})\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: (error object is a table value) [script-error]\n");
}

TEST(ScriptErrors, InvalidUtf8InAMessageIsReplaced) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("error('bad \\xff byte')\n"));
  EXPECT_EQ(fixture.Lines(), "scripts/x.lua:1: error: bad \xEF\xBF\xBD byte [script-error]\n");
}

TEST(ScriptErrors, SyntaxErrorIsReportedAtItsLine) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("local a = 1\nlocal b = = 2\n"));
  EXPECT_EQ(fixture.Lines(), "scripts/x.lua:2: error: unexpected symbol near '=' [script-error]\n");
}

TEST(ScriptErrors, LongScriptPathsAreStillStripped) {
  ScriptFixture fixture;
  const std::string path = "scripts/" + std::string(70, 'a') + ".lua";
  EXPECT_FALSE(fixture.Run("\nerror('boom')\n", {}, path));
  EXPECT_EQ(fixture.Lines(), path + ":2: error: boom [script-error]\n");
}

TEST(ScriptErrors, ErrorInAHookStopsTheScript) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(return {
  WikiLink = function(link, doc)
    return link.nothing.here
  end,
  Emph = function(emph, doc) kansli.error(doc, emph, "not reached") end,
})"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:3: error: attempt to index a nil value (field 'nothing') "
            "[script-error]\n");
}

TEST(ScriptErrors, HookReturningAStringIsABadReturn) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(return {
  WikiLink = function(link, doc)
    return "policy"
  end,
})"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: WikiLink hook returned a string; expected nil or "
            "kansli.link(id) [script-bad-return]\n"
            "  hint: for the element at content/plan.md:11:4\n");
}

TEST(ScriptErrors, SiteHookReturningALinkIsABadReturn) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("return { Site = function(site) return kansli.link('plan') end }\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: Site hook returned a kansli.link; expected nothing "
            "[script-bad-return]\n");
}

TEST(ScriptErrors, ScriptReturningANumberIsABadReturn) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("return 42\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua: error: the script returned a number; expected a table of hooks, or "
            "nothing [script-bad-return]\n"
            "  hint: end the script with: return { Site = function (site) ... end }\n");
}

TEST(ScriptErrors, MisspelledHookIsABadReturnWithASuggestion) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("return {\n  Wikilink = function(link, doc) end,\n  Emph = 3,\n}\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua: error: hook 'Emph' is a number; expected a function "
            "[script-bad-return]\n"
            "  hint: a script returns a table of hook functions: Site, WikiLink, Emph, Str\n"
            "scripts/x.lua:2: error: unknown hook 'Wikilink' [script-bad-return]\n"
            "  hint: did you mean 'WikiLink'?\n"
            "  hint: a script returns a table of hook functions: Site, WikiLink, Emph, Str\n");
}

TEST(ScriptErrors, RelateWithUnknownIdIsAnErrorAtTheCallingLine) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("\nkansli.relate('plan', 'nope', 'implements')\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: kansli.relate: unknown document id 'nope' [script-error]\n");
}

TEST(ScriptErrors, RelateWithUnknownKindIsAnError) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("kansli.relate('plan', 'policy', 'likes')\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: kansli.relate: unknown relation kind 'likes' (use "
            "implements, adopted_in, supersedes or references) [script-error]\n");
}

TEST(ScriptErrors, RelateToItselfIsAnError) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("kansli.relate('plan', 'plan', 'references')\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: kansli.relate: 'plan' cannot relate to itself "
            "[script-error]\n");
}

TEST(ScriptErrors, ArgumentErrorsNameTheFunction) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("kansli.relate('plan')\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: bad argument #2 to 'relate' (string expected, got no value) "
            "[script-error]\n");
}

TEST(ScriptErrors, ArgumentErrorsThroughPcallNameTheKansliFunction) {
  ScriptFixture fixture;
  EXPECT_FALSE(
      fixture.Run("local ok, message = pcall(kansli.relate, 'plan')\nerror(message, 0)\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: bad argument #2 to 'kansli.relate' (string expected, got no "
            "value) [script-error]\n");
}

TEST(ScriptErrors, LinkToUnknownIdIsAnError) {
  ScriptFixture fixture;
  EXPECT_FALSE(
      fixture.Run("return { WikiLink = function(link, doc)\n"
                  "  return kansli.link('nope') end }\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:2: error: kansli.link: unknown document id 'nope' [script-error]\n");
}

TEST(ScriptErrors, ReportWithUnknownCodeIsAnError) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("kansli.error('plan', 1, 'x', 'no-such-code')\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: kansli.error: unknown diagnostic code 'no-such-code' (see "
            "the codes in README) [script-error]\n");
}

TEST(ScriptErrors, ScriptsCannotReportKanslisOwnCodes) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("kansli.error('plan', 1, 'x', 'internal-error')\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: kansli.error: code 'internal-error' is reserved for kansli "
            "itself [script-error]\n");
}

TEST(ScriptErrors, ReportOutsideTheFileIsAnError) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("kansli.warning('plan', 1000, 'x')\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: the line must be a whole number from 0 to 11 "
            "[script-error]\n");
}

TEST(ScriptErrors, LaterScriptsStillRun) {
  ScriptFixture fixture;
  SourceTree tree = SourceTree::InMemory(
      "-- scripts/a.lua --\nerror('first')\n-- scripts/b.lua --\nkansli.error('plan', 2, "
      "'second')\n");
  std::vector<const SourceFile*> files{tree.File("scripts/a.lua", fixture.diags),
                                       tree.File("scripts/b.lua", fixture.diags)};
  ASSERT_TRUE(fixture.site.site);
  EXPECT_FALSE(RunScripts(*fixture.site.site, files, {}, fixture.diags));
  EXPECT_EQ(fixture.Lines(),
            "content/plan.md:2: error: second [script-report]\n"
            "scripts/a.lua:1: error: first [script-error]\n");
}

}  // namespace
}  // namespace kansli::testing
