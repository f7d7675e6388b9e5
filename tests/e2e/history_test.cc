// `kansli publish` and `kansli verify` on a copy of content/: the life of a policy from its
// first publication through a revision, an unbumped edit, forgery and tampering.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr char kPolicy[] = "ljungby-policy-internationellt-arbete";
constexpr char kPolicyFile[] = "content/ljungby/ljungby-policy-internationellt-arbete.md";

// Replaces the first match of `pattern` in the file.
void Edit(const fs::path& path, const std::string& pattern, const std::string& replacement) {
  const std::string text = ReadFile(path);
  const std::string edited =
      std::regex_replace(text, std::regex(pattern), replacement, std::regex_constants::format_first_only);
  ASSERT_NE(text, edited) << pattern;
  WriteFile(path, edited);
}

class History : public ::testing::Test {
 protected:
  void SetUp() override { site_ = MakeSiteCopy({}, /*with_content=*/true); }
  void TearDown() override { fs::remove_all(site_); }

  RunResult Run(std::vector<std::string> args) { return RunKansli(args, site_); }
  RunResult Publish(const std::string& now) {
    return Run({"publish", "--today", "2026-11-23", "--now", now});
  }
  std::string Out(const std::string& relative) { return ReadFile(site_ / "output" / relative); }
  // Revision 2 of the policy: new text, a new version, a new date in force.
  void ReviseThePolicy() {
    const fs::path file = site_ / kPolicyFile;
    Edit(file, "version: 1\n", "version: 2\n");
    Edit(file, "valid_from: 2013-11-01", "valid_from: 2026-02-10");
    Edit(file, "review_by: 2018-06-01", "review_by: 2030-02-10");
    Edit(file, "ska bedrivas i kommunen", "ska bedrivas i hela kommunen");
  }

  fs::path site_;
};

TEST_F(History, PublishRecordsEveryDecidedVersionOnceAndNeverDrafts) {
  RunResult first = Publish("2026-01-10T09:00:00Z");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("Recorded 4 new"), std::string::npos) << first.out;
  const std::string ledger = ReadFile(site_ / "archive/ledger.jsonl");
  EXPECT_EQ(std::count(ledger.begin(), ledger.end(), '\n'), 5);  // header and 4 records
  EXPECT_EQ(ledger.find("osby-policy-internationellt-arbete"), std::string::npos) << "a draft";
  EXPECT_TRUE(fs::exists(site_ / "archive/pdf" / (std::string(kPolicy) + "-v1.pdf")));
  EXPECT_TRUE(fs::exists(site_ / "archive/source" / (std::string(kPolicy) + "-v1.md")));
  EXPECT_EQ(ReadFile(site_ / "archive/pdf" / (std::string(kPolicy) + "-v1.pdf")),
            Out("pdf/" + std::string(kPolicy) + ".pdf"));

  RunResult again = Publish("2026-01-11T09:00:00Z");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(ReadFile(site_ / "archive/ledger.jsonl"), ledger) << "nothing new, nothing appended";
  // build reads the ledger and never writes it.
  ASSERT_EQ(Run({"build", "--today", "2026-11-23"}).exit_code, 0);
  EXPECT_EQ(ReadFile(site_ / "archive/ledger.jsonl"), ledger);
}

