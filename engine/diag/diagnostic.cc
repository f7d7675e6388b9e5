#include "diag/diagnostic.h"

namespace kansli {
namespace {

struct CodeInfo {
  Code code;
  std::string_view name;
  std::string_view meaning;
};

constexpr CodeInfo kCodes[] = {
#define X(name, text, meaning) {Code::name, text, meaning},
#include "diag/codes.def"
#undef X
};

}  // namespace

std::string_view CodeName(Code code) { return kCodes[static_cast<int>(code)].name; }
std::string_view CodeMeaning(Code code) { return kCodes[static_cast<int>(code)].meaning; }

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::ostream& operator<<(std::ostream& out, const SourcePos& pos) {
  return out << pos.file << ":" << pos.line << ":" << pos.column;
}

bool IsEnvironmentCode(Code code) {
  return code == Code::kReadFailed || code == Code::kWriteFailed ||
         code == Code::kPublishFailed || code == Code::kPdfError ||
         code == Code::kSearchIndexFailed || code == Code::kInternalError;
}

std::vector<Code> AllCodes() {
  std::vector<Code> codes;
  for (const CodeInfo& info : kCodes) codes.push_back(info.code);
  return codes;
}

}  // namespace kansli
