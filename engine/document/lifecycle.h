#pragma once

#include <optional>
#include <string>

#include "document/front_matter.h"
#include "source/date.h"

namespace kansli {

// A document's status is gällande: it is in force and needs the fields kansli.yaml requires
// of documents in force, and its revise-by date is watched.
bool InForce(const FrontMatter& meta);

// A decision (type beslut): what other documents are adopted in, and what is laid out as an
// extract from the minutes.
bool IsDecision(const FrontMatter& meta);
// A decision's paragraph as a number, "127", also when written "§ 127"; "" when absent.
std::string ParagraphNumber(const FrontMatter& meta);

// The date of this version of a document: when it was revised, else when it was decided,
// else when it took effect. The feed, the sitemap's lastmod and the PDF's dates all use it,
// so a document never has two different "dates" in two outputs.
std::optional<Date> VersionDate(const FrontMatter& meta);

// In force (status gällande) and its revise-by date has passed: the validation warning and
// the register's flag are the same rule.
bool RevisionOverdue(const FrontMatter& meta, const Date& today);

}  // namespace kansli
