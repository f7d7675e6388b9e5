#include "serve/file_watcher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>

namespace kansli::serve {
namespace {
namespace fs = std::filesystem;
using std::chrono::milliseconds;

class FileWatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kansli-watch-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "texter");
    fs::create_directories(root_ / "mallar");
    fs::create_directories(root_ / "lua");
    fs::create_directories(root_ / "output");
    std::ofstream(root_ / "kansli.yaml")
        << "base_url: https://intra.test/\nfolders:\n  content: texter\n  layouts: mallar\n"
           "  scripts: lua\nscripts: [extra/x.lua]\ntypes:\n  policy:\n    label: Policy\n";
    std::ofstream(root_ / "texter" / "a.md") << "a";
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path root_;
};

TEST(IsIgnoredName, SkipsEditorLitterOnly) {
  for (const char* name : {".a.md.swp", ".#a.md", "a.md~", "#a.md#", "a.md.swp", "a.swo", "4913",
                           ".git", ".DS_Store", "a.md.tmp"}) {
    EXPECT_TRUE(IsIgnoredName(name)) << name;
  }
  for (const char* name : {"a.md", "kansli.yaml", "crossref.lua", "#tag.md", "partials"}) {
    EXPECT_FALSE(IsIgnoredName(name)) << name;
  }
}

TEST_F(FileWatcherTest, WatchesTheFoldersKansliYamlNames) {
  std::vector<fs::path> paths = WatchedPaths(root_);
  EXPECT_EQ(paths, (std::vector<fs::path>{root_ / "kansli.yaml", root_ / "texter", root_ / "mallar",
                                          root_ / "lua", root_ / "extra/x.lua"}));
}

TEST_F(FileWatcherTest, FallsBackToDefaultFoldersWhenKansliYamlIsBroken) {
  std::ofstream(root_ / "kansli.yaml") << "folders: [\n";
  std::vector<fs::path> paths = WatchedPaths(root_);
  EXPECT_EQ(paths, (std::vector<fs::path>{root_ / "kansli.yaml", root_ / "content",
                                          root_ / "layouts", root_ / "scripts"}));
}

TEST_F(FileWatcherTest, SnapshotSeesNewSubfoldersAndSkipsLitter) {
  const std::vector<fs::path> paths = WatchedPaths(root_);
  const FileSnapshot before = TakeSnapshot(paths);
  EXPECT_TRUE(before.contains((root_ / "texter" / "a.md").string()));
  EXPECT_TRUE(before.contains((root_ / "kansli.yaml").string()));

  std::ofstream(root_ / "texter" / ".a.md.swp") << "swap";
  fs::create_directories(root_ / "texter" / ".git");
  std::ofstream(root_ / "texter" / ".git" / "HEAD") << "x";
  std::ofstream(root_ / "output" / "index.html") << "built";
  EXPECT_EQ(TakeSnapshot(paths), before);

  fs::create_directories(root_ / "texter" / "ny" / "mapp");
  std::ofstream(root_ / "texter" / "ny" / "mapp" / "b.md") << "b";
  EXPECT_TRUE(TakeSnapshot(paths).contains((root_ / "texter/ny/mapp/b.md").string()));
}

TEST_F(FileWatcherTest, SnapshotChangesWhenAFileIsReplacedByRename) {
  const std::vector<fs::path> paths = WatchedPaths(root_);
  const FileSnapshot before = TakeSnapshot(paths);
  std::ofstream(root_ / "texter" / ".a.md.new") << "a";  // same size, as editors write
  fs::rename(root_ / "texter" / ".a.md.new", root_ / "texter" / "a.md");
  EXPECT_NE(TakeSnapshot(paths), before);
}

TEST_F(FileWatcherTest, WaitReturnsAfterAnEditHasSettled) {
  FileWatcher watcher(root_);
  watcher.Rebase();
  auto changed = std::async(std::launch::async, [&] { return watcher.WaitForChange(); });
  std::this_thread::sleep_for(milliseconds(50));
  const auto edited = std::chrono::steady_clock::now();
  std::ofstream(root_ / "mallar" / "page.mustache") << "{{title}}";
  ASSERT_EQ(changed.wait_for(std::chrono::seconds(3)), std::future_status::ready);
  EXPECT_TRUE(changed.get());
  const auto took = std::chrono::steady_clock::now() - edited;
  EXPECT_GE(took, FileWatcher::kQuietPeriod);
  EXPECT_LT(took, milliseconds(1500)) << "a poll and a quiet period, with room for a busy machine";
}

TEST_F(FileWatcherTest, StopEndsAWaitThatSawNothing) {
  FileWatcher watcher(root_);
  watcher.Rebase();
  auto changed = std::async(std::launch::async, [&] { return watcher.WaitForChange(); });
  std::ofstream(root_ / "texter" / "a.md~") << "backup";
  std::this_thread::sleep_for(milliseconds(500));
  ASSERT_EQ(changed.wait_for(milliseconds(0)), std::future_status::timeout);
  watcher.Stop();
  ASSERT_EQ(changed.wait_for(std::chrono::seconds(1)), std::future_status::ready);
  EXPECT_FALSE(changed.get());
}

}  // namespace
}  // namespace kansli::serve
