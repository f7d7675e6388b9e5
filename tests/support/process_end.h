// Whether a process outlives its parent: a forked parent starts it, then is killed.
#pragma once

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

namespace kansli::testing {

// Forks a parent that runs `start`, which makes a process of its own whose code calls
// `announce()` once it runs; then kills the parent. Returns the announced process's pid, or
// -1 if none was announced.
inline pid_t OrphanAProcess(
    const std::function<void(const std::function<void()>& announce)>& start) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  const pid_t parent = ::fork();
  if (parent < 0) return -1;
  if (parent == 0) {
    ::close(fds[0]);
    start([&] {
      const std::string pid = std::to_string(::getpid()) + "\n";
      if (::write(fds[1], pid.data(), pid.size()) < 0) ::_exit(1);
    });
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string line;
  char c;
  while (::read(fds[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(fds[0]);
  ::kill(parent, SIGKILL);
  ::waitpid(parent, nullptr, 0);
  return line.empty() ? -1 : std::stoi(line);
}

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
