#include <gtest/gtest.h>

#include "site/site_graph.h"
#include "support/test_site.h"

namespace kansli {
namespace {

using testing::TestSite;

constexpr char kSite[] = R"(-- content/policy.md --
---
id: policy
title: Policy
type: policy
organisation: Kommun
status: gällande
version: 1
adopted_by: KF
owner: Kansliet
valid_from: 2020-01-01
review_by: 2025-01-01
---
-- content/plan.md --
---
id: plan
title: Plan
type: plan
organisation: Kommun
status: utkast
owner: Kansliet
---
Se [[policy]].
)";

TEST(SiteGraph, RelationsAreVisibleFromBothEnds) {
  TestSite t(kSite, "2026-01-01");
  ASSERT_TRUE(t.site) << t.DiagnosticLines();
  Relations relations;
  relations.relations.push_back({"plan", "policy", RelationKind::kImplements});
  relations.relations.push_back({"plan", "policy", RelationKind::kImplements});  // duplicate
  SiteGraph graph(*t.site, relations);
  const SiteDocument* plan = graph.Find("plan");
  const SiteDocument* policy = graph.Find("policy");
  ASSERT_TRUE(plan && policy);
  ASSERT_EQ(plan->relations.size(), 1u);
  EXPECT_TRUE(plan->relations[0].outgoing);
  EXPECT_EQ(plan->relations[0].other, policy);
  EXPECT_EQ(plan->relations[0].label, "Verkställer");
  ASSERT_EQ(policy->relations.size(), 1u);
  EXPECT_FALSE(policy->relations[0].outgoing);
  EXPECT_EQ(policy->relations[0].label, "Verkställs av");
}

TEST(SiteGraph, PermalinksAndOverdueFlag) {
  TestSite t(kSite, "2026-01-01");
  ASSERT_TRUE(t.site);
  SiteGraph graph(*t.site, {});
  const SiteDocument* policy = graph.Find("policy");
  EXPECT_EQ(policy->html_path, "html/policy/index.html");
  EXPECT_EQ(policy->pdf_path, "pdf/policy.pdf");
  EXPECT_EQ(policy->url, "https://intra.test/policy/");
  EXPECT_TRUE(policy->overdue);
  EXPECT_TRUE(policy->in_force);
  EXPECT_FALSE(graph.Find("plan")->overdue);  // drafts are not overdue
  EXPECT_EQ(graph.Find("nope"), nullptr);
}

TEST(SiteGraph, LinkTargetsComeFromScripts) {
  TestSite t(kSite);
  ASSERT_TRUE(t.site);
  const int slot = t.site->Find("plan")->body.wiki_links.at(0).slot;
  Relations relations;
  relations.links[{"plan", slot}] = "policy";
  SiteGraph graph(*t.site, relations);
  EXPECT_EQ(graph.LinkTarget(*graph.Find("plan"), slot), graph.Find("policy"));
  EXPECT_EQ(graph.LinkTarget(*graph.Find("plan"), slot + 1), nullptr);
}

TEST(SiteGraph, RegisterIsSortedByOrganisationTypeTitle) {
  TestSite t(kSite);
  ASSERT_TRUE(t.site);
  SiteGraph graph(*t.site, {});
  std::vector<const SiteDocument*> rows = graph.Register();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]->id, "plan");  // "Plan" sorts before "Policy"
}

}  // namespace
}  // namespace kansli
