// Runs Lua scripts given inline on a small in-memory site, keeping the diagnostics.
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "diag/printer.h"
#include "script/run_scripts.h"
#include "support/test_site.h"

namespace kansli::testing {

// Two documents of one organisation: a policy and a plan that implements it and names it
// in an emphasis and a wiki link (on line 11, column 5).
inline constexpr char kPolicyAndPlan[] = R"(-- content/policy.md --
---
id: policy
title: Policy för test
type: policy
organisation: Testby kommun
status: utkast
owner: Kansliet
---

## Syfte

Texten.
-- content/plan.md --
---
id: plan
title: Plan för test
type: plan
organisation: Testby kommun
status: utkast
owner: Kansliet
implements: [policy]
---

Se [[policy]] och *Policy för test*.
)";

class ScriptFixture {
 public:
  explicit ScriptFixture(std::string_view txtar = kPolicyAndPlan) : site(txtar) {}

  // Runs `text` as scripts/x.lua (or `path`). The site's own diagnostics are not included.
  std::optional<Relations> Run(std::string_view text, const ScriptLimits& limits = {},
                               const std::string& path = "scripts/x.lua") {
    scripts = SourceTree::InMemory("-- " + path + " --\n" + std::string(text));
    const SourceFile* file = scripts.File(path, diags);
    if (!site.site || file == nullptr) return std::nullopt;
    return RunScripts(*site.site, {file}, limits, diags);
  }

  // Runs a script file of the checkout ("scripts/crossref.lua", "tests/script/api.lua").
  std::optional<Relations> RunFile(const std::string& path, const ScriptLimits& limits = {}) {
    scripts = SourceTree::OnDisk(KANSLI_SOURCE_DIR);
    const SourceFile* file = scripts.File(path, diags);
    if (!site.site || file == nullptr) return std::nullopt;
    return RunScripts(*site.site, {file}, limits, diags);
  }

  // As `kansli check` prints them, without source lines.
  std::string Lines() const {
    std::ostringstream out;
    PrintText(out, diags.Sorted(), nullptr);
    return out.str();
  }

  TestSite site;
  SourceTree scripts = SourceTree::InMemory("");
  Diagnostics diags;
};

}  // namespace kansli::testing
