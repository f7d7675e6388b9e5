#include "render/search/pagefind_service.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

extern char** environ;

namespace kansli::search {
namespace {

using nlohmann::json;

std::string Base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(n);
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out(3 * (text.size() / 4), '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding as zero bytes.
  size_t size = static_cast<size_t>(n);
  for (size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) --size;
  out.resize(size);
  return out;
}

std::string Frame(int message_id, json payload) {
  json message = {{"message_id", message_id}, {"payload", std::move(payload)}};
  return Base64(message.dump(-1, ' ', false, json::error_handler_t::replace)) + ",";
}

json AddRecord(const SearchRecord& record, const std::string& language) {
  return {{"type", "AddRecord"},       {"index_id", 0},        {"url", record.url},
          {"content", record.content}, {"language", language}, {"meta", record.meta},
          {"filters", record.filters}};
}

std::string Errno(int error) { return std::strerror(error); }

// The child: stdin a socket (a dead child makes send() fail rather than raise SIGPIPE),
// stdout a pipe, stderr the log file.
class Child {
 public:
  ~Child() {
    if (in_ >= 0) ::close(in_);
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  std::string Start(const PagefindRequest& request) {
    int in[2], out[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0) return Errno(errno);
    in_ = in[0];
    if (::pipe2(out, O_CLOEXEC) != 0) {
      ::close(in[1]);
      return Errno(errno);
    }
    out_ = out[0];
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[1], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, request.log_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const std::string binary = request.binary.string();
    char* argv[] = {const_cast<char*>(binary.c_str()), const_cast<char*>("--service"), nullptr};
    const int error = ::posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[1]);
    ::close(out[1]);
    if (error != 0) {
      pid_ = -1;
      return "cannot run " + binary + ": " + Errno(error);
    }
    return "";
  }

  // False once the child stopped reading.
  bool Send(const std::string& bytes) {
    for (size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::send(in_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }

  void CloseInput() { ::shutdown(in_, SHUT_WR); }

  // Appends what the child wrote; false at its end of output, or after `idle` of silence
  // (`timed_out` says which).
  bool Read(std::string& buffer, std::chrono::seconds idle, bool& timed_out) {
    pollfd poll_fd{.fd = out_, .events = POLLIN, .revents = 0};
    for (;;) {
      const int ready = ::poll(&poll_fd, 1, static_cast<int>(idle.count() * 1000));
      if (ready < 0 && errno == EINTR) continue;
      if (ready == 0) {
        timed_out = true;
        return false;
      }
      char chunk[1 << 16];
      const ssize_t n = ::read(out_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<size_t>(n));
      return true;
    }
  }

  void Kill() {
    if (pid_ > 0) ::kill(pid_, SIGKILL);  // a child that already ended keeps its exit status
  }

  // How the child ended, in words ("" for exit code 0), once it has.
  std::string Wait() {
    if (pid_ <= 0) return "";
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (WIFEXITED(status)) {
      return WEXITSTATUS(status) == 0 ? "" : "exit code " + std::to_string(WEXITSTATUS(status));
    }
    return WIFSIGNALED(status) ? std::string("signal ") + ::strsignal(WTERMSIG(status)) : "";
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
};

// The last lines the child wrote to stderr, for the diagnostic.
std::string LogTail(const std::filesystem::path& log_file) {
  std::ifstream in(log_file);
  std::string line, tail;
  std::vector<std::string> lines;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  for (size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i) {
    tail += (tail.empty() ? "" : " / ") + lines[i];
  }
  return tail;
}

}  // namespace

std::string RunPagefind(const PagefindRequest& request, const std::vector<SearchRecord>& records) {
  Child child;
  if (std::string problem = child.Start(request); !problem.empty()) return problem;

  // Message 1 makes index 0; then every record, and the request to write the files, which
  // Pagefind answers once they are on disk. It handles messages in the order they come, so
  // the records' order (the register's) is the index's, and the output is the same each time.
  const int write_id = static_cast<int>(records.size()) + 2;
  json config = {{"force_language", request.language}};
  bool sent_all = child.Send(Frame(1, {{"type", "NewIndex"}, {"config", config}}));
  std::thread writer([&] {
    for (size_t i = 0; i < records.size() && sent_all; ++i) {
      sent_all =
          child.Send(Frame(static_cast<int>(i) + 2, AddRecord(records[i], request.language)));
    }
    if (sent_all) {
      sent_all = child.Send(Frame(
          write_id,
          {{"type", "WriteFiles"}, {"index_id", 0}, {"output_path", request.output_dir.string()}}));
    }
  });

  std::string buffer, problem;
  bool written = false, timed_out = false;
  size_t indexed = 0;
  while (problem.empty() && !written && child.Read(buffer, request.idle_limit, timed_out)) {
    for (size_t end; problem.empty() && (end = buffer.find(',')) != std::string::npos;) {
      std::optional<std::string> decoded = FromBase64(std::string_view(buffer).substr(0, end));
      buffer.erase(0, end + 1);
      json reply = decoded ? json::parse(*decoded, nullptr, false) : json();
      if (!reply.is_object() || !reply.contains("payload")) {
        problem = "Pagefind answered something that is not a message of its service";
        break;
      }
      const json& payload = reply["payload"];
      const std::string type = payload.value("type", "");
      if (type == "Error") {
        problem = "Pagefind: " + payload.value("message", std::string("an error"));
      } else if (type == "IndexedFile") {
        ++indexed;
      } else if (type == "WriteFiles") {
        written = true;
      }
    }
  }
  // A child that hangs or answered nonsense is killed, which also ends a send the writer is
  // blocked in; one that wrote the index, or closed its output, ends at the end of its input.
  if (timed_out || !problem.empty()) child.Kill();
  child.CloseInput();
  writer.join();
  const std::string ended = child.Wait();
  if (problem.empty() && timed_out) {
    problem = "Pagefind gave no answer for " + std::to_string(request.idle_limit.count()) +
              " seconds and was stopped";
  }
  if (problem.empty() && !written) {
    problem = "Pagefind ended" + (ended.empty() ? std::string() : " with " + ended) +
              " before the index was written";
  }
  if (problem.empty() && indexed != records.size()) {
    problem = "Pagefind indexed " + std::to_string(indexed) + " of " +
              std::to_string(records.size()) + " documents";
  }
  if (!problem.empty()) {
    if (std::string tail = LogTail(request.log_file); !tail.empty()) problem += " (" + tail + ")";
  }
  return problem;
}

}  // namespace kansli::search
