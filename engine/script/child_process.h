// Work that may get stuck where it cannot be stopped, run in a child process that can be.
// A Lua script inside a C library function (a string pattern that backtracks for hours) never
// reaches the instruction hook that enforces its time limit; a thread cannot be taken back
// from C code, but a process can be killed, and the parent then reports a diagnostic and goes
// on (kansli serve keeps serving, --format json stays JSON).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace kansli::script {

// What the child's work writes, line by line, through `Send`.
using SendLine = std::function<void(const std::string& line)>;

struct ChildOutcome {
  enum class Status {
    kFinished,  // the work returned; `lines` is everything it sent
    kStuck,     // no line came within the time allowed: the child was killed
    kFailed,    // fork or the pipe failed, or the child died of a signal
  };
  Status status = Status::kFailed;
  std::vector<std::string> lines;  // as sent, without the newline; also what came before a stop
  std::string problem;             // for kFailed: what went wrong
};

// Runs `work` in a forked child. The child may take up to `seconds` between one line it sends
// and the next (so a long list of quick steps is fine, one stuck step is not); the parent then
// kills it. Lines must not contain '\n'. The child ends with _exit: nothing of the parent's
// (buffered output, destructors) runs twice; it is killed should the parent die first.
// fork copies only the calling thread, so call this while no other thread can hold a lock
// the work needs (kansli serve builds in a process of its own for this, serve/build_process.h).
ChildOutcome RunInChild(const std::function<void(const SendLine& send)>& work, double seconds);

}  // namespace kansli::script
