#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "diag/diagnostics.h"
#include "script/relations.h"
#include "source/source_file.h"
#include "validate/validated_site.h"

namespace kansli {

// Each script is held to these on its own (every script gets a fresh state).
struct ScriptLimits {
  long long max_instructions = 200'000'000;  // a runaway loop is stopped after this many
  size_t max_memory_bytes = 256u << 20;
  // Wall-clock time, for loops whose few instructions call slow library functions.
  double max_seconds = 30;
  // kansli.error, kansli.warning and print diagnostics kept; more are counted, not kept.
  int max_reports = 1000;
};

// Runs each script in order, each in a fresh sandboxed Lua state, and collects what they
// relate and link. Errors (Lua errors, runaway scripts, kansli.error calls, bad returns) are
// diagnostics with script file and line; returns nullopt if any error was reported.
std::optional<Relations> RunScripts(const ValidatedSite& site,
                                    const std::vector<const SourceFile*>& scripts,
                                    const ScriptLimits& limits, Diagnostics& diags);

// The version of the library this wraps, for `kansli --version`.
std::string LuaVersion();

}  // namespace kansli
