// diag/ owns how problems are described and printed; it knows nothing about any stage.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kansli {

enum class Severity { kError, kWarning, kNote };

enum class Code {
#define X(name, text, meaning) name,
#include "diag/codes.def"
#undef X
};

std::string_view CodeName(Code code);     // "invalid-date"
std::string_view CodeMeaning(Code code);  // one line for README and --help
std::string_view SeverityName(Severity severity);

// Codes about the machine rather than the documents (unreadable files, a failed write, a
// bug): they make kansli exit 3 instead of 1, and scripts may not report them.
bool IsEnvironmentCode(Code code);

// Every code, in codes.def order (for README's table and its test).
std::vector<Code> AllCodes();

struct SourcePos {
  std::string file;  // relative to the site root, e.g. "content/plan.md"
  int line = 0;      // 1-based; 0 means the whole file
  int column = 0;    // 1-based, counted in code points; 0 means the whole line

  friend auto operator<=>(const SourcePos&, const SourcePos&) = default;
};

std::ostream& operator<<(std::ostream& out, const SourcePos& pos);  // "file:line:column"

struct Diagnostic {
  SourcePos pos;
  Severity severity = Severity::kError;
  Code code = Code::kInternalError;
  std::string message;             // lower case, no trailing period
  std::vector<std::string> hints;  // "did you mean 'plan-2024'?"
};

}  // namespace kansli
