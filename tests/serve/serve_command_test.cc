// The real `kansli serve` binary: the printed URL line, serving, and a clean exit on SIGTERM
// that leaves no temporary folder behind.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "support/run_kansli.h"

namespace kansli::testing {
namespace {
namespace fs = std::filesystem;

// The binary as a child process with its stdout on a pipe and its own TMPDIR.
class ServeProcess {
 public:
  ServeProcess(const fs::path& site, const fs::path& tmpdir, const fs::path& err_file) {
    // Everything is prepared before fork: the child may only make async-signal-safe calls.
    std::vector<std::string> env = {"TMPDIR=" + tmpdir.string()};
    for (char** e = environ; *e != nullptr; ++e) {
      if (!std::string_view(*e).starts_with("TMPDIR=")) env.emplace_back(*e);
    }
    std::vector<char*> envp;
    for (std::string& entry : env) envp.push_back(entry.data());
    envp.push_back(nullptr);
    const std::string root = site.string();
    const char* argv[] = {KANSLI_BINARY, "serve",   root.c_str(), "--port",
                          "0",           "--today", "2026-01-01", nullptr};
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(fds[1], STDOUT_FILENO);
      ::dup2(err, STDERR_FILENO);
      ::execve(KANSLI_BINARY, const_cast<char* const*>(argv), envp.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    ::close(err);
    out_ = fds[0];
  }

  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) ::close(out_);
  }

  // The first stdout line, or "" if none comes within `limit`.
  std::string ReadLine(std::chrono::milliseconds limit) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{.fd = out_, .events = POLLIN, .revents = 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      char c;
      if (::read(out_, &c, 1) != 1) break;
      if (c == '\n') return line;
      line += c;
    }
    return "";
  }

  // Sends `signal` and returns the exit code (128 + signal if killed), -1 after `limit`.
  int SignalAndWait(int signal, std::chrono::milliseconds limit) {
    ::kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  bool exited_ = false;
};

TEST(ServeCommand, PrintsUrlServesAndCleansUpOnSigterm) {
  const fs::path site = MakeSiteCopy({}, /*with_content=*/true);
  const fs::path tmpdir = site.string() + "-tmp";
  fs::create_directories(tmpdir);
  const fs::path err_file = site.string() + "-err.txt";
  {
    ServeProcess serve(site, tmpdir, err_file);
    const std::string line = serve.ReadLine(std::chrono::seconds(20));
    std::smatch match;
    ASSERT_TRUE(std::regex_match(
        line, match, std::regex(R"(kansli serve: http://127\.0\.0\.1:(\d+)/styrdokument/)")))
        << "stdout: " << line << "\nstderr: " << ReadFile(err_file);
    // The build goes to a private folder under TMPDIR while serving.
    EXPECT_EQ(std::distance(fs::directory_iterator(tmpdir), fs::directory_iterator()), 1);

    httplib::Client client("127.0.0.1", std::stoi(match[1]));
    httplib::Result res = client.Get("/styrdokument/");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_NE(res->body.find("/__kansli/live.js"), std::string::npos);

    EXPECT_EQ(serve.SignalAndWait(SIGTERM, std::chrono::seconds(10)), 0) << ReadFile(err_file);
  }
  EXPECT_TRUE(fs::is_empty(tmpdir)) << "the temporary output folder must be removed";
  EXPECT_FALSE(fs::exists(site / "output")) << "the site's own output is never written";
  const std::string err = ReadFile(err_file);
  EXPECT_TRUE(std::regex_search(err, std::regex(R"(built \d+ documents in \d+ ms)"))) << err;
  EXPECT_NE(err.find("kansli serve: stopped"), std::string::npos) << err;
  fs::remove_all(site);
  fs::remove_all(tmpdir);
  fs::remove(err_file);
}

TEST(ServeCommand, RefusesAFolderWithoutKansliYaml) {
  const fs::path empty = MakeSiteCopy({}, false);
  fs::remove(empty / "kansli.yaml");
  RunResult result = RunKansli({"serve", empty.string(), "--port", "0"}, empty);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(result.err.find("has no kansli.yaml"), std::string::npos) << result.err;
  fs::remove_all(empty);
}

}  // namespace
}  // namespace kansli::testing
