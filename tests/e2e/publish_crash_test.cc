// kill -9 at random moments of `kansli publish`: after every kill the ledger's chain holds,
// every PDF it names is in the archive with its hash, and output/ is a whole site (the last
// good one); the next publish completes the work.
#include <gtest/gtest.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <thread>

#include "source/sha256.h"
#include "support/run_kansli.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr const char* kRevised[] = {
    "content/ljungby/ljungby-policy-internationellt-arbete.md",
    "content/ljungby/ljungby-verksamhetsplan-internationellt-arbete.md"};

// Starts `kansli publish` in `site`; returns the child's pid.
pid_t StartPublish(const fs::path& site, const std::string& now) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(site.c_str()) != 0) ::_exit(127);
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execl(KANSLI_BINARY, KANSLI_BINARY, "publish", "--today", "2026-11-23", "--now",
            now.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

// A new version of each revised document, with new text, so that publish has work to do.
void Revise(const fs::path& site, int round) {
  for (const char* file : kRevised) {
    const fs::path path = site / file;
    std::string text = ReadFile(path);
    text = std::regex_replace(text, std::regex("\nversion: [0-9]+\n"),
                              "\nversion: " + std::to_string(round + 2) + "\n",
                              std::regex_constants::format_first_only);
    text += "\nTillägg i revision " + std::to_string(round) + ".\n";
    std::ofstream(path, std::ios::binary) << text;
  }
}

// Every file manifest.json lists is there with its size and SHA-256, and nothing else is.
void ExpectWholeSite(const fs::path& output, const std::string& when) {
  const std::string manifest_text = ReadFile(output / "manifest.json");
  ASSERT_FALSE(manifest_text.empty()) << when << ": no manifest.json";
  const nlohmann::json manifest = nlohmann::json::parse(manifest_text);
  size_t listed = 0;
  for (const nlohmann::json& file : manifest["files"]) {
    const std::string bytes = ReadFile(output / file["path"].get<std::string>());
    EXPECT_EQ(bytes.size(), file["bytes"].get<size_t>()) << when << ": " << file["path"];
    EXPECT_EQ(Sha256Hex(bytes), file["sha256"].get<std::string>()) << when << ": " << file["path"];
    ++listed;
  }
  size_t present = 0;
  for (const auto& entry : fs::recursive_directory_iterator(output)) present += entry.is_regular_file();
  EXPECT_EQ(present, listed + 1) << when << ": files beside those manifest.json lists";
}

TEST(PublishCrash, KillNineAtRandomMomentsLeavesAValidHistoryAndTheLastGoodSite) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  ASSERT_EQ(RunKansli({"publish", "--today", "2026-11-23", "--now", "2026-01-01T08:00:00Z"}, site)
                .exit_code,
            0);
  // How long a publish of one revision takes here, so the kills spread over all of it.
  Revise(site, 0);
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(RunKansli({"publish", "--today", "2026-11-23", "--now", "2026-01-02T08:00:00Z"}, site)
                .exit_code,
            0);
  const auto duration = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);

  std::mt19937 random(20261203);  // fixed: a failure can be run again
  // The kills spread over the window a publish takes; a publish that finished before its
  // kill (the machine was busier when the window was measured) narrows it.
  int64_t window = duration.count() * 6 / 5;
  int killed = 0;
  int torn = 0;
  const int rounds = 16;
  for (int round = 1; round <= rounds; ++round) {
    Revise(site, round);
    const std::string now = "2026-02-" + std::string(round < 10 ? "0" : "") +
                            std::to_string(round) + "T08:00:00Z";
    const auto started = std::chrono::steady_clock::now();
    const pid_t pid = StartPublish(site, now);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::microseconds(
        std::uniform_int_distribution<int64_t>(0, window)(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
      ++killed;
    } else {
      window = std::chrono::duration_cast<std::chrono::microseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count() * 9 / 10;
    }

    const std::string when = "after the kill in round " + std::to_string(round);
    RunResult verify = RunKansli({"verify"}, site);
    EXPECT_EQ(verify.exit_code, 0) << when << "\n" << verify.err;
    torn += verify.err.find("[ledger-torn]") != std::string::npos ? 1 : 0;
    ExpectWholeSite(site / "output", when);
  }
  // The next publish completes the work: the last revision is recorded and on the site.
  RunResult last = RunKansli({"publish", "--today", "2026-11-23", "--now", "2026-03-01T08:00:00Z"}, site);
  ASSERT_EQ(last.exit_code, 0) << last.err;
  EXPECT_EQ(last.err.find("[ledger-torn]"), std::string::npos) << "the torn tail was rewritten";
  ExpectWholeSite(site / "output", "after the last publish");
  for (const auto& entry : fs::recursive_directory_iterator(site / "archive")) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
        << entry.path() << " left over from a killed publish";
  }
  RunResult verify = RunKansli(
      {"verify", "output/pdf/ljungby-policy-internationellt-arbete.pdf", "--format", "json"}, site);
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_NE(verify.out.find("\"version\": \"" + std::to_string(rounds + 2) + "\""),
            std::string::npos)
      << verify.out;
  std::cout << "[          ] " << killed << " of " << rounds << " publishes killed mid-way, "
            << torn << " left a torn ledger line; a publish takes " << duration.count() / 1000
            << " ms here\n";
  EXPECT_GT(killed, rounds / 2) << "the kills must land while publish runs";
  fs::remove_all(site);
}

TEST(PublishCrash, ATornLedgerLineIsDroppedWithAWarningAndWrittenAgain) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  ASSERT_EQ(RunKansli({"publish", "--today", "2026-11-23", "--now", "2026-01-01T08:00:00Z"}, site)
                .exit_code,
            0);
  const fs::path ledger = site / "archive/ledger.jsonl";
  const std::string whole = ReadFile(ledger);
  std::ofstream(ledger, std::ios::binary | std::ios::trunc) << whole.substr(0, whole.size() - 30);
  RunResult check = RunKansli({"verify"}, site);
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.err.find("archive/ledger.jsonl:5:1: warning: the last line of the ledger is cut "
                           "short"),
            std::string::npos)
      << check.err;
  RunResult publish = RunKansli({"publish", "--today", "2026-11-23", "--now", "2026-01-01T08:00:00Z"}, site);
  EXPECT_EQ(publish.exit_code, 0) << publish.err;
  EXPECT_EQ(ReadFile(ledger), whole) << "the same record, written again in full";
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