TEST_F(History, ARevisionKeepsTheOldPdfAndBothVerify) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const std::string v1 = Out("pdf/" + std::string(kPolicy) + ".pdf");
  ReviseThePolicy();
  RunResult second = Publish("2026-03-01T10:00:00Z");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(Out("pdf/" + std::string(kPolicy) + "-v1.pdf"), v1) << "byte-identical";
  const std::string v2 = Out("pdf/" + std::string(kPolicy) + ".pdf");
  EXPECT_NE(v2, v1);
  EXPECT_EQ(Out("pdf/" + std::string(kPolicy) + "-v2.pdf"), v2);

  RunResult old = Run({"verify", "output/pdf/" + std::string(kPolicy) + "-v1.pdf"});
  EXPECT_EQ(old.exit_code, 0) << old.err;
  EXPECT_NE(old.out.find("official: Policy för internationellt arbete (" + std::string(kPolicy) +
                         "), version 1, published 2026-01-10 09:00 UTC, in force 2013-11-01 – "
                         "2026-02-10, replaced by version 2"),
            std::string::npos)
      << old.out;
  RunResult current = Run({"verify", "output/pdf/" + std::string(kPolicy) + ".pdf", "--format", "json"});
  EXPECT_EQ(current.exit_code, 0) << current.err;
  EXPECT_NE(current.out.find("\"official\": true"), std::string::npos) << current.out;
  EXPECT_NE(current.out.find("\"version\": \"2\""), std::string::npos) << current.out;

  // The new version's PDF lists the one it follows.
  const fs::path pdf = site_ / "output/pdf" / (std::string(kPolicy) + ".pdf");
  RunResult text = RunCommand("pdftotext -layout '" + pdf.string() + "' -");
  EXPECT_NE(text.out.find("Tidigare versioner"), std::string::npos) << text.out.substr(0, 2000);
  EXPECT_NE(text.out.find("1 (från 2013-11-01, Kommunfullmäktige)"), std::string::npos);

  // The intranet: every version at its own address, the table, and what changed.
  const std::string page = Out("html/" + std::string(kPolicy) + "/index.html");
  EXPECT_NE(page.find("v1/index.html"), std::string::npos);
  EXPECT_NE(page.find("v2/andringar/index.html"), std::string::npos);
  const std::string old_page = Out("html/" + std::string(kPolicy) + "/v1/index.html");
  EXPECT_NE(old_page.find("Version 1 gällde 2013-11-01 – 2026-02-10. Gällande version är 2."),
            std::string::npos);
  const std::string changes = Out("html/" + std::string(kPolicy) + "/v2/andringar/index.html");
  EXPECT_NE(changes.find("<ins>hela</ins>"), std::string::npos) << changes.substr(0, 3000);
  const std::string feed = Out("html/feed.xml");
  EXPECT_NE(feed.find("<updated>2026-03-01T10:00:00Z</updated>"), std::string::npos);
  EXPECT_NE(feed.find(std::string(kPolicy) + "/v1/"), std::string::npos);
  const std::string head = ReadFile(site_ / "archive/ledger.jsonl");
  const std::string last_hash = head.substr(head.rfind("\"hash\":\"") + 8, 64);
  EXPECT_NE(Out("manifest.json").find(last_hash), std::string::npos);
  EXPECT_NE(Out("html/index.html").find(last_hash), std::string::npos);
}

TEST_F(History, AForgedCopyIsNotOfficialAndSaysWhatItClaims) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  std::string bytes = Out("pdf/" + std::string(kPolicy) + ".pdf");
  // An incremental update appended, as an editor saves a changed PDF: still a PDF, and still
  // carrying the original's metadata.
  bytes += "1 0 obj\n<< /Changed true >>\nendobj\n%%EOF\n";
  WriteFile(site_ / "forged.pdf", bytes);
  RunResult forged = Run({"verify", "forged.pdf"});
  EXPECT_EQ(forged.exit_code, 1);
  EXPECT_NE(forged.out.find("not an official version"), std::string::npos) << forged.out;
  EXPECT_NE(forged.out.find("claims to be Policy för internationellt arbete (" +
                            std::string(kPolicy) + ") version 1, but its bytes differ"),
            std::string::npos)
      << forged.out;
  WriteFile(site_ / "other.pdf", "%PDF-1.4 nothing");
  RunResult other = Run({"verify", "other.pdf"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_NE(other.out.find("not an official version"), std::string::npos);
}

TEST_F(History, AnUnbumpedEditOrALowerVersionIsRefusedAtTheVersionLine) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const std::string before = ReadFile(site_ / "archive/ledger.jsonl");
  Edit(site_ / kPolicyFile, "ska bedrivas i kommunen", "ska bedrivas i hela kommunen");
  for (const char* command : {"check", "build", "publish"}) {
    RunResult result = Run({command, "--today", "2026-11-23"});
    EXPECT_EQ(result.exit_code, 1) << command;
    EXPECT_NE(result.err.find(std::string(kPolicyFile) +
                              ":6:10: error: version 1 was published 2026-01-10 with other "
                              "text; raise the version or restore the text [version-unchanged]"),
              std::string::npos)
        << result.err;
  }
  EXPECT_EQ(ReadFile(site_ / "archive/ledger.jsonl"), before);

  Edit(site_ / kPolicyFile, "ska bedrivas i hela kommunen", "ska bedrivas i kommunen");
  ASSERT_EQ(Run({"check", "--today", "2026-11-23"}).exit_code, 0) << "the text restored";
  ReviseThePolicy();
  ASSERT_EQ(Publish("2026-03-01T10:00:00Z").exit_code, 0);
  Edit(site_ / kPolicyFile, "version: 2\n", "version: 1.9\n");
  RunResult lower = Run({"check", "--today", "2026-11-23"});
  EXPECT_EQ(lower.exit_code, 1);
  EXPECT_NE(lower.err.find("version 1.9 is lower than the published version 2"), std::string::npos)
      << lower.err;
}

