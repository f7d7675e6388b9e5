#include <gtest/gtest.h>

#include "source/date.h"
#include "source/source_file.h"
#include "source/source_tree.h"

namespace kansli {
namespace {

TEST(SourceFile, NormalisesCrlfAndStripsBom) {
  Diagnostics diags;
  auto file = SourceFile::FromBytes("a.md", "\xEF\xBB\xBFone\r\ntwo\rthree\n", diags);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->text(), "one\ntwo\nthree\n");
  EXPECT_EQ(file->line_count(), 3);
  EXPECT_EQ(file->Line(2), "two");
  EXPECT_EQ(file->LineAt(4), 2);
}

TEST(SourceFile, ReportsInvalidUtf8AtLineAndColumn) {
  Diagnostics diags;
  auto file = SourceFile::FromBytes("content/x.md", "---\ntitle: Bl\xE5\n---\n", diags);
  EXPECT_FALSE(file);
  ASSERT_EQ(diags.list().size(), 1u);
  const Diagnostic& d = diags.list()[0];
  EXPECT_EQ(d.code, Code::kInvalidUtf8);
  EXPECT_EQ(d.pos, (SourcePos{"content/x.md", 2, 10}));
  EXPECT_NE(d.message.find("0xE5"), std::string::npos);
}

TEST(SourceFile, RejectsOverlongAndSurrogateEncodings) {
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("ok\xED\xA0\x80"), 2u);    // UTF-16 surrogate
  EXPECT_EQ(FindInvalidUtf8("åäö €"), std::string_view::npos);
}

TEST(SourceFile, ReplacesEachInvalidByteWithReplacementCharacter) {
  EXPECT_EQ(ReplaceInvalidUtf8("a\xC3" "b\xFF\xFE" "å"), "a\uFFFD" "b\uFFFD\uFFFD" "å");
  EXPECT_EQ(ReplaceInvalidUtf8("åäö"), "åäö");
  EXPECT_EQ(ReplaceInvalidUtf8(""), "");
}

TEST(SourceFile, ByteColumnBecomesCodePointColumn) {
  Diagnostics diags;
  auto file = SourceFile::FromBytes("a.md", "x\nåäö: b\n", diags);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->AtByteColumn(2, 1).column, 1);
  EXPECT_EQ(file->AtByteColumn(2, 7).column, 4);   // the ':'
  EXPECT_EQ(file->AtByteColumn(2, 10).column, 7);  // past the end: one past it
}

TEST(SourceFile, ColumnsCountCodePoints) {
  Diagnostics diags;
  auto file = SourceFile::FromBytes("a.md", "åäö x", diags);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->PosAt(7).column, 5);  // "x" after three two-byte letters and a space
}

TEST(SourceTree, InMemoryTreeListsFolderSorted) {
  SourceTree tree = SourceTree::InMemory("-- content/b.md --\nB\n-- content/a.md --\nA\n-- x.txt --\n");
  Diagnostics diags;
  auto files = tree.Folder("content", ".md", diags);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0]->path(), "content/a.md");
  EXPECT_EQ(files[0]->text(), "A\n");
  EXPECT_FALSE(diags.HasErrors());
}

TEST(Date, AcceptsOnlyRealDates) {
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2018-02-30"));
  EXPECT_FALSE(Date::Parse("2018-13-01"));
  EXPECT_FALSE(Date::Parse("2018-6-1"));
  EXPECT_FALSE(Date::Parse("20180601"));
  EXPECT_EQ(Date::Parse("2018-06-01")->ToString(), "2018-06-01");
}

}  // namespace
}  // namespace kansli
