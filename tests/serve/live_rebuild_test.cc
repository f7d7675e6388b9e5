// Editing the site while the preview runs: rebuild latency, the error overlay over the last
// good site, its removal once fixed, and waking long-polls.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "serve/preview_harness.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;
using std::chrono::milliseconds;

std::string PolicyPage() { return std::string("/styrdokument/") + kPolicyId + "/"; }

TEST(LiveRebuild, EditShowsWithinBoundThenErrorOverlayThenRecovers) {
  PreviewHarness harness;
  ASSERT_TRUE(harness.started());
  auto client = harness.Client();
  const uint64_t first = harness.Status()["generation"];

  // A long-poll opened before the edit answers once the rebuild is done.
  nlohmann::json woken;
  std::thread waiter([&] {
    auto poller = harness.Client();
    httplib::Result res = poller->Get("/__kansli/wait?generation=" + std::to_string(first));
    if (res && res->status == 200) woken = nlohmann::json::parse(res->body);
  });

  const auto edited = std::chrono::steady_clock::now();
  harness.Replace(kPolicyFile, "title: Policy för internationellt arbete",
                  "title: Policy för internationellt samarbete");
  nlohmann::json status = harness.WaitForGenerationAfter(first, kRebuildBound);
  ASSERT_FALSE(status.is_null()) << "no rebuild within " << kRebuildBound.count() << " ms";
  std::string page;
  while (page.find("Policy för internationellt samarbete") == std::string::npos &&
         std::chrono::steady_clock::now() - edited < kRebuildBound) {
    page = client->Get(PolicyPage())->body;
  }
  const auto latency =
      std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - edited);
  std::printf("edit -> served latency: %lld ms (build took %lld ms)\n",
              static_cast<long long>(latency.count()),
              static_cast<long long>(status["milliseconds"].get<int64_t>()));
  EXPECT_NE(page.find("Policy för internationellt samarbete"), std::string::npos);
  EXPECT_LT(latency, kRebuildBound);
  EXPECT_EQ(status["ok"], true);
  waiter.join();
  EXPECT_EQ(woken.value("generation", uint64_t{0}), status["generation"].get<uint64_t>());

  // Broken front matter: the last good page stays, under an overlay that locates the error.
  const uint64_t good = status["generation"];
  harness.Replace(kPolicyFile, "review_by: 2018-06-01", "review_by: 2018-02-30");
  status = harness.WaitForGenerationAfter(good, kRebuildBound);
  ASSERT_FALSE(status.is_null());
  EXPECT_EQ(status["ok"], false);
  EXPECT_EQ(status["has_site"], true);
  const std::string where = std::string(kPolicyFile) + ":9:12: error:";
  EXPECT_NE(status["diagnostics"].get<std::string>().find(where), std::string::npos)
      << status["diagnostics"];
  httplib::Result res = client->Get(PolicyPage());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("Policy för internationellt samarbete"), std::string::npos);
  const size_t overlay = res->body.find("<div id=\"kansli-build-errors\" role=\"alert\"");
  ASSERT_NE(overlay, std::string::npos);
  EXPECT_NE(res->body.find("Bygget misslyckades", overlay), std::string::npos);
  EXPECT_NE(res->body.find(where, overlay), std::string::npos);
  EXPECT_LT(overlay, res->body.rfind("</body>"));
  // Non-HTML stays untouched while the build is broken.
  res = client->Get("/styrdokument/assets/kansli.css");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find("kansli-build-errors"), std::string::npos);

  // Fixed: the overlay goes.
  const uint64_t broken = status["generation"];
  harness.Replace(kPolicyFile, "review_by: 2018-02-30", "review_by: 2018-06-01");
  status = harness.WaitForGenerationAfter(broken, kRebuildBound);
  ASSERT_FALSE(status.is_null());
  EXPECT_EQ(status["ok"], true);
  res = client->Get(PolicyPage());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find("kansli-build-errors"), std::string::npos);

  harness.Stop();
  const std::string log = harness.log();
  EXPECT_NE(log.find("rebuilt in "), std::string::npos) << log;
  EXPECT_NE(log.find("error: review_by 2018-02-30"), std::string::npos) << log;
}

