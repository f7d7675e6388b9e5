// A build's progress on one terminal line: "Dokument 340 av 1000 (34 %), cirka 6 s kvar".
// Shown only on a terminal and only once a build has taken a second, so quick builds, logs
// and pipes never see it; cleared before anything else is printed.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>

namespace kansli {

class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;

  // `shown` false (not a terminal, or --quiet): nothing is ever written. `now` is the clock,
  // for tests.
  ProgressLine(std::ostream& out, bool shown, std::function<Clock::time_point()> now = Clock::now);
  ~ProgressLine() { Clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // One more of `total` documents done. Thread-safe; cheap when nothing is drawn.
  void Done(size_t total);
  // Removes the line, if one was drawn.
  void Clear();

 private:
  std::ostream& out_;
  const bool shown_;
  std::function<Clock::time_point()> now_;
  const Clock::time_point start_;
  std::atomic<size_t> done_{0};
  std::mutex mutex_;  // guards what follows and the stream
  Clock::time_point last_draw_{};
  bool drawn_ = false;
};

}  // namespace kansli
