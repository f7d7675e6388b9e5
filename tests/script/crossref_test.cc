#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "config/site_config.h"
#include "script/script_fixture.h"

namespace kansli::testing {
namespace {

constexpr char kPlan[] = "ljungby-verksamhetsplan-internationellt-arbete";
constexpr char kPolicy[] = "ljungby-policy-internationellt-arbete";
constexpr char kDecision[] = "ljungby-ks-2018-127";
constexpr char kOsby[] = "osby-policy-internationellt-arbete";

// The bundled content/ and kansli.yaml, read from the checkout as `kansli build` reads them.
class RealSite {
 public:
  RealSite() {
    if (!(config_ = LoadSiteConfig(tree_, diags))) return;
    std::vector<ParsedDocument> parsed;
    for (const SourceFile* file : tree_.Folder(config_->content_dir, ".md", diags)) {
      if (auto doc = ParseDocument(*file, diags)) parsed.push_back(std::move(*doc));
    }
    site = Validate(std::move(parsed), *config_, Clock::Fixed({2026, 1, 1}), diags);
    if (!site) return;
    for (const std::string& path : config_->scripts) scripts_.push_back(tree_.File(path, diags));
    relations = RunScripts(*site, scripts_, {}, diags);
  }

  // The document an element of `id`'s body (found by its text) was linked to, or "".
  std::string EmphTarget(const std::string& id, std::string_view text) const {
    for (const markdown::EmphRef& emph : site->Find(id)->body.emphases) {
      if (emph.text == text) return LinkAt(id, emph.slot);
    }
    return "no such emphasis";
  }
  std::string LinkAt(const std::string& id, int slot) const {
    auto it = relations->links.find({id, slot});
    return it == relations->links.end() ? "" : it->second;
  }
  bool Has(const std::string& from, const std::string& to, RelationKind kind) const {
    return std::ranges::count(relations->relations, Relation{from, to, kind}) == 1;
  }

  Diagnostics diags;
  std::optional<ValidatedSite> site;
  std::optional<Relations> relations;

 private:
  SourceTree tree_ = SourceTree::OnDisk(KANSLI_SOURCE_DIR);
  std::optional<SiteConfig> config_;
  std::vector<const SourceFile*> scripts_;
};

TEST(Crossref, LinksTheBundledContent) {
  RealSite real;
  ASSERT_TRUE(real.relations) << [&] {
    std::ostringstream out;
    PrintText(out, real.diags.Sorted(), nullptr);
    return out.str();
  }();
  EXPECT_EQ(real.diags.error_count(), 0);

  EXPECT_TRUE(real.Has(kPlan, kPolicy, RelationKind::kImplements));
  EXPECT_TRUE(real.Has(kPlan, kDecision, RelationKind::kAdoptedIn));

  // Emphasised titles within Ljungby, both ways.
  EXPECT_EQ(real.EmphTarget(kPlan, "Policy för internationellt arbete"), kPolicy);
  EXPECT_EQ(real.EmphTarget(kPolicy, "Verksamhetsplan för internationellt arbete"), kPlan);
  EXPECT_TRUE(real.Has(kPlan, kPolicy, RelationKind::kReferences));
  EXPECT_TRUE(real.Has(kPolicy, kPlan, RelationKind::kReferences));
  // Osby's own longer title is not a document's title, and Ljungby's never links to Osby.
  EXPECT_EQ(real.EmphTarget(kOsby, "Policy för internationellt arbete Osby kommun"), "");
  for (const Relation& relation : real.relations->relations) {
    EXPECT_NE(relation.to, kOsby) << relation.from;
    EXPECT_NE(relation.from, kOsby) << relation.to;
  }

  // The decision's [[id|text]] links resolve.
  const markdown::Body& decision = real.site->Find(kDecision)->body;
  ASSERT_EQ(decision.wiki_links.size(), 2u);
  EXPECT_EQ(real.LinkAt(kDecision, decision.wiki_links[0].slot), kPlan);
  EXPECT_EQ(real.LinkAt(kDecision, decision.wiki_links[1].slot), kPolicy);
  EXPECT_TRUE(real.Has(kDecision, kPlan, RelationKind::kReferences));
}

TEST(Crossref, UnknownWikiLinkIsAnErrorAtItsPosition) {
  ScriptFixture fixture(R"(-- content/a.md --
---
id: a
title: A
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
---

Första stycket.

Se även [[nope]] och [[policyn-for-test|policyn]].
-- content/policyn-for-test.md --
---
id: policyn-for-test
title: Policy
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
---
)");
  ASSERT_TRUE(fixture.site.site) << fixture.site.DiagnosticLines();
  EXPECT_FALSE(fixture.RunFile("scripts/crossref.lua"));
  EXPECT_EQ(fixture.Lines(),
            "content/a.md:12:9: error: unknown document id 'nope' in [[nope]] [unknown-link]\n");
}

TEST(Crossref, MisspelledWikiLinkGetsASuggestion) {
  ScriptFixture fixture(std::string(kPolicyAndPlan) + "Och [[polcy]].\n");
  EXPECT_FALSE(fixture.RunFile("scripts/crossref.lua"));
  EXPECT_EQ(fixture.Lines(),
            "content/plan.md:12:5: error: unknown document id 'polcy' in [[polcy]] "
            "[unknown-link]\n"
            "  hint: did you mean 'policy'?\n");
}

TEST(Crossref, EmphasisLinksOnlyWithinTheOrganisationAndNeverToItself) {
  ScriptFixture fixture(R"(-- content/a.md --
---
id: a
title: Policy
type: policy
organisation: Aby kommun
status: utkast
owner: K
---

*Policy* och *Plan*.
-- content/b.md --
---
id: b
title: Plan
type: plan
organisation: Bby kommun
status: utkast
owner: K
---

*Policy* och *Plan*.
-- content/c.md --
---
id: c
title: Policy
type: policy
organisation: Bby kommun
status: utkast
owner: K
---
)");
  ASSERT_TRUE(fixture.site.site) << fixture.site.DiagnosticLines();
  std::optional<Relations> relations = fixture.RunFile("scripts/crossref.lua");
  ASSERT_TRUE(relations) << fixture.Lines();
  const markdown::Body& b = fixture.site.site->Find("b")->body;
  // b's *Policy* is c (same organisation), not a; b's *Plan* is b itself.
  EXPECT_EQ(relations->links, (decltype(relations->links){{{"b", b.emphases[0].slot}, "c"}}));
}

TEST(Crossref, AmbiguousTitleLinksNowhere) {
  ScriptFixture fixture(std::string(kPolicyAndPlan) + R"(-- content/policy2.md --
---
id: policy2
title: Policy för test
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
---
)");
  std::optional<Relations> relations = fixture.RunFile("scripts/crossref.lua");
  ASSERT_TRUE(relations) << fixture.Lines();
  const int emph_slot = fixture.site.site->Find("plan")->body.emphases[0].slot;
  EXPECT_FALSE(relations->links.contains({"plan", emph_slot}));
  EXPECT_EQ(relations->links.size(), 1u);  // only [[policy]]
}

}  // namespace
}  // namespace kansli::testing
