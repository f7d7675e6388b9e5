#include "script/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <vector>

#include "source/file_bytes.h"

namespace kansli::script {

ChildOutcome RunInChild(const std::function<void(const SendLine& send)>& work, double seconds) {
  ChildOutcome outcome;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    outcome.problem = std::string("pipe failed: ") + std::strerror(errno);
    return outcome;
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    outcome.problem = std::string("fork failed: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return outcome;
  }
  if (pid == 0) {
    // A child stuck in C code would otherwise outlive a parent that is killed, as kansli
    // serve's build process is when the server stops.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(2);  // it went before prctl took effect
    ::close(fds[0]);
    work([&](const std::string& line) {
      if (WriteAll(fds[1], line + "\n")) ::_exit(2);  // the parent is gone
    });
    ::_exit(0);
  }
  ::close(fds[1]);

  using Clock = std::chrono::steady_clock;
  const auto allowance =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  auto deadline = Clock::now() + allowance;
  std::string pending;
  bool stuck = false;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      stuck = true;
      break;
    }
    pollfd poll_fd{.fd = fds[0], .events = POLLIN, .revents = 0};
    const int ready =
        ::poll(&poll_fd, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char buffer[4096];
    const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the child closed the pipe: it is done, or dead
    pending.append(buffer, static_cast<size_t>(n));
    for (size_t end; (end = pending.find('\n')) != std::string::npos;) {
      outcome.lines.push_back(pending.substr(0, end));
      pending.erase(0, end + 1);
      deadline = Clock::now() + allowance;  // a line is progress
    }
  }
  ::close(fds[0]);
  if (stuck) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (stuck) {
    outcome.status = ChildOutcome::Status::kStuck;
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    outcome.status = ChildOutcome::Status::kFinished;
  } else {
    outcome.problem =
        WIFSIGNALED(status)
            ? "the child process died of signal " + std::to_string(WTERMSIG(status))
            : "the child process exited with status " + std::to_string(WEXITSTATUS(status));
  }
  return outcome;
}

}  // namespace kansli::script
