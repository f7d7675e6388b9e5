// The build cache never gives stale output: random edits of everything a render reads, each
// followed by an incremental build and a clean one, which must agree byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "support/run_kansli.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

constexpr const char* kToday = "2026-11-23";
// Rounds of random edits. Fewer under the sanitizers, whose builds are several times slower
// and whose runs share CI's 45 minutes; the normal run keeps the full count.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int kRounds = 12;
#else
constexpr int kRounds = 30;
#endif

std::map<std::string, std::string> Files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), dir).generic_string()] = ReadFile(entry.path());
    }
  }
  return files;
}

// "" when both folders hold the same files with the same bytes; else the paths that differ.
std::string Differences(const fs::path& a, const fs::path& b) {
  const std::map<std::string, std::string> left = Files(a);
  const std::map<std::string, std::string> right = Files(b);
  std::string out;
  for (const auto& [path, bytes] : left) {
    auto it = right.find(path);
    if (it == right.end()) {
      out += "only in " + a.filename().string() + ": " + path + "\n";
    } else if (it->second != bytes) {
      out += "differs: " + path + "\n";
    }
  }
  for (const auto& [path, bytes] : right) {
    if (!left.contains(path)) out += "only in " + b.filename().string() + ": " + path + "\n";
  }
  return out;
}

std::vector<fs::path> Documents(const fs::path& site) {
  std::vector<fs::path> documents;
  for (const auto& entry : fs::recursive_directory_iterator(site / "content")) {
    if (entry.path().extension() == ".md") documents.push_back(entry.path());
  }
  std::sort(documents.begin(), documents.end());
  return documents;
}

// Replaces the first match of `pattern` in the file; false when there is none.
bool Edit(const fs::path& file, const std::string& pattern, const std::string& replacement) {
  const std::string text = ReadFile(file);
  const std::string edited = std::regex_replace(text, std::regex(pattern), replacement,
                                                std::regex_constants::format_first_only);
  if (edited == text) return false;
  WriteFile(file, edited);
  return true;
}

// The id on the front matter's first line. Not a regex over the whole file: libstdc++'s regex
// recurses once per character it matches, and a long document overflowed the stack under
// AddressSanitizer.
std::string IdOf(const fs::path& document) {
  const std::string text = ReadFile(document);
  const std::string start = "---\nid: ";
  if (!text.starts_with(start)) return "";
  return text.substr(start.size(), text.find('\n', start.size()) - start.size());
}

// One random edit of something a render reads; returns what it did, for the failure message,
// or "" when the edit found nothing to change (a decision has no owner).
std::string TryRandomEdit(const fs::path& site, std::mt19937& random, int round) {
  const std::vector<fs::path> documents = Documents(site);
  const fs::path doc = documents[random() % documents.size()];
  const fs::path other = documents[random() % documents.size()];
  const std::string name = doc.filename().string();
  const std::string n = std::to_string(round);
  // Mostly one document's edits: a site-wide one changes every key and would hide a key
  // that misses something.
  const unsigned kind = random() % 20;
  switch (kind < 16 ? kind % 5 : 5 + kind % 4) {
    case 0:
      WriteFile(doc, ReadFile(doc) + "\nEtt nytt stycke " + n + " om internationellt arbete.\n");
      return "body appended: " + name;
    case 1:
      // The first " arbete" after the front matter (never in an id, which has "-arbete").
      return Edit(doc, "(\\n---\\n[\\s\\S]*?) arbete", "$1 arbete" + n)
                 ? "body word: " + name
                 : "";
    case 2:
      return Edit(doc, "\ntitle: ([^\n]*)", "\ntitle: $1 " + n) ? "title: " + name : "";
    case 3:
      // A [[link]] is a relation the scripts make: both documents' pages show it.
      WriteFile(doc, ReadFile(doc) + "\nSe även [[" + IdOf(other) + "]].\n");
      return "link " + name + " -> " + IdOf(other);
    case 4:
      return Edit(doc, "\nowner: ([^\n]*)", "\nowner: $1 " + n) ? "owner: " + name : "";
    case 5:
      return Edit(site / "layouts/partials/metadata.mustache", "</", "<!-- " + n + " --></")
                 ? "template: layouts/partials/metadata.mustache"
                 : "";
    case 6:
      return Edit(site / "kansli.yaml", "\nname: ([^\n]*)", "\nname: $1 " + n)
                 ? "setting: kansli.yaml name"
                 : "";
    case 7:
      return Edit(site / "layouts/text/sv.yaml", "\n  owner: ([^\n]*)", "\n  owner: $1 " + n)
                 ? "text: layouts/text/sv.yaml owner"
                 : "";
    default:
      return Edit(site / "kansli.yaml", "\nreview_window_days: \\d+",
                  "\nreview_window_days: " + std::to_string(30 + round * 97 % 3000))
                 ? "setting: review_window_days"
                 : "";
  }
}