TEST_F(History, ARepealIsAStatusRecordAndTheOfficialPdfStays) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const std::string plan = "ljungby-verksamhetsplan-internationellt-arbete";
  const std::string pdf = Out("pdf/" + plan + ".pdf");
  Edit(site_ / ("content/ljungby/" + plan + ".md"), "status: gällande", "status: upphävd");
  RunResult repeal = Publish("2026-06-30T15:00:00Z");
  ASSERT_EQ(repeal.exit_code, 0) << repeal.err;
  EXPECT_NE(ReadFile(site_ / "archive/ledger.jsonl").find("\"kind\":\"status\""), std::string::npos);
  EXPECT_EQ(Out("pdf/" + plan + ".pdf"), pdf);
  RunResult verify = Run({"verify", "output/pdf/" + plan + ".pdf"});
  EXPECT_NE(verify.out.find("in force 2013-11-01 – 2026-06-30, repealed"), std::string::npos)
      << verify.out;
  // Back to a draft is not allowed for a published version.
  Edit(site_ / ("content/ljungby/" + plan + ".md"), "status: upphävd", "status: utkast");
  RunResult draft = Run({"check", "--today", "2026-11-23"});
  EXPECT_EQ(draft.exit_code, 1);
  EXPECT_NE(draft.err.find("[status-reverted]"), std::string::npos) << draft.err;
}

TEST_F(History, ADraftOfTheNextVersionLeavesTheVersionInForceInPlace) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const std::string v1 = Out("pdf/" + std::string(kPolicy) + ".pdf");
  ReviseThePolicy();
  Edit(site_ / kPolicyFile, "status: gällande", "status: utkast");
  RunResult publish = Publish("2026-03-01T10:00:00Z");
  ASSERT_EQ(publish.exit_code, 0) << publish.err;
  EXPECT_EQ(publish.out.find("Recorded"), std::string::npos) << "a draft is never recorded";
  EXPECT_EQ(Out("pdf/" + std::string(kPolicy) + ".pdf"), v1) << "printed copies lead here";
  const std::string draft = Out("pdf/" + std::string(kPolicy) + "-utkast.pdf");
  EXPECT_NE(draft, v1);
  const std::string page = Out("html/" + std::string(kPolicy) + "/index.html");
  EXPECT_NE(page.find("../../pdf/" + std::string(kPolicy) + "-utkast.pdf"), std::string::npos);
  EXPECT_NE(page.find("<a href=\"v1/index.html\">Gällande version är 1.</a>"), std::string::npos);
  EXPECT_EQ(Run({"verify", "output/pdf/" + std::string(kPolicy) + ".pdf"}).exit_code, 0);
  EXPECT_EQ(Run({"verify", "output/pdf/" + std::string(kPolicy) + "-utkast.pdf"}).exit_code, 1);
}

TEST_F(History, ARecordedPdfSurvivesALayoutChange) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const std::string pdf = Out("pdf/" + std::string(kPolicy) + ".pdf");
  Edit(site_ / "kansli.yaml", "font_size: 11", "font_size: 12");
  ASSERT_EQ(Run({"build", "--today", "2026-11-23"}).exit_code, 0);
  EXPECT_EQ(Out("pdf/" + std::string(kPolicy) + ".pdf"), pdf);
  EXPECT_NE(Out("pdf/osby-policy-internationellt-arbete.pdf"), "") << "drafts take the new layout";
}

TEST_F(History, ADocumentWithOfficialVersionsCannotBeDeleted) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const std::string program = "tranas-program-internationellt-arbete";
  fs::remove(site_ / ("content/tranas/" + program + ".md"));
  RunResult build = Run({"build", "--today", "2026-11-23"});
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find("'" + program + "' has official versions"), std::string::npos)
      << build.err;
  EXPECT_NE(build.err.find("[document-removed]"), std::string::npos);
}

