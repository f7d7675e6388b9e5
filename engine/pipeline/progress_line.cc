#include "pipeline/progress_line.h"

#include <cmath>
#include <string>

namespace kansli {
namespace {

// Quick builds show nothing; a long one redraws at most this often.
constexpr auto kQuietFor = std::chrono::seconds(1);
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

}  // namespace

ProgressLine::ProgressLine(std::ostream& out, bool shown, std::function<Clock::time_point()> now)
    : out_(out), shown_(shown), now_(std::move(now)), start_(now_()) {}

void ProgressLine::Done(size_t total) {
  const size_t done = done_.fetch_add(1) + 1;
  if (!shown_ || total == 0) return;
  const Clock::time_point now = now_();
  if (now - start_ < kQuietFor) return;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock() || (drawn_ && now - last_draw_ < kRedrawEvery && done < total)) return;
  last_draw_ = now;
  drawn_ = true;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double left = elapsed / static_cast<double>(done) * static_cast<double>(total - done);
  std::string line = "\rDokument " + std::to_string(done) + " av " + std::to_string(total) + " (" +
                     std::to_string(done * 100 / total) + " %)";
  if (done < total) line += ", cirka " + std::to_string(std::lround(std::ceil(left))) + " s kvar";
  out_ << line << "\x1b[K" << std::flush;  // erase what a longer line left behind
}

void ProgressLine::Clear() {
  std::lock_guard lock(mutex_);
  if (!drawn_) return;
  out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace kansli