std::string RandomEdit(const fs::path& site, std::mt19937& random, int round) {
  for (;;) {
    if (std::string done = TryRandomEdit(site, random, round); !done.empty()) return done;
  }
}

TEST(IncrementalBuild, EqualsACleanBuildByteForByteAfterRandomEdits) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  const fs::path incremental = site.parent_path() / (site.filename().string() + "-incremental");
  const fs::path clean = site.parent_path() / (site.filename().string() + "-clean");
  auto build = [&](const fs::path& out, bool cached) {
    std::vector<std::string> args = {"build", "--today", kToday, "-o", out.string()};
    if (!cached) args.push_back("--no-cache");
    return RunKansli(args, site);
  };
  RunResult first = build(incremental, true);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_TRUE(fs::is_directory(site / ".kansli-cache"));

  std::mt19937 random(20261204);
  std::string history;
  for (int round = 1; round <= kRounds; ++round) {
    // One or two edits between builds: an author saves several files, or git pulls them.
    for (int edits = 1 + static_cast<int>(random() % 2); edits > 0; --edits) {
      history += RandomEdit(site, random, round) + "\n";
    }
    history += "(build)\n";
    RunResult cached = build(incremental, true);
    RunResult fresh = build(clean, false);
    ASSERT_EQ(cached.exit_code, 0) << history << cached.err;
    ASSERT_EQ(fresh.exit_code, 0) << history << fresh.err;
    EXPECT_EQ(cached.err, fresh.err) << history;
    ASSERT_EQ(Differences(incremental, clean), "") << "after the edits:\n" << history;
  }
  fs::remove_all(site);
  fs::remove_all(incremental);
  fs::remove_all(clean);
}

// The same through a document's history: each step is published (or built) once with the
// cache and once without, from copies of the same site, archive included; outputs and
// archives must agree byte for byte.
TEST(IncrementalBuild, EqualsACleanPublishThroughRevisionsRepealsAndDrafts) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  const fs::path copy = site.parent_path() / (site.filename().string() + "-copy");
  const fs::path policy = site / "content/ljungby/ljungby-policy-internationellt-arbete.md";
  const fs::path plan = site / "content/ljungby/ljungby-verksamhetsplan-internationellt-arbete.md";
  const fs::path program = site / "content/tranas/tranas-program-internationellt-arbete.md";
  struct Step {
    std::string what;
    std::function<void()> edit;
    std::vector<std::string> command;
  };
  const std::vector<Step> steps = {
      {"a build before anything is published", [] {}, {"build"}},
      {"first publish (the sources unchanged)", [] {}, {"publish", "--now", "2026-01-10T09:00:00Z"}},
      {"the policy revised to version 2",
       [&] {
         EXPECT_TRUE(Edit(policy, "version: 1\n", "version: 2\n"));
         EXPECT_TRUE(Edit(policy, "valid_from: 2013-11-01", "valid_from: 2026-02-10"));
         EXPECT_TRUE(Edit(policy, "review_by: 2018-06-01", "review_by: 2030-02-10"));
         EXPECT_TRUE(Edit(policy, "ska bedrivas i kommunen", "ska bedrivas i hela kommunen"));
       },
       {"publish", "--now", "2026-02-01T09:00:00Z"}},
      {"the program repealed",
       [&] { EXPECT_TRUE(Edit(program, "status: gällande", "status: upphävd")); },
       {"publish", "--now", "2026-03-01T09:00:00Z"}},
      {"the plan's version 2 with a new title, built",
       [&] {
         EXPECT_TRUE(Edit(plan, "\ntitle: ([^\n]*)", "\ntitle: $1 (ny)"));
         EXPECT_TRUE(Edit(plan, "version: 1\n", "version: 2\n"));
         EXPECT_TRUE(Edit(plan, "valid_from: 2013-11-01", "valid_from: 2026-03-15"));
         EXPECT_TRUE(Edit(plan, "review_by: 2018-06-01", "review_by: 2030-03-15"));
       },
       {"build"}},
      {"a draft of the policy's version 3",
       [&] {
         EXPECT_TRUE(Edit(policy, "status: gällande", "status: utkast"));
         EXPECT_TRUE(Edit(policy, "version: 2\n", "version: 3\n"));
       },
       {"build"}},
  };
  for (const Step& step : steps) {
    step.edit();
    fs::remove_all(copy);
    fs::copy(site, copy, fs::copy_options::recursive);
    fs::remove_all(copy / ".kansli-cache");
    std::vector<std::string> cached = step.command;
    cached.insert(cached.end(), {"--today", kToday});
    std::vector<std::string> fresh = cached;
    fresh.push_back("--no-cache");
    RunResult with_cache = RunKansli(cached, site);
    RunResult without = RunKansli(fresh, copy);
    ASSERT_EQ(with_cache.exit_code, 0) << step.what << "\n" << with_cache.err;
    ASSERT_EQ(without.exit_code, 0) << step.what << "\n" << without.err;
    ASSERT_EQ(Differences(site / "output", copy / "output"), "") << step.what;
    if (fs::exists(site / "archive")) {
      ASSERT_EQ(Differences(site / "archive", copy / "archive"), "") << step.what;
    }
  }
  EXPECT_NE(RunKansli({"build", "--today", kToday}, site).out.find("rendered: 0 of 5"),
            std::string::npos)
      << "the cache holds the last step's renders";
  fs::remove_all(site);
  fs::remove_all(copy);
}