TEST_F(History, AnIdThatIsAVersionsAddressIsRefused) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  WriteFile(site_ / "content/ljungby/ljungby-ks-2018-127-v1.md",
            "---\nid: ljungby-ks-2018-127-v1\ntitle: Ett annat beslut\ntype: beslut\n"
            "organisation: Ljungby kommun\nstatus: utkast\ndiary_number: KS 2026/0001\n---\n\nText.\n");
  RunResult build = Run({"build", "--today", "2026-11-23"});
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_NE(build.err.find("id 'ljungby-ks-2018-127-v1' would publish its PDF at "
                           "pdf/ljungby-ks-2018-127-v1.pdf, the address of version 1 of "
                           "'ljungby-ks-2018-127'"),
            std::string::npos)
      << build.err;
}

TEST_F(History, AnEndedVersionCannotComeIntoForceAgain) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const fs::path program = site_ / "content/tranas/tranas-program-internationellt-arbete.md";
  Edit(program, "status: gällande", "status: upphävd");
  ASSERT_EQ(Publish("2026-06-30T15:00:00Z").exit_code, 0);
  Edit(program, "status: upphävd", "status: gällande");
  RunResult again = Publish("2026-07-01T15:00:00Z");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("was recorded as upphävd on 2026-06-30 and cannot come into force "
                           "again [status-reverted]"),
            std::string::npos)
      << again.err;
}

TEST_F(History, AMissingLedgerBesideArchivedFilesIsRefused) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  fs::remove(site_ / "archive/ledger.jsonl");
  RunResult publish = Publish("2026-01-11T09:00:00Z");
  EXPECT_EQ(publish.exit_code, 1);
  EXPECT_NE(publish.err.find("the ledger is missing, but archive/pdf/ holds archived files"),
            std::string::npos)
      << publish.err;
  EXPECT_FALSE(fs::exists(site_ / "archive/ledger.jsonl")) << "not recreated";
}

TEST_F(History, ARemovedLastRecordNeverLetsAnOfficialPdfBeReplaced) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const fs::path ledger = site_ / "archive/ledger.jsonl";
  const std::string text = ReadFile(ledger);
  WriteFile(ledger, text.substr(0, text.rfind('\n', text.size() - 2) + 1));  // last record cut
  Edit(site_ / "kansli.yaml", "font_size: 11", "font_size: 12");  // another layout
  RunResult publish = Publish("2026-01-11T09:00:00Z");
  EXPECT_EQ(publish.exit_code, 1);
  EXPECT_NE(publish.err.find("exists with other bytes, but the ledger has no record of it"),
            std::string::npos)
      << publish.err;
  EXPECT_EQ(ReadFile(ledger), text.substr(0, text.rfind('\n', text.size() - 2) + 1));
}

TEST_F(History, APublicationTimeBeforeTheLastRecordIsRefused) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  ReviseThePolicy();
  RunResult early = Publish("2025-12-31T09:00:00Z");
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(early.err.find("is before the ledger's last record"), std::string::npos) << early.err;
}

TEST_F(History, ATamperedLedgerOrArchiveIsRefusedAndNeverRewritten) {
  ASSERT_EQ(Publish("2026-01-10T09:00:00Z").exit_code, 0);
  const fs::path ledger = site_ / "archive/ledger.jsonl";
  const std::string good = ReadFile(ledger);
  std::string tampered = good;
  tampered.replace(tampered.find("Kommunstyrelsen"), 15, "Kommunfullmäktig");
  WriteFile(ledger, tampered);
  const std::string output = Fingerprint(site_ / "output");
  for (const char* command : {"check", "build", "publish", "verify"}) {
    RunResult result = Run({command});
    EXPECT_EQ(result.exit_code, 1) << command;
    EXPECT_NE(result.err.find("archive/ledger.jsonl:2:1: error: record 1"), std::string::npos)
        << command << "\n" << result.err;
    EXPECT_NE(result.err.find("[ledger-broken]"), std::string::npos);
  }
  EXPECT_EQ(ReadFile(ledger), tampered) << "history is never repaired by rewriting";
  EXPECT_EQ(Fingerprint(site_ / "output"), output);

  WriteFile(ledger, good);
  const fs::path archived = site_ / "archive/pdf" / (std::string(kPolicy) + "-v1.pdf");
  std::string bytes = ReadFile(archived);
  bytes[bytes.size() / 2] ^= 1;
  WriteFile(archived, bytes);
  RunResult mismatch = Run({"verify"});
  EXPECT_EQ(mismatch.exit_code, 1);
  EXPECT_NE(mismatch.err.find("is not the official PDF"), std::string::npos) << mismatch.err;
  EXPECT_NE(mismatch.err.find("[archive-mismatch]"), std::string::npos);
}

}  // namespace
}  // namespace kansli
