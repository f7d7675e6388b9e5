#pragma once

#include <optional>
#include <vector>

#include "diag/diagnostics.h"
#include "script/relations.h"
#include "source/source_file.h"
#include "validate/validated_site.h"

namespace kansli {

struct ScriptLimits {
  long long max_instructions = 200'000'000;  // a runaway loop is stopped after this many
  size_t max_memory_bytes = 256u << 20;
};

// Runs each script in order, each in a fresh sandboxed Lua state, and collects what they
// relate and link. Errors (Lua errors, runaway scripts, kansli.error calls, bad returns) are
// diagnostics with script file and line; returns nullopt if any error was reported.
std::optional<Relations> RunScripts(const ValidatedSite& site,
                                    const std::vector<const SourceFile*>& scripts,
                                    const ScriptLimits& limits, Diagnostics& diags);

}  // namespace kansli
