// Waiting for a process the test does not own (a grandchild) to end.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>

namespace kansli::testing {

// True once `pid` is gone or a zombie (dead, waiting for a parent that may never reap it:
// an orphan goes to the container's first process), false if it still runs after `limit`.
inline bool ProcessEndsWithin(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  do {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string pid_field, name, state;
    // The name is in parentheses and has no spaces in the processes tests make.
    if (!(stat >> pid_field >> name >> state) || state == "Z" || state == "X") return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (std::chrono::steady_clock::now() < deadline);
  return false;
}

}  // namespace kansli::testing
