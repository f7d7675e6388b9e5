// The environment a script runs in: a fresh global table with only what cannot reach the
// machine (no io, no os beyond the clock, no require, no bytecode).
#pragma once

struct lua_State;

namespace kansli::script {

// The base functions a script may use; everything else in Lua's base library is left out.
inline constexpr const char* kSandboxBase[] = {
    "assert", "error",  "getmetatable", "ipairs", "next",     "pairs",    "pcall", "rawequal",
    "rawget", "rawlen", "rawset",       "select", "tonumber", "tostring", "type",
};
// Whole libraries a script may use (string without string.dump), and the os functions.
inline constexpr const char* kSandboxLibraries[] = {"string", "table", "math", "utf8"};
inline constexpr const char* kSandboxOs[] = {"time", "date", "clock"};

// Replaces the state's global table with the sandbox: the names above, plus load (text
// chunks only), print (a note diagnostic), setmetatable (refusing __gc) and xpcall (whose
// handler is skipped once the script is being stopped). Lua runs finalizers, and message
// handlers for errors raised by a hook, with hooks off, where the limits could not stop them. May
// raise a Lua error: call it in protected mode.
void OpenSandbox(lua_State* state);

}  // namespace kansli::script
