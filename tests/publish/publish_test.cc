#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "publish/manifest.h"
#include "publish/publish.h"
#include "publish/staging_dir.h"

namespace kansli {
namespace {
namespace fs = std::filesystem;

// What marks a folder as kansli's own output, which a later publish may replace.
const OutputFile kManifest{"manifest.json", "{}"};

class PublishTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kansli-publish-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    output_ = dir_ / "output";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Read(const std::string& relative) {
    std::ifstream in(output_ / relative, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::vector<std::string> Entries() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
  fs::path output_;
};

TEST_F(PublishTest, FirstPublishCreatesTheFolder) {
  Diagnostics diags;
  ASSERT_TRUE(Publish(output_, {{"html/index.html", "<p>hej</p>"}, {"pdf/a.pdf", "%PDF"}}, diags));
  EXPECT_EQ(Read("html/index.html"), "<p>hej</p>");
  EXPECT_EQ(Read("pdf/a.pdf"), "%PDF");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"output"}));
}

TEST_F(PublishTest, RepublishReplacesEverythingAtOnce) {
  Diagnostics diags;
  ASSERT_TRUE(Publish(output_, {{"old.txt", "old"}, {"keep.txt", "v1"}, kManifest}, diags));
  ASSERT_TRUE(Publish(output_, {{"keep.txt", "v2"}, kManifest}, diags));
  EXPECT_EQ(Read("keep.txt"), "v2");
  EXPECT_FALSE(fs::exists(output_ / "old.txt"));
  EXPECT_EQ(Entries(), (std::vector<std::string>{"output"}));
}

// A file the previous output holds byte for byte is linked into the new one (no write, no
// flush); a changed one is written afresh, and the previous output's file is not touched.
TEST_F(PublishTest, UnchangedFilesAreLinkedAndChangedOnesWritten) {
  Diagnostics diags;
  ASSERT_TRUE(Publish(output_, {kManifest, {"same.html", "same"}, {"edited.html", "old"}}, diags));
  const fs::path kept = dir_ / "kept-same.html";
  const fs::path kept_edited = dir_ / "kept-edited.html";
  fs::create_hard_link(output_ / "same.html", kept);
  fs::create_hard_link(output_ / "edited.html", kept_edited);
  ASSERT_TRUE(Publish(output_, {kManifest, {"same.html", "same"}, {"edited.html", "new"}}, diags));
  EXPECT_TRUE(fs::equivalent(output_ / "same.html", kept));
  EXPECT_FALSE(fs::equivalent(output_ / "edited.html", kept_edited));
  EXPECT_EQ(Read("edited.html"), "new");
  std::ifstream old(kept_edited);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(old), {}), "old");
  fs::remove(kept);
  fs::remove(kept_edited);
}

TEST_F(PublishTest, FailedWriteLeavesThePreviousOutputUntouched) {
  Diagnostics diags;
  ASSERT_TRUE(Publish(output_, {{"index.html", "good"}, kManifest}, diags));
  // "a" is written as a file, so "a/b" cannot be: the write fails halfway through.
  EXPECT_FALSE(Publish(output_, {{"index.html", "new"}, {"a", "x"}, {"a/b", "y"}}, diags));
  EXPECT_EQ(diags.list().back().code, Code::kPublishFailed);
  EXPECT_EQ(Read("index.html"), "good");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"output"}));
}

TEST_F(PublishTest, RemovesStagingLeftByAKilledBuildAndAnOldLockFile) {
  fs::create_directories(dir_ / ".output.new-99999" / "html");
  std::ofstream(dir_ / ".output.lock") << "";  // what kansli locked with before
  Diagnostics diags;
  ASSERT_TRUE(Publish(output_, {{"a.txt", "a"}}, diags));
  EXPECT_EQ(Entries(), (std::vector<std::string>{"output"}));
}

// Two builds into one output take turns: the second waits for the first's lock, held on the
// folder that holds the output, and no lock file is left there.
TEST_F(PublishTest, ASecondStagingWaitsUntilTheFirstIsDone) {
  auto first = std::make_unique<StagingDir>(output_);
  ASSERT_TRUE(first->ok()) << first->error().message();
  auto second = std::async(std::launch::async, [&] { return std::make_unique<StagingDir>(output_); });
  EXPECT_EQ(second.wait_for(std::chrono::milliseconds(200)), std::future_status::timeout);
  first.reset();
  std::unique_ptr<StagingDir> then = second.get();
  EXPECT_TRUE(then->ok()) << then->error().message();
  then.reset();
  EXPECT_EQ(Entries(), std::vector<std::string>{});
}

TEST_F(PublishTest, RefusesPathsOutsideTheOutputFolder) {
  Diagnostics diags;
  EXPECT_FALSE(Publish(output_, {{"../escape.txt", "x"}}, diags));
  EXPECT_FALSE(fs::exists(dir_ / "escape.txt"));
  EXPECT_FALSE(fs::exists(output_));
}

TEST_F(PublishTest, RefusesToReplaceAFolderKansliDidNotMake) {
  fs::create_directories(output_);
  std::ofstream(output_ / "important.docx") << "someone's work";
  Diagnostics diags;
  EXPECT_FALSE(Publish(output_, {{"a.txt", "a"}}, diags));
  EXPECT_EQ(diags.list().back().code, Code::kPublishFailed);
  EXPECT_NE(diags.list().back().message.find("no manifest.json"), std::string::npos);
  EXPECT_EQ(Read("important.docx"), "someone's work");
}

TEST_F(PublishTest, ReplacesAnEmptyFolder) {
  fs::create_directories(output_);
  Diagnostics diags;
  EXPECT_TRUE(Publish(output_, {{"a.txt", "a"}}, diags));
  EXPECT_EQ(Read("a.txt"), "a");
}

TEST(Manifest, ListsSha256OfEveryFileSortedByPath) {
  OutputFile manifest = MakeManifest({{"b.txt", "abc"}, {"a.txt", ""}});
  EXPECT_EQ(manifest.path, "manifest.json");
  EXPECT_LT(manifest.bytes.find("a.txt"), manifest.bytes.find("b.txt"));
  // Known SHA-256 values of "" and "abc".
  EXPECT_NE(manifest.bytes.find("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            std::string::npos);
  EXPECT_NE(manifest.bytes.find("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            std::string::npos);
}

}  // namespace
}  // namespace kansli
