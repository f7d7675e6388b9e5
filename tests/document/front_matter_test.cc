#include <gtest/gtest.h>

#include "document/document.h"

namespace kansli {
namespace {

std::optional<Document> Read(const std::string& text, Diagnostics& diags) {
  static std::vector<std::unique_ptr<SourceFile>> keep;  // documents point into their file
  auto file = SourceFile::FromBytes("content/x.md", text, diags);
  if (!file) return std::nullopt;
  keep.push_back(std::make_unique<SourceFile>(std::move(*file)));
  return ReadDocument(*keep.back(), diags);
}

TEST(FrontMatter, ReadsTypedFieldsWithPositions) {
  Diagnostics diags;
  auto doc = Read("---\nid: plan-x\ntitle: Plan för x\nimplements: [a, b]\nversion: 1.10\n---\n# Hej\n",
                  diags);
  ASSERT_TRUE(doc);
  EXPECT_FALSE(diags.HasErrors());
  EXPECT_EQ(doc->id(), "plan-x");
  EXPECT_EQ(doc->meta.title->value, "Plan för x");
  EXPECT_EQ(doc->meta.title->pos, (SourcePos{"content/x.md", 3, 8}));
  ASSERT_EQ(doc->meta.implements.size(), 2u);
  EXPECT_EQ(doc->meta.implements[1].value, "b");
  EXPECT_EQ(doc->meta.implements[1].pos, (SourcePos{"content/x.md", 4, 17}));
  EXPECT_EQ(doc->meta.version->value, "1.10");  // kept as written, not 1.1
  EXPECT_EQ(doc->body, "# Hej\n");
  EXPECT_EQ(doc->body_first_line, 7);
}

TEST(FrontMatter, ReportsYamlErrorAtFileLine) {
  Diagnostics diags;
  EXPECT_FALSE(Read("---\nid: a\ntitle: [unclosed\nowner: x\n---\n", diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].code, Code::kMalformedYaml);
  EXPECT_GE(diags.list()[0].pos.line, 3);
}

TEST(FrontMatter, ReportsMissingFrontMatter) {
  Diagnostics diags;
  EXPECT_FALSE(Read("# Just markdown\n", diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].code, Code::kMissingFrontMatter);
  EXPECT_EQ(diags.list()[0].pos.line, 1);
}

TEST(FrontMatter, ReportsUnclosedFrontMatter) {
  Diagnostics diags;
  EXPECT_FALSE(Read("---\nid: a\n", diags));
  EXPECT_EQ(diags.list()[0].code, Code::kMissingFrontMatter);
}

TEST(FrontMatter, UnknownFieldSuggestsTheKnownOne) {
  Diagnostics diags;
  ASSERT_TRUE(Read("---\nid: a\nreveiw_by: 2020-01-01\n---\n", diags));
  ASSERT_EQ(diags.list().size(), 1u);
  const Diagnostic& d = diags.list()[0];
  EXPECT_EQ(d.code, Code::kUnknownField);
  EXPECT_EQ(d.pos, (SourcePos{"content/x.md", 3, 1}));
  ASSERT_EQ(d.hints.size(), 2u);
  EXPECT_EQ(d.hints[0], "did you mean 'review_by'?");
  EXPECT_TRUE(d.hints[1].starts_with("a field of the site's own is declared under fields:"));
}

TEST(FrontMatter, ADeclaredSiteFieldIsKeptAsWrittenAtItsPosition) {
  Diagnostics diags;
  std::vector<std::unique_ptr<SourceFile>> keep;
  auto read = [&](std::string_view text) {
    keep.push_back(std::make_unique<SourceFile>(*SourceFile::FromBytes("x.md", std::string(text), diags)));
    auto split = SplitFrontMatter(*keep.back(), diags);
    return ParseFrontMatter(*keep.back(), *split, diags, {"galler_for", "malgrupp", "tom"});
  };
  auto meta = read("---\ngaller_for: Alla\nmalgrupp: [a, b]\ntom:\n---\n");
  ASSERT_TRUE(meta);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(meta->site_fields.size(), 3u);
  EXPECT_EQ(meta->site_fields[0].items.at(0).pos, (SourcePos{"x.md", 2, 13}));
  EXPECT_FALSE(meta->site_fields[0].written_as_list);
  EXPECT_TRUE(meta->site_fields[1].written_as_list);
  EXPECT_EQ(meta->Value("malgrupp"), "a, b");
  EXPECT_EQ(meta->site_fields[2].key_pos, (SourcePos{"x.md", 4, 1}));
  EXPECT_FALSE(meta->Has("tom"));
  meta = read("---\ngaller_for: {a: b}\n---\n");
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].code, Code::kWrongFieldType);
}

