// `kansli build` on the bundled content/: the real binary on a copy of the real site.
#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <filesystem>
#include <fstream>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

const auto& kIds = kContentIds;

// One build shared by the tests of this suite: building is the expensive part.
class BuiltContent : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    site_ = new fs::path(MakeSiteCopy({}, /*with_content=*/true));
    result_ = new RunResult(RunKansli({"build", "--today", "2026-11-23"}, *site_));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*site_);
    delete site_;
    delete result_;
  }
  static fs::path Out(const std::string& relative) { return *site_ / "output" / relative; }
  static std::string Page(const std::string& id) { return ReadFile(Out("html/" + id + "/index.html")); }

  static fs::path* site_;
  static RunResult* result_;
};
fs::path* BuiltContent::site_ = nullptr;
RunResult* BuiltContent::result_ = nullptr;

TEST_F(BuiltContent, ExitsZeroWithOverdueRevisionWarnings) {
  EXPECT_EQ(result_->exit_code, 0) << result_->err;
  EXPECT_NE(result_->err.find("revision overdue since 2018-06-01 [revision-overdue]"),
            std::string::npos)
      << result_->err;
  EXPECT_NE(result_->out.find("Published 5 documents"), std::string::npos) << result_->out;
}

TEST_F(BuiltContent, EveryDocumentHasAPageAndAPdf) {
  EXPECT_TRUE(fs::is_regular_file(Out("html/index.html")));
  for (const char* id : kIds) {
    EXPECT_TRUE(fs::is_regular_file(Out(std::string("html/") + id + "/index.html"))) << id;
    EXPECT_TRUE(fs::is_regular_file(Out(std::string("pdf/") + id + ".pdf"))) << id;
    EXPECT_NE(Page(id).find(std::string("pdf/") + id + ".pdf"), std::string::npos) << id;
  }
  for (const char* id : kIds) EXPECT_NE(ReadFile(Out("html/index.html")).find(id), std::string::npos);
}

TEST_F(BuiltContent, EveryPdfPassesAnIndependentPdfAValidator) {
  for (const char* id : kIds) {
    RunResult preflight = Preflight(Out(std::string("pdf/") + id + ".pdf"));
    EXPECT_EQ(preflight.exit_code, 0) << id << "\n" << preflight.out << preflight.err;
    EXPECT_NE(preflight.out.find("is a valid PDF/A-1b file"), std::string::npos) << preflight.out;
  }
}

TEST_F(BuiltContent, PageOneOfThePdfShowsEveryFieldThePageShows) {
  auto page_one = [](const fs::path& pdf) {
    return RunCommand("pdftotext -enc UTF-8 -l 1 '" + pdf.string() + "' -").out;
  };
  const std::string program = page_one(Out("pdf/tranas-program-internationellt-arbete.pdf"));
  EXPECT_NE(program.find("Dokumentnummer"), std::string::npos) << program;
  EXPECT_NE(program.find("0424"), std::string::npos) << program;
  const std::string plan = page_one(Out("pdf/ljungby-verksamhetsplan-internationellt-arbete.pdf"));
  for (const char* text : {"Antagen genom", "KS 2018/0200", "Utarbetad av", "Anette Olsson"}) {
    EXPECT_NE(plan.find(text), std::string::npos) << text << "\n" << plan;
  }
}

TEST_F(BuiltContent, PlanAndPolicyLinkToEachOther) {
  EXPECT_NE(Page("ljungby-verksamhetsplan-internationellt-arbete")
                .find("../ljungby-policy-internationellt-arbete/"),
            std::string::npos);
  EXPECT_NE(Page("ljungby-policy-internationellt-arbete")
                .find("../ljungby-verksamhetsplan-internationellt-arbete/"),
            std::string::npos);
  EXPECT_NE(Page("ljungby-ks-2018-127").find("../ljungby-verksamhetsplan-internationellt-arbete/"),
            std::string::npos);
}

TEST_F(BuiltContent, PdfTextHasSwedishTextInReadingOrder) {
  RunResult text = RunCommand("pdftotext -enc UTF-8 '" +
                              Out("pdf/ljungby-verksamhetsplan-internationellt-arbete.pdf").string() +
                              "' -");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.err, "");  // poppler has nothing to complain about
  EXPECT_NE(text.out.find("internationellt"), std::string::npos);
  EXPECT_NE(text.out.find("Ljungby kommuns utmaningar"), std::string::npos);
  EXPECT_NE(text.out.find("Kommunledningsförvaltningen"), std::string::npos);
  EXPECT_LT(text.out.find("Inledning"), text.out.find("Nyttan med internationellt arbete"));
}

