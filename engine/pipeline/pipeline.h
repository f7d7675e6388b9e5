// pipeline/ calls the stages in order; it is the only code that knows every stage.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "pipeline/progress_line.h"
#include "pipeline/stage_times.h"
#include "source/date.h"
#include "source/source_tree.h"

namespace kansli {

struct PipelineOptions {
  std::filesystem::path root = ".";             // the site folder, holding kansli.yaml
  std::optional<Date> today;                    // --today; the system date if unset
  bool strict = false;                          // --strict: warnings are errors
  std::optional<std::filesystem::path> output;  // --output; else kansli.yaml's folder
  unsigned jobs = 0;                            // 0: one per core
  std::optional<std::string> now;               // --now, for publish: "2026-01-10T09:00:00Z"
  // Where per-document work reports each document done (its PDF written): the terminal's
  // progress line. Called from worker threads; null: nobody is told.
  ProgressLine* progress = nullptr;
  // Reuse the renders of unchanged documents kept in the site's kCacheFolder, and keep this
  // build's there (--no-cache: false).
  bool cache = true;
  // False when the process ends right after (the CLI): the checked site's memory is left to
  // the operating system instead of being freed piece by piece. `kansli serve` frees it.
  bool free_memory = true;
  // Where each stage's wall time is marked (--timings); null: nowhere.
  StageTimes* stage_times = nullptr;
};

// The build cache, below the site folder: rendered outputs by content-hash keys, git-ignored.
inline constexpr char kCacheFolder[] = ".kansli-cache";

// One official PDF's layout and writing: `kansli build --timings`, and scripts/bench-pdf.
struct PdfTiming {
  std::string id;
  int pages = 0;
  size_t bytes = 0;
  double ms = 0;  // wall time of this document's PDF alone
};

struct BuildSummary {
  int documents = 0;
  int files = 0;
  std::filesystem::path output;
  std::vector<PdfTiming> pdfs;  // in document order
  int rendered = 0;             // documents rendered, not taken from the build cache
  int recorded = 0;             // publish: records appended to the ledger
  std::string ledger;           // the ledger's path as diagnostics name it
};

// `kansli check`: read, validate, run scripts; nothing is written.
bool Check(SourceTree& tree, const PipelineOptions& options, Diagnostics& diags);

// `kansli build`: check, render HTML and PDF for every document, publish all or nothing.
std::optional<BuildSummary> Build(SourceTree& tree, const PipelineOptions& options,
                                  Diagnostics& diags);

// `kansli publish`: build, and record every decided version the ledger lacks: its PDF and
// source are frozen into the archive and the ledger gets a record, before output/ is
// replaced. A publish stopped at any moment leaves a valid ledger whose every record has its
// files, and the previous output; the next publish completes the work.
std::optional<BuildSummary> PublishSite(SourceTree& tree, const PipelineOptions& options,
                                        Diagnostics& diags);

}  // namespace kansli
