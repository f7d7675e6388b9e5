#include "script/watchdog.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace kansli::script {

Watchdog::Watchdog(std::string script, double seconds) {
  thread_ = std::thread([this, script = std::move(script), seconds] {
    std::unique_lock lock(mutex_);
    if (done_cv_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return done_; })) {
      return;
    }
    std::fprintf(stderr,
                 "%s: error: script did not return within %.0f seconds and was stopped; it is "
                 "stuck inside a library function, e.g. a string pattern that backtracks "
                 "[script-timeout]\n",
                 script.c_str(), seconds);
    std::fflush(stderr);
    ::_exit(1);
  });
}

Watchdog::~Watchdog() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  done_cv_.notify_one();
  thread_.join();
}

}  // namespace kansli::script
