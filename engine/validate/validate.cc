#include <algorithm>

#include "validate/rules.h"
#include "validate/validated_site.h"

namespace kansli {

const ParsedDocument* ValidatedSite::Find(std::string_view id) const {
  auto it = std::lower_bound(
      documents.begin(), documents.end(), id,
      [](const ParsedDocument& d, std::string_view key) { return d.document.id() < key; });
  return it != documents.end() && it->document.id() == id ? &*it : nullptr;
}

std::optional<ValidatedSite> Validate(std::vector<ParsedDocument> documents,
                                      const SiteConfig& config, const Clock& clock,
                                      Diagnostics& diags) {
  const int errors_before = diags.error_count();
  rules::CheckConfigFields(config, diags);
  for (const ParsedDocument& doc : documents) {
    rules::CheckTypeAndStatus(doc, config, diags);
    rules::CheckRequiredFields(doc, config, diags);
    rules::CheckDates(doc, clock.today(), diags);
    rules::CheckVersion(doc, diags);
  }
  rules::CheckIds(documents, diags);
  rules::CheckReferences(documents, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  std::sort(documents.begin(), documents.end(), [](const ParsedDocument& a, const ParsedDocument& b) {
    return a.document.id() < b.document.id();
  });
  return ValidatedSite{.config = &config, .today = clock.today(), .documents = std::move(documents)};
}

}  // namespace kansli
