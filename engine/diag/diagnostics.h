#pragma once

#include <vector>

#include "diag/diagnostic.h"

namespace kansli {

// The sink every stage reports into. Stages carry on after an error so that one run
// reports every problem of every document. Not thread-safe: parallel work gives each
// task its own Diagnostics and merges them afterwards with Append.
class Diagnostics {
 public:
  void Report(Diagnostic diagnostic);
  void Error(SourcePos pos, Code code, std::string message, std::vector<std::string> hints = {});
  void Warning(SourcePos pos, Code code, std::string message, std::vector<std::string> hints = {});
  void Append(const Diagnostics& other);

  // --strict: every warning becomes an error.
  void PromoteWarnings();

  bool HasErrors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  int warning_count() const;
  bool empty() const { return list_.empty(); }

  // Sorted by file, line and column, exact duplicates removed.
  std::vector<Diagnostic> Sorted() const;
  const std::vector<Diagnostic>& list() const { return list_; }

 private:
  std::vector<Diagnostic> list_;
  int error_count_ = 0;
};

}  // namespace kansli