// The cache is used: a build with nothing changed renders nothing, and one edited body
// renders that document alone.
TEST(IncrementalBuild, AnUnchangedSiteRendersNothingAndAnEditRendersItsDocument) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  const std::vector<std::string> args = {"build", "--today", kToday};
  RunResult first = RunKansli(args, site);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("rendered: 5 of 5 documents"), std::string::npos) << first.out;
  RunResult again = RunKansli(args, site);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("rendered: 0 of 5 documents"), std::string::npos) << again.out;
  const fs::path osby = site / "content/osby/osby-policy-internationellt-arbete.md";
  WriteFile(osby, ReadFile(osby) + "\nEtt stycke till.\n");
  RunResult edited = RunKansli(args, site);
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_NE(edited.out.find("rendered: 1 of 5 documents"), std::string::npos) << edited.out;
  fs::remove_all(site);
}

// A damaged cache entry is a miss, never output.
TEST(IncrementalBuild, ADamagedCacheEntryIsRenderedAgain) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  const std::vector<std::string> args = {"build", "--today", kToday};
  ASSERT_EQ(RunKansli(args, site).exit_code, 0);
  const std::string before = Fingerprint(site / "output");
  int damaged = 0;
  for (const auto& entry : fs::recursive_directory_iterator(site / ".kansli-cache")) {
    if (!entry.is_regular_file()) continue;
    std::string bytes = ReadFile(entry.path());
    // Flip a byte in the middle (inside a file's bytes), or cut the entry short.
    if (damaged % 2 == 0) {
      bytes[bytes.size() / 2] ^= 0x20;
    } else {
      bytes.resize(bytes.size() / 3);
    }
    WriteFile(entry.path(), bytes);
    ++damaged;
  }
  ASSERT_GT(damaged, 0);
  RunResult rebuilt = RunKansli(args, site);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_NE(rebuilt.out.find("rendered: 5 of 5 documents"), std::string::npos) << rebuilt.out;
  EXPECT_EQ(Fingerprint(site / "output"), before);
  fs::remove_all(site);
}

// A file of the output that someone changed by hand is never linked into the next build: it
// is published again as the build makes it.
TEST(IncrementalBuild, AFileChangedInTheOutputIsPublishedAgainAsBuilt) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  const std::vector<std::string> args = {"build", "--today", kToday};
  ASSERT_EQ(RunKansli(args, site).exit_code, 0);
  const std::string before = Fingerprint(site / "output");
  const fs::path pdf = site / "output/pdf/osby-policy-internationellt-arbete.pdf";
  const fs::path page = site / "output/html/osby-policy-internationellt-arbete/index.html";
  std::string changed = ReadFile(pdf);
  changed[changed.size() / 2] ^= 0x01;
  WriteFile(pdf, changed);
  WriteFile(page, ReadFile(page) + "<!-- edited -->");
  RunResult rebuilt = RunKansli(args, site);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_EQ(Fingerprint(site / "output"), before);
  fs::remove_all(site);
}

}  // namespace
}  // namespace kansli::testing
