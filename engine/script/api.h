// The `kansli` table: everything a script can ask of the engine. Small on purpose, and
// documented from the same table that registers it (docs/lua-api.md, checked by a test).
#pragma once

#include <span>
#include <string>

struct lua_State;

namespace kansli::script {

struct ApiFunction {
  const char* name;  // kansli.<name>
  int (*fn)(lua_State*);
  const char* signature;
  const char* doc;
};

std::span<const ApiFunction> ApiFunctions();

// Sets the global `kansli` and the metatable of link values. Call in protected mode,
// after OpenSandbox.
void OpenKansliApi(lua_State* state);

// The document index a kansli.link(id) value at stack `index` points to, or -1 if the value
// is not a link. May raise a memory error: call in protected mode.
int LinkTarget(lua_State* state, int index);
// Pushes the text of the kansli.link(id, text) value at stack `index`: a string, or nil for a
// link made without one. May raise a memory error: call in protected mode.
void PushLinkText(lua_State* state, int index);

// docs/lua-api.md: hooks, document tables, functions, sandbox and limits.
std::string LuaApiMarkdown();

}  // namespace kansli::script
