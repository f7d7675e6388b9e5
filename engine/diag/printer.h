#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace kansli {

// Returns the text of a source line (without newline), or an empty view if unknown.
using SourceLineLookup = std::function<std::string_view(const std::string& file, int line)>;

// Compiler style: "content/x.md:7:14: error: message [code]", then the source line with a
// caret under the column (as ninja does), then "  hint: ..." lines.
void PrintText(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
               const SourceLineLookup& lines);

// The same fields as a JSON array: [{"file","line","column","severity","code","message","hints"}].
void PrintJson(std::ostream& out, const std::vector<Diagnostic>& diagnostics);

}  // namespace kansli
