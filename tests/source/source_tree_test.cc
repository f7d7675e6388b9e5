#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "source/source_tree.h"

namespace kansli {
namespace {
namespace fs = std::filesystem;

class SourceTreeOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kansli-tree-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "content" / ".hidden");
    Write("content/a.md", "A\n");
    Write("content/.hidden/b.md", "B\n");
    Write("outside.md", "O\n");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& path, const std::string& text) {
    std::ofstream(root_ / path, std::ios::binary) << text;
  }
  fs::path root_;
};

TEST_F(SourceTreeOnDisk, SkipsHiddenFolders) {
  SourceTree tree = SourceTree::OnDisk(root_);
  Diagnostics diags;
  auto files = tree.Folder("content", ".md", diags);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->path(), "content/a.md");
}

TEST_F(SourceTreeOnDisk, RefusesLinksOutOfTheSite) {
  fs::path outside = fs::temp_directory_path() / ("kansli-outside-" + std::to_string(::getpid()));
  std::ofstream(outside) << "secret\n";
  fs::create_symlink(outside, root_ / "content" / "link.md");
  SourceTree tree = SourceTree::OnDisk(root_);
  Diagnostics diags;
  tree.Folder("content", ".md", diags);
  fs::remove(outside);
  ASSERT_TRUE(diags.HasErrors());
  EXPECT_EQ(diags.list()[0].code, Code::kReadFailed);
  EXPECT_EQ(diags.list()[0].pos.file, "content/link.md");
}

TEST_F(SourceTreeOnDisk, RefusesHugeFiles) {
  std::ofstream(root_ / "content" / "huge.md") << std::string(SourceTree::kMaxFileBytes + 1, 'x');
  SourceTree tree = SourceTree::OnDisk(root_);
  Diagnostics diags;
  EXPECT_EQ(tree.File("content/huge.md", diags), nullptr);
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].code, Code::kFileTooLarge);
}

TEST_F(SourceTreeOnDisk, MissingFolderIsADiagnostic) {
  SourceTree tree = SourceTree::OnDisk(root_);
  Diagnostics diags;
  EXPECT_TRUE(tree.Folder("nope", ".md", diags).empty());
  EXPECT_TRUE(diags.HasErrors());
}

}  // namespace
}  // namespace kansli
