#include <gtest/gtest.h>

#include <sstream>

#include "diag/diagnostics.h"
#include "diag/printer.h"
#include "diag/spellcheck.h"

namespace kansli {
namespace {

TEST(Diagnostics, SortsByFileLineColumnAndRemovesDuplicates) {
  Diagnostics diags;
  diags.Error({"content/b.md", 3, 1}, Code::kInvalidDate, "b");
  diags.Error({"content/a.md", 9, 2}, Code::kInvalidDate, "a9");
  diags.Error({"content/a.md", 2, 5}, Code::kInvalidDate, "a2");
  diags.Error({"content/a.md", 2, 5}, Code::kInvalidDate, "a2");
  std::vector<Diagnostic> sorted = diags.Sorted();
  ASSERT_EQ(sorted.size(), 3u);
  EXPECT_EQ(sorted[0].message, "a2");
  EXPECT_EQ(sorted[1].message, "a9");
  EXPECT_EQ(sorted[2].message, "b");
}

TEST(Diagnostics, StrictTurnsWarningsIntoErrors) {
  Diagnostics diags;
  diags.Warning({"x.md", 1, 1}, Code::kRevisionOverdue, "overdue");
  EXPECT_FALSE(diags.HasErrors());
  EXPECT_EQ(diags.warning_count(), 1);
  diags.PromoteWarnings();
  EXPECT_TRUE(diags.HasErrors());
  EXPECT_EQ(diags.warning_count(), 0);
}

TEST(Printer, PrintsCompilerStyleLineWithCaretAndHints) {
  std::ostringstream out;
  PrintText(out,
            {{{"content/plan.md", 7, 12}, Severity::kError, Code::kInvalidDate,
              "review_by 2018-02-30 is not a date", {"write YYYY-MM-DD"}}},
            [](const std::string&, int) { return std::string_view("review_by: 2018-02-30"); });
  EXPECT_EQ(out.str(),
            "content/plan.md:7:12: error: review_by 2018-02-30 is not a date [invalid-date]\n"
            "  review_by: 2018-02-30\n"
            "             ^\n"
            "  hint: write YYYY-MM-DD\n");
}

TEST(Printer, CaretCountsCodePointsNotBytes) {
  std::ostringstream out;
  PrintText(out, {{{"a.md", 1, 4}, Severity::kWarning, Code::kUnknownField, "m", {}}},
            [](const std::string&, int) { return std::string_view("åäö x"); });
  EXPECT_NE(out.str().find("\n     ^\n"), std::string::npos) << out.str();
}

TEST(Printer, ControlCharactersFromAFileNeverReachTheTerminal) {
  // ESC would start a terminal escape sequence; each control shows as its control picture,
  // one column, so the caret still points at it.
  std::ostringstream out;
  PrintText(out,
            {{{"a.md", 1, 3}, Severity::kError, Code::kControlCharacter,
              std::string("field '\x1b[31m\0'", 14), {"\x7f"}}},
            [](const std::string&, int) { return std::string_view("a\0\x1b\xc2\x85" "b", 6); });
  EXPECT_EQ(out.str(),
            "a.md:1:3: error: field '\u241b[31m\u2400' [control-character]\n"
            "  a\u2400\u241b\ufffdb\n"
            "    ^\n"
            "  hint: \u2421\n");
}

TEST(Printer, JsonHasEveryField) {
  std::ostringstream out;
  PrintJson(out, {{{"a.md", 2, 3}, Severity::kError, Code::kDuplicateId, "dup", {"h"}}});
  const std::string json = out.str();
  for (const char* part : {"\"file\": \"a.md\"", "\"line\": 2", "\"column\": 3",
                           "\"severity\": \"error\"", "\"code\": \"duplicate-id\"",
                           "\"message\": \"dup\"", "\"h\""}) {
    EXPECT_NE(json.find(part), std::string::npos) << part << "\n" << json;
  }
}

TEST(Spellcheck, SuggestsCloseIdsOnly) {
  std::vector<std::string> ids = {"policy-internationellt-arbete", "plan-2024"};
  EXPECT_EQ(ClosestMatch("policy-internationelt-arbete", ids), "policy-internationellt-arbete");
  EXPECT_EQ(ClosestMatch("plan-2042", ids), "plan-2024");
  EXPECT_EQ(ClosestMatch("totally-different", ids), std::nullopt);
}

TEST(Codes, EveryCodeHasANameAndMeaning) {
  for (Code code : AllCodes()) {
    EXPECT_FALSE(CodeName(code).empty());
    EXPECT_FALSE(CodeMeaning(code).empty());
  }
  EXPECT_EQ(CodeName(Code::kInvalidDate), "invalid-date");
}

}  // namespace
}  // namespace kansli
