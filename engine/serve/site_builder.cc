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
std::string DiagnosticsText(const Diagnostics& diags, const SourceLineLookup& lines) {
  std::vector<Diagnostic> sorted = diags.Sorted();
  if (sorted.empty()) return "";
  std::ostringstream text;
  PrintText(text, sorted, lines);
  auto count = [&](Severity severity) {
    return std::count_if(sorted.begin(), sorted.end(),
                         [&](const Diagnostic& d) { return d.severity == severity; });
  };
  text << count(Severity::kError) << " error(s), " << count(Severity::kWarning) << " warning(s)\n";
  return text.str();
}

// In the build process: everything a build is, the files read afresh.
BuildReport BuildSite(const PipelineOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SourceTree tree = SourceTree::OnDisk(options.root);
  Diagnostics diags;
  std::optional<BuildSummary> summary;
  try {
    summary = kansli::Build(tree, options, diags);
  } catch (const std::exception& e) {
    diags.Error({}, Code::kInternalError, std::string("internal error: ") + e.what());
  }
  return BuildReport{
      .ok = summary.has_value() && !diags.HasErrors(),
      .documents = summary ? summary->documents : 0,
      .diagnostics = DiagnosticsText(
          diags, [&](const std::string& file, int line) { return tree.Line(file, line); }),
      .milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count()};
}

}  // namespace

SiteBuilder::SiteBuilder(PipelineOptions options, std::ostream& log)
    : log_(log), process_([options = std::move(options)] { return BuildSite(options); }) {}

bool SiteBuilder::Start() {
  if (process_.Start()) return true;
  log_ << "kansli serve: cannot make the build process: " << process_.problem() << "\n";
  return false;
}

BuildStatus SiteBuilder::Build() {
  std::lock_guard build_lock(build_mutex_);
  const auto start = std::chrono::steady_clock::now();
  std::optional<BuildReport> report = process_.Build();
  BuildStatus result;
  {
    std::lock_guard lock(mutex_);
    if (!report && stopping_) return status_;  // Stop() ended it: nothing to tell
    if (!report) {
      // The process is not made again: forking it from the server, with its threads
      // running, is what it is there to avoid.
      Diagnostics lost;
      lost.Error({}, Code::kInternalError,
                 "internal error: the build process " + process_.problem(),
                 {"restart kansli serve"});
      report = BuildReport{
          .diagnostics = DiagnosticsText(lost, [](const std::string&, int) { return ""; }),
          .milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - start)
                              .count()};
    }
    const bool first = status_.generation == 0;
    log_ << report->diagnostics;
    if (report->ok) {
      log_ << (first ? "built " + std::to_string(report->documents) + " documents" : "rebuilt")
           << " in " << report->milliseconds << " ms\n";
    } else {
      log_ << "build failed in " << report->milliseconds << " ms; "
           << (status_.has_site ? "still serving the last good site"
                                : "serving an error page until the site builds")
           << "\n";
    }
    log_.flush();
    status_.generation += 1;
    status_.ok = report->ok;
    status_.has_site = status_.has_site || report->ok;
    status_.diagnostics = std::move(report->diagnostics);
    status_.milliseconds = report->milliseconds;
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
  process_.Kill();
  changed_.notify_all();
}

}  // namespace kansli::serve