TEST_F(BuiltContent, PdfInfoReadsBackInSwedish) {
  RunResult info = RunCommand("pdfinfo '" +
                              Out("pdf/ljungby-policy-internationellt-arbete.pdf").string() + "'");
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("Policy för internationellt arbete"), std::string::npos) << info.out;
}

TEST_F(BuiltContent, SitemapAndFeedParseBack) {
  for (const char* name : {"html/sitemap.xml", "html/feed.xml"}) {
    std::string xml = ReadFile(Out(name));
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name, nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    EXPECT_NE(doc, nullptr) << name;
    xmlFreeDoc(doc);
    EXPECT_NE(xml.find("https://intranat.example.se/styrdokument/ljungby-policy-internationellt-arbete/"),
              std::string::npos)
        << name;
  }
  // The decision has no date in its source, so it is in the sitemap but not the dated feed.
  const std::string decision = "https://intranat.example.se/styrdokument/ljungby-ks-2018-127/";
  EXPECT_NE(ReadFile(Out("html/sitemap.xml")).find(decision), std::string::npos);
  EXPECT_EQ(ReadFile(Out("html/feed.xml")).find(decision), std::string::npos);
}

TEST_F(BuiltContent, ManifestHasTheSha256OfEveryPdf) {
  std::string manifest = ReadFile(Out("manifest.json"));
  for (const char* id : kIds) {
    EXPECT_NE(manifest.find(std::string("pdf/") + id + ".pdf"), std::string::npos) << id;
  }
  RunResult sum = RunCommand("cd '" + Out("").string() + "' && sha256sum pdf/ljungby-ks-2018-127.pdf");
  EXPECT_NE(manifest.find(sum.out.substr(0, 64)), std::string::npos);
}

TEST_F(BuiltContent, RebuildGivesIdenticalOutput) {
  const std::string before = Fingerprint(*site_ / "output");
  RunResult again = RunKansli({"build", "--today", "2026-11-23"}, *site_);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(Fingerprint(*site_ / "output"), before);
}

TEST(Cli, StrictTurnsOverdueWarningsIntoErrors) {
  fs::path site = MakeSiteCopy({}, true);
  RunResult result = RunKansli({"check", "--strict", "--today", "2026-11-23"}, site);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("error: revision overdue"), std::string::npos) << result.err;
  fs::remove_all(site);
}

TEST(Cli, JsonFormatPrintsTheSameDiagnostics) {
  fs::path site = MakeSiteCopy(SourcePath("tests/fixtures/bad/impossible-date"), false);
  RunResult result = RunKansli({"check", "--format", "json", "--today", "2026-01-01"}, site);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("\"code\": \"invalid-date\""), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("\"line\": 11"), std::string::npos) << result.out;
  fs::remove_all(site);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(RunKansli({"frobnicate"}, SourcePath("")).exit_code, 2);
  EXPECT_EQ(RunKansli({"check", "--today", "2018-02-30"}, SourcePath("")).exit_code, 2);
  EXPECT_EQ(RunKansli({}, SourcePath("")).exit_code, 2);
}

TEST(Cli, VersionNamesKansliAndEveryLinkedLibrary) {
  RunResult result = RunKansli({"--version"}, SourcePath(""));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("kansli 0.")) << result.out;
  for (const char* library : {"cmark-gfm", "yaml-cpp", "Lua", "libxml2", "libharu", "HarfBuzz",
                              "libhyphen", "libqrencode", "Graphviz", "OpenSSL", "Pagefind"}) {
    const size_t at = result.out.find("\n  " + std::string(library) + " ");
    ASSERT_NE(at, std::string::npos) << library << " in\n" << result.out;
    // Each has a version: a digit on its line.
    const std::string line = result.out.substr(at + 1, result.out.find('\n', at + 1) - at - 1);
    EXPECT_NE(line.find_first_of("0123456789"), std::string::npos) << line;
  }
}

TEST(Cli, AnUnknownCommandIsNamedWithTheListOfCommands) {
  RunResult result = RunKansli({"nytt-kommando"}, SourcePath(""));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("unknown command 'nytt-kommando'"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("the commands are: check, build, publish, verify, new, schema, serve"),
            std::string::npos)
      << result.err;
  result = RunKansli({"buld"}, SourcePath(""));
  EXPECT_NE(result.err.find("did you mean 'build'?"), std::string::npos) << result.err;
}

TEST(Cli, MissingSiteFolderIsAUsageErrorThatNamesIt) {
  RunResult result = RunKansli({"check", "/nonexistent-kansli-site"}, SourcePath(""));
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("/nonexistent-kansli-site"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace kansli::testing
