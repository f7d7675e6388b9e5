// A small site for tests, built from an inline txtar tree (Hugo's test sites): parsed and
// validated exactly as the pipeline does, with the diagnostics kept for assertions.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "config/site_config.h"
#include "diag/diagnostics.h"
#include "source/source_tree.h"
#include "validate/validated_site.h"

namespace kansli::testing {

// A minimal kansli.yaml: types policy, plan, beslut; base_url https://intra.test/.
extern const char kTestConfig[];

class TestSite {
 public:
  // If txtar has no kansli.yaml, kTestConfig is used. `today` fixes the clock.
  explicit TestSite(std::string_view txtar, std::string_view today = "2026-01-01");
  TestSite(const TestSite&) = delete;  // the site points into tree and config
  TestSite& operator=(const TestSite&) = delete;

  SourceTree tree;
  Diagnostics diags;
  std::optional<SiteConfig> config;
  std::vector<ParsedDocument> parsed;  // before validation (empty once validated)
  std::optional<ValidatedSite> site;   // nullopt if validation failed

  // What `kansli check` would print for the diagnostics so far, without source lines.
  std::string DiagnosticLines() const;
};

// Absolute path of a file in the source checkout ("content/…", "tests/fixtures/…").
std::string SourcePath(std::string_view relative);

}  // namespace kansli::testing
