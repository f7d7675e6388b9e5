#pragma once

#include <vector>

#include "diag/diagnostics.h"
#include "source/date.h"
#include "validate/validated_site.h"

namespace kansli::rules {

// One function per rule family; each reports every problem it finds and never stops early.
void CheckConfigFields(const SiteConfig& config, Diagnostics& diags);
void CheckRequiredFields(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags);
void CheckTypeAndStatus(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags);
void CheckDates(const ParsedDocument& doc, const Date& today, Diagnostics& diags);
void CheckVersion(const ParsedDocument& doc, Diagnostics& diags);
void CheckParagraph(const ParsedDocument& doc, Diagnostics& diags);
void CheckIds(const std::vector<ParsedDocument>& docs, Diagnostics& diags);
void CheckReferences(const std::vector<ParsedDocument>& docs, Diagnostics& diags);
void CheckSiteFields(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags);
void CheckDiaryNumber(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags);
void CheckAdoptingBodies(const std::vector<ParsedDocument>& docs, const SiteConfig& config,
                         Diagnostics& diags);

}  // namespace kansli::rules
