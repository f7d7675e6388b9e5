#include "support/test_site.h"

#include <sstream>

#include "diag/printer.h"

namespace kansli::testing {

const char kTestConfig[] = R"(name: Test
base_url: https://intra.test/
required: [id, title, type, organisation, status]
required_when_in_force: [version, adopted_by]
scripts: [scripts/crossref.lua]
types:
  policy: {label: Policy, required: [owner], required_when_in_force: [valid_from]}
  plan: {label: Plan, required: [owner], required_when_in_force: [valid_from]}
  beslut: {label: Beslut, required: [diary_number]}
)";

TestSite::TestSite(std::string_view txtar, std::string_view today)
    : tree(SourceTree::InMemory(txtar)) {
  std::string config_path = "kansli.yaml";
  SourceTree config_tree = SourceTree::InMemory(std::string("-- kansli.yaml --\n") + kTestConfig);
  const SourceFile* config_file = tree.Exists(config_path) ? tree.File(config_path, diags)
                                                           : config_tree.File(config_path, diags);
  if (config_file == nullptr) return;
  config = LoadSiteConfig(*config_file, diags);
  if (!config) return;
  // The checkout's texts, unless the test site brings its own.
  if (tree.Exists(config->TextPath())) {
    if (!LoadSiteText(tree, *config, diags)) return;
  } else {
    SourceTree checkout = SourceTree::OnDisk(KANSLI_SOURCE_DIR);
    if (!LoadSiteText(checkout, *config, diags)) return;
  }
  for (const SourceFile* file : tree.Folder(config->content_dir, ".md", diags)) {
    if (auto doc = ParseDocument(*file, diags, config->FieldNames())) parsed.push_back(std::move(*doc));
  }
  std::optional<Date> date = Date::Parse(today);
  site = Validate(std::move(parsed), *config, Clock::Fixed(date.value_or(Date{2026, 1, 1})), diags);
  parsed.clear();
}

std::string TestSite::DiagnosticLines() const {
  std::ostringstream out;
  PrintText(out, diags.Sorted(), nullptr);
  return out.str();
}

std::string SourcePath(std::string_view relative) {
  return std::string(KANSLI_SOURCE_DIR) + "/" + std::string(relative);
}

}  // namespace kansli::testing
