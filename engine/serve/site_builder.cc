#include "serve/site_builder.h"

#include <algorithm>
#include <exception>
#include <sstream>

#include "diag/printer.h"
#include "source/source_tree.h"

namespace kansli::serve {
namespace {

// The same text `kansli build` prints: each diagnostic with its source line and caret, then
// the counts.
std::string DiagnosticsText(const SourceTree& tree, const Diagnostics& diags) {
  std::vector<Diagnostic> sorted = diags.Sorted();
  if (sorted.empty()) return "";
  std::ostringstream text;
  PrintText(text, sorted, [&](const std::string& file, int line) { return tree.Line(file, line); });
  auto count = [&](Severity severity) {
    return std::count_if(sorted.begin(), sorted.end(),
                         [&](const Diagnostic& d) { return d.severity == severity; });
  };
  text << count(Severity::kError) << " error(s), " << count(Severity::kWarning) << " warning(s)\n";
  return text.str();
}

}  // namespace

SiteBuilder::SiteBuilder(PipelineOptions options, std::ostream& log)
    : options_(std::move(options)), log_(log) {}

BuildStatus SiteBuilder::Build() {
  std::lock_guard build_lock(build_mutex_);
  const auto start = std::chrono::steady_clock::now();
  SourceTree tree = SourceTree::OnDisk(options_.root);  // fresh: every file is read again
  Diagnostics diags;
  std::optional<BuildSummary> summary;
  try {
    summary = kansli::Build(tree, options_, diags);
  } catch (const std::exception& e) {
    diags.Error({}, Code::kInternalError, std::string("internal error: ") + e.what());
  }
  const bool ok = summary.has_value() && !diags.HasErrors();
  const int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - start)
                         .count();
  std::string text = DiagnosticsText(tree, diags);

  BuildStatus result;
  {
    std::lock_guard lock(mutex_);
    const bool first = status_.generation == 0;
    log_ << text;
    if (ok) {
      log_ << (first ? "built " + std::to_string(summary->documents) + " documents" : "rebuilt")
           << " in " << ms << " ms\n";
    } else {
      log_ << "build failed in " << ms << " ms; "
           << (status_.has_site ? "still serving the last good site"
                                : "serving an error page until the site builds")
           << "\n";
    }
    log_.flush();
    status_.generation += 1;
    status_.ok = ok;
    status_.has_site = status_.has_site || ok;
    status_.diagnostics = std::move(text);
    status_.milliseconds = ms;
    result = status_;
  }
  changed_.notify_all();
  return result;
}

BuildStatus SiteBuilder::Status() const {
  std::lock_guard lock(mutex_);
  return status_;
}

BuildStatus SiteBuilder::WaitForChange(uint64_t seen, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopping_ || status_.generation != seen; });
  return status_;
}

void SiteBuilder::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
}

}  // namespace kansli::serve
