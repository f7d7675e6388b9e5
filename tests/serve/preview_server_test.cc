// The preview server in-process on the bundled content: URL layout, content types, the 404
// page, path traversal, and that injected code never reaches non-HTML or the built files.
#include "serve/preview_server.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "serve/preview_harness.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

// One server for the read-only tests: each start is a full build.
class PreviewServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = std::make_unique<PreviewHarness>(); }
  static void TearDownTestSuite() { harness_.reset(); }
  void SetUp() override { ASSERT_TRUE(harness_->started()) << harness_->site(); }

  static inline std::unique_ptr<PreviewHarness> harness_;
};

std::string DocumentPath() { return std::string("/styrdokument/") + kPolicyId + "/"; }

TEST_F(PreviewServerTest, PrintsUrlWithBasePathOfBaseUrl) {
  const std::string url = harness_->server().Url();
  EXPECT_EQ(url,
            "http://127.0.0.1:" + std::to_string(harness_->server().port()) + "/styrdokument/");
}

TEST_F(PreviewServerTest, ServesRegisterAndDocumentPageAsHtml) {
  auto client = harness_->Client();
  for (const std::string& path :
       {std::string("/styrdokument/"), DocumentPath(), DocumentPath() + "index.html"}) {
    httplib::Result res = client->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
    EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store") << path;
  }
  EXPECT_NE(client->Get(DocumentPath())->body.find("Policy för internationellt arbete"),
            std::string::npos);
}

TEST_F(PreviewServerTest, RedirectsRootAndFolderWithoutSlash) {
  auto client = harness_->Client();
  httplib::Result root = client->Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 302);
  EXPECT_EQ(root->get_header_value("Location"), "/styrdokument/");
  EXPECT_EQ(root->get_header_value("Cache-Control"), "no-store");
  httplib::Result bare = client->Get("/styrdokument");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->get_header_value("Location"), "/styrdokument/");
  httplib::Result folder = client->Get(std::string("/styrdokument/") + kPolicyId);
  ASSERT_TRUE(folder);
  EXPECT_EQ(folder->status, 302);
  EXPECT_EQ(folder->get_header_value("Location"), DocumentPath());
}

TEST_F(PreviewServerTest, ServesPdfWhereTheDocumentPagesRelativeLinkPoints) {
  auto client = harness_->Client();
  const std::string pdf = std::string(kPolicyId) + ".pdf";
  const std::string page = client->Get(DocumentPath())->body;
  const size_t at = page.find(pdf + "\"");
  ASSERT_NE(at, std::string::npos) << "the page links its PDF";
  const size_t href = page.rfind("href=\"", at);
  ASSERT_NE(href, std::string::npos);
  const std::string link = page.substr(href + 6, at + pdf.size() - href - 6);
  const std::string resolved = (fs::path(DocumentPath()) / link).lexically_normal().string();
  EXPECT_EQ(resolved, "/pdf/" + pdf) << link;

  httplib::Result res = client->Get(resolved);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  EXPECT_TRUE(res->body.starts_with("%PDF-"));
  EXPECT_EQ(res->body.find("__kansli"), std::string::npos);
}

TEST_F(PreviewServerTest, GivesContentTypesOfAssetsFeedAndSitemap) {
  auto client = harness_->Client();
  const std::pair<const char*, const char*> cases[] = {
      {"/styrdokument/assets/kansli.css", "text/css; charset=utf-8"},
      {"/styrdokument/feed.xml", "application/atom+xml"},
      {"/styrdokument/sitemap.xml", "application/xml"},
      {"/__kansli/live.js", "text/javascript; charset=utf-8"},
      {"/__kansli/status", "application/json"},
  };
  for (const auto& [path, type] : cases) {
    httplib::Result res = client->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->get_header_value("Content-Type"), type) << path;
    if (std::string_view(path).starts_with("/styrdokument/")) {
      EXPECT_EQ(res->body.find("__kansli"), std::string::npos) << path << " must be untouched";
      EXPECT_EQ(res->body, ReadFile(harness_->server().output_dir() / "html" /
                                    std::string_view(path).substr(14)))
          << path;
    }
  }
}

