// Runs `kansli build` into the preview's private output folder, one build at a time, in the
// build process (build_process.h), and keeps what the pages need to know about the last one:
// its generation, whether it published, and its diagnostics. A failed build publishes
// nothing, so the last good site stays in place.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

#include "pipeline/pipeline.h"
#include "serve/build_process.h"

namespace kansli::serve {

struct BuildStatus {
  uint64_t generation = 0;   // builds finished, good or failed; 0 before the first
  bool ok = false;           // the last build published
  bool has_site = false;     // some build published: there is a site to serve
  std::string diagnostics;   // the last build's diagnostics as `kansli build` prints them
  int64_t milliseconds = 0;  // how long the last build took
};

class SiteBuilder {
 public:
  // Every build uses `options`, whose `output` must be set: the folder builds publish to.
  // Progress and diagnostics are written to `log` (stderr in the command).
  SiteBuilder(PipelineOptions options, std::ostream& log);

  // Makes the build process: call it before the server starts its threads, on a thread that
  // outlives the builds. False, with the reason on `log`, if it cannot be made.
  bool Start();

  // Reads the site afresh and builds it; waits for a build already running. Never throws for
  // a problem in the site: a bug inside the pipeline becomes an internal-error diagnostic, and
  // a build process that dies is reported as an error like any other.
  BuildStatus Build();

  BuildStatus Status() const;

  // Returns once the generation differs from `seen`, after `timeout`, or at Stop().
  BuildStatus WaitForChange(uint64_t seen, std::chrono::milliseconds timeout);

  // Stops a running build and wakes every waiter for good; later waits return at once.
  void Stop();

 private:
  std::ostream& log_;
  BuildProcess process_;
  std::mutex build_mutex_;  // held for a whole build: never two at once
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  BuildStatus status_;
  bool stopping_ = false;
};

}  // namespace kansli::serve
