// Dates must exist, and a paragraph is a number; review_by comes after valid_from; an overdue revision is a warning.
#include <regex>

#include "document/lifecycle.h"
#include "validate/rules.h"
#include "validate/version.h"

namespace kansli::rules {

void CheckDates(const ParsedDocument& doc, const Date& today, Diagnostics& diags) {
  const FrontMatter& meta = doc.document.meta;
  auto parse = [&](const TextField& field, std::string_view name) -> std::optional<Date> {
    if (!field || field->value.empty()) return std::nullopt;
    std::optional<Date> date = Date::Parse(field->value);
    if (!date) {
      diags.Error(field->pos, Code::kInvalidDate,
                  std::string(name) + " " + field->value + " is not a date",
                  {"write dates as YYYY-MM-DD, e.g. 2024-06-30, and check the day exists"});
    }
    return date;
  };
  std::optional<Date> valid_from = parse(meta.valid_from, "valid_from");
  parse(meta.revised, "revised");
  parse(meta.adopted_date, "adopted_date");
  parse(meta.meeting_date, "meeting_date");
  std::optional<Date> review_by = parse(meta.review_by, "review_by");
  if (valid_from && review_by && *review_by <= *valid_from) {
    diags.Error(meta.review_by->pos, Code::kDateOrder,
                "review_by " + review_by->ToString() + " is not after valid_from " +
                    valid_from->ToString());
    return;  // an overdue warning about a date that is wrong anyway would be noise
  }
  if (RevisionOverdue(meta, today)) {
    diags.Warning(meta.review_by->pos, Code::kRevisionOverdue,
                  "revision overdue since " + review_by->ToString(),
                  {"revise the document and set a new review_by, or set status: upphävd"});
  }
}

void CheckParagraph(const ParsedDocument& doc, Diagnostics& diags) {
  const TextField& paragraph = doc.document.meta.paragraph;
  if (!paragraph || paragraph->value.empty()) return;
  // "127", or "§ 127" as the minutes print it; kansli prints the "§" itself.
  static const std::regex number("(§ ?)?[1-9][0-9]{0,4}[a-z]?");
  if (paragraph->value.size() > 16 || !std::regex_match(paragraph->value, number)) {
    diags.Error(paragraph->pos, Code::kInvalidFieldValue,
                "paragraph '" + paragraph->value + "' is not a paragraph number",
                {"write the number of the paragraph in the minutes, e.g. paragraph: 127"});
  }
}

void CheckVersion(const ParsedDocument& doc, Diagnostics& diags) {
  const TextField& version = doc.document.meta.version;
  if (!version || version->value.empty()) return;
  if (!Version::Parse(version->value)) {
    diags.Error(version->pos, Code::kInvalidVersion,
                "version '" + version->value + "' is not a positive whole number or MAJOR.MINOR",
                {"e.g. version: 2 or version: 1.3"});
  }
}

}  // namespace kansli::rules