TEST_F(PreviewServerTest, InjectsLiveReloadIntoHtmlOnlyAndNeverIntoBuiltFiles) {
  auto client = harness_->Client();
  const std::string page = client->Get("/styrdokument/")->body;
  const size_t script = page.find("<script src=\"/__kansli/live.js\" data-generation=\"");
  ASSERT_NE(script, std::string::npos);
  EXPECT_LT(script, page.rfind("</body>"));
  EXPECT_EQ(page.find("kansli-build-errors"), std::string::npos) << "the build succeeded";
  for (const auto& entry : fs::recursive_directory_iterator(harness_->server().output_dir())) {
    if (entry.is_regular_file()) {
      EXPECT_EQ(ReadFile(entry.path()).find("__kansli"), std::string::npos) << entry.path();
    }
  }
  EXPECT_FALSE(fs::exists(harness_->site() / "output")) << "the site's own output is untouched";
}

TEST_F(PreviewServerTest, MissingFileIs404WithTheSites404Page) {
  auto client = harness_->Client();
  const fs::path page404 = harness_->server().output_dir() / "html" / "404.html";
  const bool built = fs::exists(page404);
  httplib::Result res = client->Get("/styrdokument/finns-inte/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  if (built) {
    EXPECT_NE(res->body.find("<title>"), std::string::npos);
  }

  // The body is whatever html/404.html holds (written here in place of a build's).
  const std::string saved = built ? ReadFile(page404) : "";
  std::ofstream(page404) << "<html><body><p>egen 404-sida</p></body></html>";
  res = client->Get("/pdf/finns-inte.pdf");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_NE(res->body.find("<p>egen 404-sida</p><script src=\"/__kansli/live.js\""),
            std::string::npos)
      << res->body;
  if (built) {
    std::ofstream(page404) << saved;
  } else {
    fs::remove(page404);
    res = client->Get("/somewhere-else");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_NE(res->body.find("Sidan finns inte"), std::string::npos);
  }
}

TEST_F(PreviewServerTest, NeverServesFilesOutsideTheOutputFolder) {
  // A symbolic link planted inside the served folder must not lead out of it either.
  const fs::path html = harness_->server().output_dir() / "html";
  fs::create_directory_symlink("/etc", html / "etc-link");
  std::ofstream(html.parent_path() / "secret.txt") << "root:x:0:0";
  auto client = harness_->Client();
  for (const char* path :
       {"/styrdokument/../../etc/passwd", "/styrdokument/%2e%2e/%2e%2e/etc/passwd",
        "/styrdokument/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "//etc/passwd", "/styrdokument//etc/passwd",
        "/styrdokument/etc-link/passwd", "/styrdokument/../secret.txt",
        "/styrdokument/%2e%2e/secret.txt", "/pdf/../secret.txt", "/pdf/..%2fsecret.txt",
        "/styrdokument/..\\secret.txt", "/styrdokument/%00/../secret.txt",
        "/styrdokument/./index.html"}) {
    httplib::Result res = client->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_NE(res->status, 200) << path;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
  fs::remove(html / "etc-link");
  fs::remove(html.parent_path() / "secret.txt");
}

TEST_F(PreviewServerTest, RejectsWritingMethods) {
  httplib::Result res = harness_->Client()->Post("/styrdokument/", "x", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
}

TEST_F(PreviewServerTest, StatusReportsAGoodFirstBuild) {
  nlohmann::json status = harness_->Status();
  EXPECT_EQ(status["generation"], 1);
  EXPECT_EQ(status["ok"], true);
  EXPECT_EQ(status["has_site"], true);
}

TEST(PreviewServer, StopsPromptlyWithALongPollOpenAndRemovesItsOutput) {
  PreviewHarness harness({}, std::chrono::seconds(25));
  ASSERT_TRUE(harness.started());
  const fs::path output = harness.server().output_dir();
  ASSERT_TRUE(fs::exists(output / "html" / "index.html"));
  auto client = harness.Client();
  client->set_read_timeout(std::chrono::seconds(30));
  std::thread waiter([&] { client->Get("/__kansli/wait?generation=1"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the poll is now held open
  const std::chrono::milliseconds took = harness.Stop();
  waiter.join();
  EXPECT_LT(took.count(), 3000);
  EXPECT_FALSE(fs::exists(output.parent_path()));
}

}  // namespace
}  // namespace kansli::testing
