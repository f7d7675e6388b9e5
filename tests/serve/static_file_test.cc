#include "serve/static_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace kansli::serve {
namespace {
namespace fs = std::filesystem;

class LookUpFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kansli-static-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "html" / "doc");
    fs::create_directories(root_ / "html" / "empty");
    std::ofstream(root_ / "html" / "index.html") << "register";
    std::ofstream(root_ / "html" / "doc" / "index.html") << "doc";
    std::ofstream(root_ / "secret.txt") << "secret";
    fs::create_directory_symlink("/etc", root_ / "html" / "etc");
    fs::create_symlink(root_ / "secret.txt", root_ / "html" / "secret.txt");
    fs::create_symlink(root_ / "html" / "doc" / "index.html", root_ / "html" / "alias.html");
  }
  void TearDown() override { fs::remove_all(root_); }

  FileLookup::Kind Kind(std::string_view relative) {
    return LookUpFile(root_ / "html", relative).kind;
  }

  fs::path root_;
};

TEST_F(LookUpFileTest, FolderUrlsServeIndexHtml) {
  FileLookup found = LookUpFile(root_ / "html", "");
  EXPECT_EQ(found.kind, FileLookup::Kind::kFile);
  EXPECT_EQ(found.file.filename(), "index.html");
  found = LookUpFile(root_ / "html", "doc/");
  EXPECT_EQ(found.kind, FileLookup::Kind::kFile);
  EXPECT_EQ(found.file, fs::canonical(root_ / "html" / "doc" / "index.html"));
  EXPECT_EQ(Kind("doc/index.html"), FileLookup::Kind::kFile);
}

TEST_F(LookUpFileTest, FolderWithoutSlashAsksForRedirect) {
  EXPECT_EQ(Kind("doc"), FileLookup::Kind::kFolder);
  EXPECT_EQ(Kind("empty"), FileLookup::Kind::kMissing) << "no index.html: nothing to serve";
  EXPECT_EQ(Kind("empty/"), FileLookup::Kind::kMissing);
}

TEST_F(LookUpFileTest, RejectsEverythingThatCouldLeaveTheFolder) {
  using std::string_view_literals::operator""sv;
  const std::string_view paths[] = {
      "../secret.txt"sv, "doc/../../secret.txt"sv, "./index.html"sv,   "doc/./index.html"sv,
      "/etc/passwd"sv,   "doc//index.html"sv,      "..\\secret.txt"sv, "etc/passwd"sv,
      "secret.txt"sv,    "index.html\0x"sv,        "missing.html"sv};
  for (std::string_view path : paths) {
    EXPECT_EQ(Kind(path), FileLookup::Kind::kMissing) << path;
  }
}

TEST_F(LookUpFileTest, FollowsSymbolicLinksThatStayInside) {
  EXPECT_EQ(Kind("alias.html"), FileLookup::Kind::kFile);
}

TEST_F(LookUpFileTest, MissingFolderFindsNothing) {
  EXPECT_EQ(LookUpFile(root_ / "nothing", "index.html").kind, FileLookup::Kind::kMissing);
}

TEST(ContentTypeFor, NamesTheTypesASiteUses) {
  const std::pair<const char*, const char*> cases[] = {
      {"a/index.html", "text/html; charset=utf-8"},
      {"assets/kansli.css", "text/css; charset=utf-8"},
      {"assets/register.js", "text/javascript; charset=utf-8"},
      {"assets/search-index.json", "application/json"},
      {"feed.xml", "application/atom+xml"},
      {"sitemap.xml", "application/xml"},
      {"a/graph.svg", "image/svg+xml"},
      {"x.pdf", "application/pdf"},
      {"logo.PNG", "image/png"},
      {"foto.jpg", "image/jpeg"},
      {"foto.jpeg", "image/jpeg"},
      {"data.bin", "application/octet-stream"},
      {"README", "application/octet-stream"},
  };
  for (const auto& [file, type] : cases) EXPECT_EQ(ContentTypeFor(file), type) << file;
}

}  // namespace
}  // namespace kansli::serve
