#include <algorithm>
#include <set>

#include "validate/rules.h"
#include "validate/validated_site.h"

namespace kansli {

const ParsedDocument* ValidatedSite::Find(std::string_view id) const {
  auto it = std::lower_bound(
      documents.begin(), documents.end(), id,
      [](const ParsedDocument& d, std::string_view key) { return d.document.id() < key; });
  return it != documents.end() && it->document.id() == id ? &*it : nullptr;
}

bool CheckSiteSettings(const SiteConfig& config, Diagnostics& diags) {
  const int errors_before = diags.error_count();
  rules::CheckConfigFields(config, diags);
  return diags.error_count() == errors_before;
}

std::optional<ValidatedSite> Validate(std::vector<ParsedDocument> documents,
                                      const SiteConfig& config, const Clock& clock,
                                      Diagnostics& diags) {
  const bool config_wrong = !CheckSiteSettings(config, diags);
  for (const ParsedDocument& doc : documents) {
    rules::CheckTypeAndStatus(doc, config, diags);
    rules::CheckRequiredFields(doc, config, diags);
    rules::CheckDates(doc, clock.today(), diags);
    rules::CheckVersion(doc, diags);
    rules::CheckParagraph(doc, diags);
    rules::CheckSiteFields(doc, config, diags);
    rules::CheckDiaryNumber(doc, config, diags);
  }
  rules::CheckIds(documents, diags);
  rules::CheckReferences(documents, diags);
  rules::CheckAdoptingBodies(documents, config, diags);
  if (config_wrong) return std::nullopt;
  // A document with an error in its file (here, or when it was read and parsed) is left out;
  // the others go on to the scripts, so that one run reports every problem.
  std::set<std::string, std::less<>> failed_files;
  for (const Diagnostic& d : diags.list()) {
    if (d.severity == Severity::kError) failed_files.insert(d.pos.file);
  }
  ValidatedSite site{.config = &config, .today = clock.today()};
  std::vector<std::string> left_out;
  for (ParsedDocument& doc : documents) {
    if (failed_files.contains(doc.document.path())) {
      if (std::string id = doc.document.id(); !id.empty()) left_out.push_back(std::move(id));
    } else {
      site.documents.push_back(std::move(doc));
    }
  }
  std::sort(site.documents.begin(), site.documents.end(),
            [](const ParsedDocument& a, const ParsedDocument& b) {
              return a.document.id() < b.document.id();
            });
  std::sort(left_out.begin(), left_out.end());
  left_out.erase(std::unique(left_out.begin(), left_out.end()), left_out.end());
  // An id both left out and kept (the second of two documents with one id) is not missing.
  std::erase_if(left_out, [&](const std::string& id) { return site.Find(id) != nullptr; });
  site.left_out = std::move(left_out);
  return site;
}

}  // namespace kansli
