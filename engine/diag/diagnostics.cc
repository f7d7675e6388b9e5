#include "diag/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace kansli {

void Diagnostics::Report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  list_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(SourcePos pos, Code code, std::string message,
                        std::vector<std::string> hints) {
  Report({std::move(pos), Severity::kError, code, std::move(message), std::move(hints)});
}

void Diagnostics::Warning(SourcePos pos, Code code, std::string message,
                          std::vector<std::string> hints) {
  Report({std::move(pos), Severity::kWarning, code, std::move(message), std::move(hints)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.list_) Report(d);
}

void Diagnostics::PromoteWarnings() {
  for (Diagnostic& d : list_) {
    if (d.severity == Severity::kWarning) {
      d.severity = Severity::kError;
      ++error_count_;
    }
  }
}

int Diagnostics::warning_count() const {
  return static_cast<int>(std::count_if(list_.begin(), list_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  }));
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.pos, d.severity, d.code, d.message);
  };
  std::vector<Diagnostic> sorted = list_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  sorted.erase(std::unique(sorted.begin(), sorted.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) {
                             return key(a) == key(b);
                           }),
               sorted.end());
  return sorted;
}

}  // namespace kansli
