// One script in one fresh Lua state: the host side, the only code that calls into Lua
// from C++ (always through lua_pcall) and turns what happened into diagnostics.
#pragma once

#include "script/lua_state.h"
#include "script/run_context.h"

namespace kansli::script {

class ScriptRun {
 public:
  ScriptRun(const SiteIndex& index, const SourceFile& script, const ScriptLimits& limits,
            Collected& collected, Diagnostics& diags);
  ~ScriptRun();
  ScriptRun(const ScriptRun&) = delete;
  ScriptRun& operator=(const ScriptRun&) = delete;

  // Set up, run the chunk, then Site, every WikiLink, Emph and Str. Stops at the first Lua
  // error, runaway loop or memory hog, after reporting it.
  void Run();

 private:
  void RunSteps();
  // Calls `step` through lua_pcall. False once the step failed and was reported.
  bool Protected(lua_CFunction step);
  void ReportFailure(int status);
  bool CallElementHooks(ElementKind kind);
  bool CallStrHooks();
  // Keeps the Str hook's split of run `run` of the current document, or reports why not.
  void TakePieces(const markdown::TextRun& run, int index);
  // Acts on what the hook returned: a link for the element at `slot`, or script-bad-return
  // saying what the hook returns (`expected`).
  void TakeResult(const char* hook, const char* expected, const SourcePos& element,
                  bool links_allowed, int slot = -1);
  // A script-bad-return error at the hook's line, with a hint naming the `what` ("element",
  // "text") in the document it was called for at `at` (none when `at` names no file).
  void ReportBadReturn(std::string message, const char* what, const SourcePos& at);

  RunContext context_;  // before state_: Lua's hook and functions use it until lua_close
  LuaState state_;
};

}  // namespace kansli::script
