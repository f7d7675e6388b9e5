// The steps of one script run that execute Lua. Each is a lua_CFunction the host calls
// through lua_pcall, so any Lua error, however deep, unwinds to the host and never past it.
#pragma once

#include <span>

struct lua_State;

namespace kansli::script {

struct HookSpec {
  const char* name;  // the key in the table a script returns
  const char* signature;
  const char* doc;
};

// Site, WikiLink, Emph, Str: what a script's returned table may hold.
std::span<const HookSpec> Hooks();

// Opens the sandbox and the kansli table.
int SetUpState(lua_State* state);
// Loads the script as a text chunk named "@<path>", runs it, and keeps the hooks it returned
// (only known names with function values; every other entry is reported) and notes in the
// context which hooks there are.
int RunChunk(lua_State* state);
// Calls the Site hook, if any, with the site table.
int CallSiteHook(lua_State* state);
// Calls the WikiLink, Emph or Str hook for the element the context names, and records in the
// context what it returned.
int CallElementHook(lua_State* state);

}  // namespace kansli::script
