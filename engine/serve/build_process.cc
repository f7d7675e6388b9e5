#include "serve/build_process.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <nlohmann/json.hpp>

#include "source/file_bytes.h"

namespace kansli::serve {
namespace {

// One report per line: JSON escapes the diagnostics' newlines.
std::string EncodeReport(const BuildReport& report) {
  const nlohmann::json json = {{"ok", report.ok},
                               {"documents", report.documents},
                               {"diagnostics", report.diagnostics},
                               {"milliseconds", report.milliseconds}};
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::optional<BuildReport> DecodeReport(const std::string& line) {
  try {
    const nlohmann::json json = nlohmann::json::parse(line);
    return BuildReport{.ok = json.at("ok").get<bool>(),
                       .documents = json.at("documents").get<int>(),
                       .diagnostics = json.at("diagnostics").get<std::string>(),
                       .milliseconds = json.at("milliseconds").get<int64_t>()};
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

// The child: one build per byte the server sends, until the server closes its end.
[[noreturn]] void ServeBuilds(int socket, pid_t server, const std::function<BuildReport()>& build) {
  // Should the server be killed, nothing would ever close its end of the socket.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != server) ::_exit(0);  // it went before prctl took effect
  for (;;) {
    char request = 0;
    const ssize_t n = ::read(socket, &request, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(0);
    BuildReport report;
    try {
      report = build();
    } catch (const std::exception& e) {
      report.diagnostics = std::string("error: internal error: ") + e.what() + "\n";
    }
    if (WriteAll(socket, EncodeReport(report))) ::_exit(0);
  }
}

std::string Describe(int status) {
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    return "died of signal " + std::to_string(signal) + " (" + ::strsignal(signal) + ")";
  }
  return "ended with exit status " + std::to_string(WEXITSTATUS(status));
}

}  // namespace

BuildProcess::BuildProcess(std::function<BuildReport()> build) : build_(std::move(build)) {}

BuildProcess::~BuildProcess() {
  Kill();
  if (socket_ >= 0) Lost();
}

bool BuildProcess::Start() {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
    problem_ = std::string("socketpair failed: ") + std::strerror(errno);
    return false;
  }
  const pid_t server = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    problem_ = std::string("fork failed: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return false;
  }
  if (pid == 0) {
    ::close(fds[0]);
    ServeBuilds(fds[1], server, build_);
  }
  ::close(fds[1]);
  socket_ = fds[0];
  std::lock_guard lock(mutex_);
  pid_ = pid;
  return true;
}

std::optional<BuildReport> BuildProcess::Build() {
  if (socket_ < 0) return std::nullopt;
  const char request = 'b';
  ssize_t sent;
  do {
    sent = ::send(socket_, &request, 1, MSG_NOSIGNAL);  // no SIGPIPE should the child be gone
  } while (sent < 0 && errno == EINTR);
  std::string line;
  while (sent == 1 && line.find('\n') == std::string::npos) {
    char buffer[65536];
    const ssize_t n = ::read(socket_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    line.append(buffer, static_cast<size_t>(n));
  }
  if (line.empty() || line.back() != '\n') {
    Lost();
    return std::nullopt;
  }
  std::optional<BuildReport> report = DecodeReport(line);
  if (!report) {
    std::lock_guard lock(mutex_);
    problem_ = "sent a report that could not be read";
  }
  return report;
}

void BuildProcess::Kill() {
  std::lock_guard lock(mutex_);
  if (pid_ > 0 && !killed_) {
    killed_ = true;
    ::kill(pid_, SIGKILL);
  }
}

std::string BuildProcess::problem() const {
  std::lock_guard lock(mutex_);
  return problem_;
}

void BuildProcess::Lost() {
  ::close(socket_);
  socket_ = -1;
  std::lock_guard lock(mutex_);
  if (pid_ <= 0) return;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  problem_ = killed_ ? "was stopped" : Describe(status);
}

}  // namespace kansli::serve
