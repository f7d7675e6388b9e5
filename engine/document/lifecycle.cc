#include "document/lifecycle.h"

namespace kansli {

bool InForce(const FrontMatter& meta) { return meta.Value("status") == "gällande"; }

bool IsDecision(const FrontMatter& meta) { return meta.Value("type") == "beslut"; }

std::string ParagraphNumber(const FrontMatter& meta) {
  std::string paragraph = meta.Value("paragraph");
  constexpr std::string_view kSign = "§";
  if (paragraph.starts_with(kSign)) paragraph.erase(0, kSign.size());
  while (paragraph.starts_with(' ')) paragraph.erase(0, 1);
  return paragraph;
}

std::optional<Date> VersionDate(const FrontMatter& meta) {
  for (const char* field : {"revised", "adopted_date", "valid_from"}) {
    if (std::optional<Date> date = Date::Parse(meta.Value(field))) return date;
  }
  return std::nullopt;
}

bool RevisionOverdue(const FrontMatter& meta, const Date& today) {
  std::optional<Date> review_by = Date::Parse(meta.Value("review_by"));
  return review_by && *review_by < today && InForce(meta);
}

}  // namespace kansli
