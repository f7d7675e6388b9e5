// The process the preview's builds run in, forked in Start() before the server has any other
// thread, then asked for one build at a time over a socket.
//
// Why a process: a build forks again to run the Lua scripts (script/child_process.h), and
// fork copies only the thread that calls it. A lock another thread held at that moment (an
// HTTP thread inside the allocator or a library) stays locked in the child for good, and the
// child hung until its time limit killed it, one build in many. The build process never has
// another thread when it forks. It also keeps a crash inside a build from ending the server.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace kansli::serve {

// What one build reports back to the server.
struct BuildReport {
  bool ok = false;           // it published
  int documents = 0;         // documents published
  std::string diagnostics;   // as `kansli build` prints them
  int64_t milliseconds = 0;  // how long it took
};

class BuildProcess {
 public:
  // `build` runs in the child process, once per Build().
  explicit BuildProcess(std::function<BuildReport()> build);
  // Kills the process if it is still there and waits for it.
  ~BuildProcess();
  BuildProcess(const BuildProcess&) = delete;
  BuildProcess& operator=(const BuildProcess&) = delete;

  // Forks the process. Call it while the calling process has no other thread, and from a
  // thread that outlives the process: it is killed when that thread ends. False, with
  // problem() saying why, if it cannot be made.
  bool Start();

  // Runs one build in the process and waits for its report. Nothing once the process is
  // gone (Kill(), or it died); problem() then says why. One caller at a time.
  std::optional<BuildReport> Build();

  // From any thread: ends the process now, so a Build() waiting returns at once.
  void Kill();

  // Why the process could not be started ("fork failed: …") or is gone ("died of signal 11
  // (Segmentation fault)", "was stopped"). Read it after Build() returned nothing.
  std::string problem() const;

 private:
  void Lost();  // the socket closed: reaps the process and records why

  std::function<BuildReport()> build_;
  int socket_ = -1;           // the server's end
  mutable std::mutex mutex_;  // guards what follows
  pid_t pid_ = -1;            // until reaped: a pid is not reused before its waitpid
  bool killed_ = false;
  std::string problem_;
};

}  // namespace kansli::serve
