#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace kansli::script {

// The last resort against a script stuck inside a C library function (a pathological
// string pattern, say), where Lua's instruction hook never runs and so cannot stop it. If
// the script has not returned `seconds` after the watch started, the process prints a
// script-timeout diagnostic and exits 1. Nothing is published before scripts finish, so
// output/ is untouched. Breaking "errors are values" is deliberate: control cannot be
// taken back from a thread inside C code.
class Watchdog {
 public:
  Watchdog(std::string script, double seconds);
  ~Watchdog();
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace kansli::script
