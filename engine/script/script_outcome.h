// What the scripts' child process hands back to kansli: the relations and links the scripts
// decided (and the Str hooks' splits of text) and the diagnostics they caused, as one line of
// JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"
#include "script/run_context.h"

namespace kansli::script {

struct ScriptOutcome {
  Collected collected;
  Diagnostics diags;
};

// One line (no '\n'): compact JSON.
std::string EncodeOutcome(const Collected& collected, const Diagnostics& diags);
// Nullopt if `line` is not what EncodeOutcome wrote.
std::optional<ScriptOutcome> DecodeOutcome(std::string_view line);

}  // namespace kansli::script
