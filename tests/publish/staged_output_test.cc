#include "publish/staged_output.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "source/sha256.h"

namespace kansli {
namespace {
namespace fs = std::filesystem;

class StagedOutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kansli-staged-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    output_ = dir_ / "output";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  fs::path output_;
};

// The render threads hand files over at once; each is on disk before the swap, and the
// manifest's list holds every one with its hash.
TEST_F(StagedOutputTest, FilesFromManyThreadsAreAllWrittenAndListed) {
  Diagnostics diags;
  std::unique_ptr<StagedOutput> output = StagedOutput::Open(output_, diags);
  ASSERT_TRUE(output) << diags.list().size();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&output, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string name = std::to_string(t) + "-" + std::to_string(i);
        EXPECT_TRUE(output->Add("html/" + name + "/index.html", name));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_FALSE(fs::exists(output_)) << "nothing is visible before Commit";
  const std::vector<WrittenFile> files = output->Files();
  ASSERT_EQ(files.size(), 200u);
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end(),
                             [](const auto& a, const auto& b) { return a.path < b.path; }));
  EXPECT_EQ(files.front().path, "html/0-0/index.html");
  EXPECT_EQ(files.front().bytes, 3u);
  EXPECT_EQ(files.front().sha256, Sha256Hex("0-0"));
  ASSERT_TRUE(output->Commit(diags));
  std::ifstream in(output_ / "html/3-49/index.html");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "3-49");
}

// A PDF's hash is known from its record: it is listed as given, not computed again.
TEST_F(StagedOutputTest, AHashTheCallerHasIsListedAsGiven) {
  Diagnostics diags;
  std::unique_ptr<StagedOutput> output = StagedOutput::Open(output_, diags);
  ASSERT_TRUE(output);
  const std::string pdf = "%PDF-1.7 …";
  const std::string recorded(64, 'a');  // not the bytes' hash: shows which one is listed
  EXPECT_TRUE(output->Add("pdf/a.pdf", pdf, recorded));
  EXPECT_TRUE(output->Add("pdf/b.pdf", pdf));
  const std::vector<WrittenFile> files = output->Files();
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].sha256, recorded);
  EXPECT_EQ(files[1].sha256, Sha256Hex(pdf));
  EXPECT_EQ(files[0].bytes, pdf.size());
}

// A file of the previous output is linked in, listed with the size and hash given; the
// previous output's own copy stays as it was until the swap replaces the folder.
TEST_F(StagedOutputTest, APreviousFileIsLinkedAndListedAsGiven) {
  fs::create_directories(output_ / "pdf");
  std::ofstream(output_ / "manifest.json") << "{}";
  std::ofstream(output_ / "pdf/a.pdf", std::ios::binary) << "%PDF a";
  Diagnostics diags;
  std::unique_ptr<StagedOutput> output = StagedOutput::Open(output_, diags);
  ASSERT_TRUE(output);
  EXPECT_TRUE(output->Link("pdf/a.pdf", output_ / "pdf/a.pdf", 6, Sha256Hex("%PDF a")));
  EXPECT_TRUE(output->Add("html/index.html", "<p>new</p>"));
  const std::vector<WrittenFile> files = output->Files();
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[1].path, "pdf/a.pdf");
  EXPECT_EQ(files[1].bytes, 6u);
  EXPECT_EQ(files[1].sha256, Sha256Hex("%PDF a"));
  ASSERT_TRUE(output->Commit(diags));
  std::ifstream in(output_ / "pdf/a.pdf");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "%PDF a");
  EXPECT_FALSE(fs::exists(output_ / "manifest.json")) << "the previous output's other files went";
}

// A second file at one address is a bug in a renderer: the publish fails and the previous
// output stays.
TEST_F(StagedOutputTest, TwoFilesAtOneAddressFailTheCommit) {
  Diagnostics diags;
  std::unique_ptr<StagedOutput> output = StagedOutput::Open(output_, diags);
  ASSERT_TRUE(output);
  EXPECT_TRUE(output->Add("a.html", "one"));
  EXPECT_FALSE(output->Add("a.html", "two"));
  EXPECT_FALSE(output->Add("b.html", "after the failure"));
  EXPECT_FALSE(output->Commit(diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_NE(diags.list()[0].message.find("two files would be published as 'a.html'"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(output_));
}

// A folder kansli did not make is refused before anything is rendered into it.
TEST_F(StagedOutputTest, AFolderKansliDidNotMakeIsRefusedAtOnce) {
  fs::create_directories(output_);
  std::ofstream(output_ / "notes.txt") << "mine";
  Diagnostics diags;
  EXPECT_FALSE(StagedOutput::Open(output_, diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].code, Code::kPublishFailed);
}

}  // namespace
}  // namespace kansli
