#include <gtest/gtest.h>

#include "script/script_fixture.h"

namespace kansli::testing {
namespace {

TEST(LuaApi, BehavesAsDocumentedFromLua) {
  ScriptFixture fixture;
  ASSERT_TRUE(fixture.site.site) << fixture.site.DiagnosticLines();
  std::optional<Relations> relations = fixture.RunFile("tests/script/api.lua");
  ASSERT_TRUE(relations) << fixture.Lines();
  EXPECT_EQ(fixture.Lines(),
            "content/plan.md:11:19: warning: emphasis 'Policy för test' [script-report]\n"
            "  hint: first hint\n"
            "  hint: second hint\n");
  EXPECT_EQ(relations->relations,
            (std::vector<Relation>{{"plan", "policy", RelationKind::kReferences},
                                   {"policy", "plan", RelationKind::kReferences}}));
  const int slot = fixture.site.site->Find("plan")->body.wiki_links[0].slot;
  EXPECT_EQ(relations->links, (decltype(relations->links){{{"plan", slot}, "policy"}}));
}

TEST(LuaApi, RelateCollectsSortedRelationsWithoutDuplicates) {
  ScriptFixture fixture;
  std::optional<Relations> relations = fixture.Run(R"(
kansli.relate("plan", "policy", "implements")
kansli.relate("plan", "policy", "implements")
kansli.relate("policy", "plan", "supersedes")
kansli.relate("plan", "policy", "adopted_in")
)");
  ASSERT_TRUE(relations) << fixture.Lines();
  EXPECT_EQ(relations->relations,
            (std::vector<Relation>{{"plan", "policy", RelationKind::kImplements},
                                   {"plan", "policy", RelationKind::kAdoptedIn},
                                   {"policy", "plan", RelationKind::kSupersedes}}));
  EXPECT_TRUE(relations->links.empty());
}

// A document left out for its errors (here the policy, without its owner) is named in
// site.left_out; relating or linking to it is dropped, not an error, so the run reports the
// other documents' own problems and nothing that follows from the first.
TEST(LuaApi, ADocumentLeftOutIsNamedAndRelationsToItDropped) {
  std::string txtar = kPolicyAndPlan;
  txtar.erase(txtar.find("owner: Kansliet\n"), std::string("owner: Kansliet\n").size());
  ScriptFixture fixture(txtar);
  ASSERT_TRUE(fixture.site.site);
  std::optional<Relations> relations = fixture.Run(R"(
return {
  Site = function(site)
    assert(#site.left_out == 1 and site.left_out[1] == "policy")
    assert(#site.documents == 1 and site.documents[1].id == "plan")
    kansli.relate("plan", "policy", "implements")
    assert(kansli.link("policy") == nil)
  end,
  WikiLink = function(link) return kansli.link(link.target) end,
}
)");
  ASSERT_TRUE(relations) << fixture.Lines();
  EXPECT_TRUE(relations->relations.empty());
  EXPECT_TRUE(relations->links.empty());
  EXPECT_EQ(fixture.Lines(), "");
}

TEST(LuaApi, ErrorReportsAtTheDocumentsFileWithCodeAndColumn) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run(R"(
local plan = kansli.document("plan")
kansli.error(plan, {line = 11, column = 4}, "unknown document id 'x'", "unknown-link", "a hint")
kansli.warning("policy", 0, "a whole-file warning")
)"));
  EXPECT_EQ(fixture.Lines(),
            "content/plan.md:11:4: error: unknown document id 'x' [unknown-link]\n"
            "  hint: a hint\n"
            "content/policy.md: warning: a whole-file warning [script-report]\n");
}

TEST(LuaApi, WarningsAloneDoNotFailTheRun) {
  ScriptFixture fixture;
  EXPECT_TRUE(fixture.Run("kansli.warning('plan', 2, 'just so you know')\n"));
  EXPECT_EQ(fixture.Lines(), "content/plan.md:2: warning: just so you know [script-report]\n");
}

TEST(LuaApi, ReportNeedsADocument) {
  ScriptFixture fixture;
  EXPECT_FALSE(fixture.Run("kansli.error({title = 'x'}, 1, 'x')\n"));
  EXPECT_EQ(fixture.Lines(),
            "scripts/x.lua:1: error: kansli.error: argument #1 is a table without a string 'id' "
            "[script-error]\n");
}

TEST(LuaApi, EmphasisLinksAreKeptBySlot) {
  ScriptFixture fixture;
  std::optional<Relations> relations = fixture.Run(R"(return {
  Emph = function(emph, doc) return kansli.link("policy") end,
})");
  ASSERT_TRUE(relations) << fixture.Lines();
  const int slot = fixture.site.site->Find("plan")->body.emphases[0].slot;
  EXPECT_EQ(relations->links, (decltype(relations->links){{{"plan", slot}, "policy"}}));
  EXPECT_EQ(relations->relations,
            (std::vector<Relation>{{"plan", "policy", RelationKind::kReferences}}));
}

TEST(LuaApi, LinkToTheSameDocumentAddsNoRelation) {
  ScriptFixture fixture;
  std::optional<Relations> relations = fixture.Run(R"(return {
  WikiLink = function(link, doc) return kansli.link(doc.id) end,
})");
  ASSERT_TRUE(relations) << fixture.Lines();
  EXPECT_EQ(relations->links.size(), 1u);
  EXPECT_TRUE(relations->relations.empty());
}

TEST(LuaApi, ScriptWithoutHooksIsFine) {
  ScriptFixture fixture;
  EXPECT_TRUE(fixture.Run("-- nothing to do\n"));
  EXPECT_EQ(fixture.Lines(), "");
}

}  // namespace
}  // namespace kansli::testing
