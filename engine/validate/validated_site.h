// validate/ owns the rules a site must pass before anything is linked or rendered: required
// fields per type and status, real dates, versions, ids, and references between documents.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "markdown/markdown_parser.h"
#include "source/date.h"
#include "validate/images.h"

namespace kansli {

// Documents that passed validation (there may be warnings), sorted by id. Every id is
// unique and well-formed, every type is in the config, every date is real, and every id
// named in implements / adopted_in / supersedes exists (it may be left out, below).
struct ValidatedSite {
  const SiteConfig* config = nullptr;
  Date today;
  std::vector<ParsedDocument> documents;
  // The ids of documents left out because they have errors, sorted. Not empty only in a
  // run that reports errors and publishes nothing; the scripts still check the others.
  std::vector<std::string> left_out;
  SiteImages images;  // ResolveImages' result; the pipeline sets it after Validate

  const ParsedDocument* Find(std::string_view id) const;
  // The checked image `target` (as written) of the document at `doc_path`, or null.
  const ResolvedImage* Image(std::string_view doc_path, std::string_view target) const;
};

// Reports every problem of every document. The site holds the documents without an error
// of their own, so that the scripts can check them in the same run; a caller goes on to
// render only when `diags` has no errors. Nullopt when kansli.yaml's fields are wrong.
// The checks of kansli.yaml that need kansli's own field names: the fields `required` lists
// name exist, and no site field takes a built-in one. False (with config-error) if one fails.
// Validate runs them; kansli new and kansli schema, which validate no document, run them alone.
bool CheckSiteSettings(const SiteConfig& config, Diagnostics& diags);

std::optional<ValidatedSite> Validate(std::vector<ParsedDocument> documents,
                                      const SiteConfig& config, const Clock& clock,
                                      Diagnostics& diags);

}  // namespace kansli
