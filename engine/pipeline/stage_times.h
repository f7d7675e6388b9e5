#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace kansli {

// Wall time of each stage of one build, for `kansli build --timings` and scripts/bench-scale:
// where a build's time goes, at any scale, without a profiler.
class StageTimes {
 public:
  struct Stage {
    std::string name;  // "parse", "scripts", "pdf", …
    double ms = 0;
  };

  StageTimes() : last_(std::chrono::steady_clock::now()) {}

  // The time since the previous mark (or since this object was made) was spent in `name`.
  void Mark(std::string name) {
    const auto now = std::chrono::steady_clock::now();
    stages_.push_back({std::move(name), std::chrono::duration<double, std::milli>(now - last_).count()});
    last_ = now;
  }
  const std::vector<Stage>& stages() const { return stages_; }

 private:
  std::chrono::steady_clock::time_point last_;
  std::vector<Stage> stages_;
};

}  // namespace kansli