TEST(LiveRebuild, IgnoresEditorSwapFilesAndSeesNewSubfolders) {
  PreviewHarness harness;
  ASSERT_TRUE(harness.started());
  std::ofstream(harness.site() / "content" / ".ljungby-policy.md.swp") << "swap";
  std::ofstream(harness.site() / "content" / "ljungby-policy.md~") << "backup";
  EXPECT_TRUE(harness.WaitForGenerationAfter(1, milliseconds(700)).is_null())
      << "swap and backup files must not start a build";

  fs::create_directories(harness.site() / "content" / "ny" / "mapp");
  fs::copy_file(harness.site() / kPolicyFile, harness.site() / "content/ny/mapp/kopia.md");
  harness.Replace("content/ny/mapp/kopia.md", "id: ljungby-policy-internationellt-arbete",
                  "id: ljungby-policy-kopia");
  nlohmann::json status = harness.WaitForGenerationAfter(1, kRebuildBound);
  ASSERT_FALSE(status.is_null());
  EXPECT_EQ(status["ok"], true) << status["diagnostics"];
  httplib::Result res = harness.Client()->Get("/styrdokument/ljungby-policy-kopia/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(LiveRebuild, ServesAnErrorPageUntilTheFirstGoodBuild) {
  PreviewHarness harness(SourcePath("tests/fixtures/bad/impossible-date"));
  ASSERT_TRUE(harness.started());
  nlohmann::json status = harness.Status();
  EXPECT_EQ(status["ok"], false);
  EXPECT_EQ(status["has_site"], false);
  auto client = harness.Client();
  httplib::Result res = client->Get("/styrdokument/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_NE(res->body.find("id=\"kansli-build-errors\""), std::string::npos);
  EXPECT_NE(res->body.find("/__kansli/live.js"), std::string::npos);

  // Removing the bad document makes the site build.
  for (const auto& entry :
       fs::directory_iterator(SourcePath("tests/fixtures/bad/impossible-date") + "/content")) {
    fs::remove(harness.site() / "content" / entry.path().filename());
  }
  status = harness.WaitForGenerationAfter(status["generation"], kRebuildBound);
  ASSERT_FALSE(status.is_null());
  EXPECT_EQ(status["ok"], true) << status["diagnostics"];
  res = client->Get("/styrdokument/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body.find("kansli-build-errors"), std::string::npos);
}

// A script stuck inside a C function (a backtracking pattern) used to end the process: the
// server must report it like any error and keep serving.
TEST(LiveRebuild, AScriptStuckInsideCIsReportedAndTheServerGoesOn) {
  PreviewHarness harness;
  ASSERT_TRUE(harness.started());
  nlohmann::json status = harness.Status();
  ASSERT_EQ(status["ok"], true);
  fs::copy_file(SourcePath("tests/fixtures/slow/backtracking.lua"),
                harness.site() / "scripts/slow.lua");
  std::string yaml = ReadFile(harness.site() / "kansli.yaml");
  const std::string original = yaml;
  yaml.replace(yaml.find("  - scripts/crossref.lua"), 24, "  - scripts/slow.lua");
  yaml.replace(yaml.find("script_seconds: 30"), 18, "script_seconds: 1");
  WriteFile(harness.site() / "kansli.yaml", yaml);
  status = harness.WaitForGenerationAfter(status["generation"], std::chrono::seconds(20));
  ASSERT_FALSE(status.is_null());
  EXPECT_EQ(status["ok"], false);
  EXPECT_NE(status["diagnostics"].dump().find("script-timeout"), std::string::npos)
      << status["diagnostics"];
  // Still serving, and the next good build replaces the error.
  WriteFile(harness.site() / "kansli.yaml", original);
  status = harness.WaitForGenerationAfter(status["generation"], std::chrono::seconds(20));
  ASSERT_FALSE(status.is_null());
  EXPECT_EQ(status["ok"], true) << status["diagnostics"];
  httplib::Result res = harness.Client()->Get("/styrdokument/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

}  // namespace
}  // namespace kansli::testing