TEST(FrontMatter, ListWhereTextIsExpectedIsAnError) {
  Diagnostics diags;
  ASSERT_TRUE(Read("---\ntitle: [a, b]\nimplements: plan-a\n---\n", diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].code, Code::kWrongFieldType);
}

TEST(FrontMatter, ScalarForAListFieldIsAListOfOne) {
  Diagnostics diags;
  auto doc = Read("---\nimplements: plan-a\n---\n", diags);
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->meta.implements.size(), 1u);
  EXPECT_EQ(doc->meta.implements[0].value, "plan-a");
}

TEST(FrontMatter, DuplicateKeyIsReported) {
  Diagnostics diags;
  Read("---\nid: a\nid: b\n---\n", diags);
  ASSERT_FALSE(diags.list().empty());
  EXPECT_EQ(diags.list()[0].code, Code::kDuplicateField);
  EXPECT_EQ(diags.list()[0].pos.line, 3);
}

TEST(FrontMatter, DeeplyNestedYamlDoesNotCrash) {
  Diagnostics diags;
  std::string deep = "---\ntags: " + std::string(100000, '[') + "\n---\n";
  Read(deep, diags);
  EXPECT_TRUE(diags.HasErrors());
}

// yaml-cpp counts columns in bytes: every å, ä or ö before a position moved it one column right.
TEST(FrontMatter, ColumnsCountCharactersNotBytes) {
  Diagnostics diags;
  auto doc = Read("---\nid: a\ntags: [åäö, b]\n---\n", diags);
  ASSERT_TRUE(doc);
  ASSERT_EQ(doc->meta.tags.size(), 2u);
  EXPECT_EQ(doc->meta.tags[1].pos, (SourcePos{"content/x.md", 3, 13}));
  EXPECT_FALSE(Read("---\nid: a\ntitle: Förslag: nu\n---\n", diags));
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].pos, (SourcePos{"content/x.md", 3, 15}));  // the second ':'
}

// yaml-cpp's message for an unknown escape quotes one byte of the character after '\', which
// is not UTF-8 when that character is 'ä' (a Windows path: "C:\Användare").
TEST(FrontMatter, YamlErrorAboutANonAsciiCharacterIsUtf8) {
  Diagnostics diags;
  EXPECT_FALSE(Read("---\nid: a\ndiary_number: \"C:\\Användare\"\n---\n", diags));
  ASSERT_EQ(diags.list().size(), 1u);
  const Diagnostic& d = diags.list()[0];
  EXPECT_EQ(d.code, Code::kMalformedYaml);
  EXPECT_EQ(d.pos.line, 3);
  EXPECT_EQ(FindInvalidUtf8(d.message), std::string_view::npos) << d.message;
}

// A NUL near the start made yaml-cpp read the front matter as UTF-32, with field names and
// values that were not UTF-8; U+0004 made it stop reading. Each control character is one
// error at its position, and YAML is not asked to report them again.
TEST(FrontMatter, ControlCharacterIsAnErrorAtItsPosition) {
  for (const std::string& yaml :
       {std::string("k\0\0\0: v\n", 8), std::string("title: a\x04" "b\n")}) {
    Diagnostics diags;
    EXPECT_FALSE(Read("---\nid: a\n" + yaml + "---\n", diags));
    const bool nul = yaml[0] == 'k';
    ASSERT_EQ(diags.list().size(), nul ? 3u : 1u) << yaml;
    const Diagnostic& d = diags.list()[0];
    EXPECT_EQ(d.code, Code::kControlCharacter);
    EXPECT_EQ(d.pos, (SourcePos{"content/x.md", 3, nul ? 2 : 9}));
    EXPECT_EQ(d.message, nul ? "a NUL byte (U+0000) is not allowed in a document"
                             : "control character U+0004 is not allowed in a document");
  }
}

// In the body too, C1 controls (U+0080 to U+009F) included; the front matter is still read,
// so the document's other problems are reported in the same run.
TEST(FrontMatter, ControlCharactersInTheBodyAreErrorsEachAtItsColumn) {
  Diagnostics diags;
  auto doc = Read(std::string("---\nid: a\n---\nett\0två\x7f och \xc2\x85.\n", 32), diags);
  EXPECT_TRUE(doc.has_value());
  ASSERT_EQ(diags.list().size(), 3u);
  EXPECT_EQ(diags.list()[0].pos, (SourcePos{"content/x.md", 4, 4}));
  EXPECT_EQ(diags.list()[1].pos, (SourcePos{"content/x.md", 4, 8}));
  EXPECT_EQ(diags.list()[2].pos, (SourcePos{"content/x.md", 4, 14}));
  EXPECT_EQ(diags.list()[2].message, "control character U+0085 is not allowed in a document");
}

}  // namespace
}  // namespace kansli
