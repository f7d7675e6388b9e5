// The record of published files: it gives a file back only while the output folder still
// holds it as it was published, for the output folder it was made for, and never when damaged.
#include "cache/published_files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace kansli {
namespace {
namespace fs = std::filesystem;

class PublishedFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::remove_all(dir_);
    fs::create_directories(output_ / "pdf");
    fs::create_directories(output_ / "html/a/v1");
    Write("pdf/a.pdf", "%PDF a");
    Write("html/a/index.html", "<p>a</p>");
    Write("html/a/v1/index.html", "<p>a v1</p>");
    PublishedFiles::Save(cache_, output_, Staged());
  }

  // The files as the build staged them: each with its identity then.
  std::vector<PublishedFile> Staged() const {
    std::vector<PublishedFile> files = {
        {.path = "pdf/a.pdf", .key = "pdf-key", .sha256 = "11"},
        {.path = "html/a/v1/index.html", .key = "page-key", .sha256 = "22"},
        {.path = "html/a/index.html", .key = "page-key", .sha256 = "33"}};
    for (PublishedFile& file : files) {
      struct stat st {};
      EXPECT_EQ(::lstat((output_ / file.path).c_str(), &st), 0) << file.path;
      file.bytes = static_cast<uint64_t>(st.st_size);
      file.inode = static_cast<uint64_t>(st.st_ino);
      file.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    }
    return files;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& path, const std::string& bytes) {
    std::ofstream(output_ / path, std::ios::binary) << bytes;
  }

  fs::path dir_ = fs::temp_directory_path() /
                  ("kansli-published-" +
                   std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  fs::path output_ = dir_ / "output";
  RenderCache cache_{dir_ / "cache"};
};

TEST_F(PublishedFilesTest, GivesBackEveryFileOfAKeyWhileUntouched) {
  const PublishedFiles published = PublishedFiles::Load(cache_, output_);
  std::vector<const PublishedFile*> pages = published.Unchanged("page-key");
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0]->path, "html/a/index.html");  // in path order
  EXPECT_EQ(pages[0]->sha256, "33");
  EXPECT_EQ(pages[1]->path, "html/a/v1/index.html");
  EXPECT_EQ(pages[1]->bytes, 11u);
  EXPECT_EQ(published.Where(*pages[0]), output_ / "html/a/index.html");
  ASSERT_EQ(published.Unchanged("pdf-key").size(), 1u);
  EXPECT_TRUE(published.Unchanged("another-key").empty());
  // The same folder named another way is the same folder.
  EXPECT_EQ(PublishedFiles::Load(cache_, dir_ / "." / "output/").Unchanged("pdf-key").size(), 1u);
}

TEST_F(PublishedFilesTest, AFileChangedOrReplacedSinceIsNotGivenBack) {
  // Same size, written again later (file times are coarser than the nanoseconds they show:
  // a write in the same tick as the publish would not show; a later one does).
  Write("html/a/v1/index.html", "<p>A v1</p>");
  fs::last_write_time(output_ / "html/a/v1/index.html",
                      fs::last_write_time(output_ / "html/a/v1/index.html") + std::chrono::seconds(1));
  std::ofstream(output_ / "pdf/a.pdf", std::ios::binary | std::ios::app) << "more";
  const PublishedFiles published = PublishedFiles::Load(cache_, output_);
  EXPECT_TRUE(published.Unchanged("page-key").empty()) << "one of its files changed: none";
  EXPECT_TRUE(published.Unchanged("pdf-key").empty());
  fs::remove(output_ / "html/a/index.html");
  EXPECT_TRUE(PublishedFiles::Load(cache_, output_).Unchanged("page-key").empty());
}

// A file changed between staging and the record (a deploy tool writing in place) leaves its
// key out whole: its hash may be stale, and half a render must never be linked.
TEST_F(PublishedFilesTest, AKeyWithAFileChangedSinceStagingIsLeftOutWhole) {
  std::vector<PublishedFile> staged = Staged();
  std::ofstream(output_ / "html/a/index.html", std::ios::app) << "<!-- x -->";
  PublishedFiles::Save(cache_, output_, staged);
  const PublishedFiles published = PublishedFiles::Load(cache_, output_);
  EXPECT_TRUE(published.Unchanged("page-key").empty());
  EXPECT_EQ(published.Unchanged("pdf-key").size(), 1u);
}

TEST_F(PublishedFilesTest, AnotherOutputFolderOrADamagedRecordGivesNothing) {
  fs::create_directories(dir_ / "elsewhere/pdf");
  fs::copy_file(output_ / "pdf/a.pdf", dir_ / "elsewhere/pdf/a.pdf");
  EXPECT_TRUE(PublishedFiles::Load(cache_, dir_ / "elsewhere").Unchanged("pdf-key").empty());
  EXPECT_TRUE(PublishedFiles::Load(RenderCache(), output_).Unchanged("pdf-key").empty());

  const fs::path record = dir_ / "cache/published";
  std::ifstream in(record, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  in.close();
  ASSERT_GT(bytes.size(), 100u);
  bytes[bytes.size() - 10] ^= 0x01;  // inside a hash or a path
  std::ofstream(record, std::ios::binary | std::ios::trunc) << bytes;
  EXPECT_TRUE(PublishedFiles::Load(cache_, output_).Unchanged("pdf-key").empty());
  EXPECT_TRUE(PublishedFiles::Load(cache_, output_).Unchanged("page-key").empty());
}

}  // namespace
}  // namespace kansli
