// An alarm for a script that leaves its sandbox. While a SandboxAlarm exists, a call from the
// process's own code or its libraries (Lua's io, os and package libraries among them) to open
// a file, remove or rename one, run a program, load a library or read the environment aborts
// the process, naming the call. Lua's io.open reaches fopen, os.execute system, os.getenv
// getenv, and so on; none of them is needed to run a script. sandbox_alarm.c defines these
// functions over the C library's own, so that they are seen wherever they are called from.
#pragma once

extern "C" void kansli_fuzz_set_sandbox_alarm(int on);

namespace kansli::fuzz {

class SandboxAlarm {
 public:
  SandboxAlarm() { kansli_fuzz_set_sandbox_alarm(1); }
  ~SandboxAlarm() { kansli_fuzz_set_sandbox_alarm(0); }
  SandboxAlarm(const SandboxAlarm&) = delete;
  SandboxAlarm& operator=(const SandboxAlarm&) = delete;
};

}  // namespace kansli::fuzz
