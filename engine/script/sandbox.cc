#include "script/sandbox.h"

#include <iterator>
#include <string_view>

#include "script/lua_state.h"
#include "script/run_context.h"

namespace kansli::script {
namespace {

// load(text [, name [, mode [, env]]]): text chunks only, whatever `mode` says, so no
// bytecode can be loaded. The chunk name gets a '=' so that it never looks like a file:
// positions in diagnostics then always point into the script itself.
int SandboxLoad(lua_State* state) {
  size_t size = 0;
  const char* text = luaL_checklstring(state, 1, &size);
  const char* name = luaL_optstring(state, 2, "(load)");
  if (name[0] == '=' || name[0] == '@') ++name;
  const char* chunk_name = lua_pushfstring(state, "=%s", name);
  if (luaL_loadbufferx(state, text, size, chunk_name, "t") != LUA_OK) {
    luaL_pushfail(state);
    lua_insert(state, -2);
    return 2;  // fail, message: as the standard load does
  }
  if (!lua_isnone(state, 4)) {
    lua_pushvalue(state, 4);
    if (lua_setupvalue(state, -2, 1) == nullptr) lua_pop(state, 1);
  }
  return 1;
}

// print(...) becomes a note at the calling line, so a script author sees it in `kansli check`.
int SandboxPrint(lua_State* state) {
  if (ReportsFull(Context(state), Severity::kNote)) return 0;
  int count = lua_gettop(state);
  luaL_Buffer buffer;
  luaL_buffinit(state, &buffer);
  for (int i = 1; i <= count; ++i) {
    if (i > 1) luaL_addchar(&buffer, '\t');
    luaL_tolstring(state, i, nullptr);
    luaL_addvalue(&buffer);
  }
  luaL_pushresult(&buffer);
  size_t size = 0;
  const char* text = lua_tolstring(state, -1, &size);
  const int line = ScriptLine(state, 1);
  RunContext& context = Context(state);
  bool ok = GuardCxx(context, [&] {
    ReportFromScript(context, {.pos = {context.script.path(), line, 0},
                               .severity = Severity::kNote,
                               .code = Code::kScriptReport,
                               .message = "print: " + MessageText(std::string_view(text, size))});
  });
  return ok ? 0 : RaisePending(state);
}

// setmetatable, refusing metatables with __gc: Lua runs finalizers with hooks turned off,
// so a __gc function could loop where the instruction limit never sees it.
int SandboxSetmetatable(lua_State* state) {
  if (lua_type(state, 2) == LUA_TTABLE) {
    lua_pushliteral(state, "__gc");
    if (lua_rawget(state, 2) != LUA_TNIL) {
      return luaL_error(state, "__gc metamethods are not allowed in kansli scripts");
    }
    lua_pop(state, 1);
  }
  lua_settop(state, 2);
  lua_pushvalue(state, lua_upvalueindex(1));  // the standard setmetatable
  lua_insert(state, 1);
  lua_call(state, 2, 1);
  return 1;
}

// The message handler a script gives xpcall, called only for errors the script raised
// itself. Lua calls a message handler with hooks turned off when the error came from a hook,
// as the stop of a runaway script does: a handler that loops would then never be stopped.
int GuardedHandler(lua_State* state) {
  if (Context(state).stop != Stop::kNone) return 1;  // the error object, unchanged
  lua_pushvalue(state, lua_upvalueindex(1));
  lua_insert(state, 1);
  lua_call(state, lua_gettop(state) - 1, 1);
  return 1;
}

// xpcall(f, handler, ...), with the handler wrapped in GuardedHandler.
int SandboxXpcall(lua_State* state) {
  luaL_checktype(state, 2, LUA_TFUNCTION);
  lua_pushvalue(state, 2);
  lua_pushcclosure(state, GuardedHandler, 1);
  lua_replace(state, 2);
  lua_pushvalue(state, lua_upvalueindex(1));  // the standard xpcall
  lua_insert(state, 1);
  lua_call(state, lua_gettop(state) - 1, LUA_MULTRET);
  return lua_gettop(state);
}

// Opens `open` as a library and leaves its table on the stack.
void OpenLibrary(lua_State* state, const char* name, lua_CFunction open) {
  luaL_requiref(state, name, open, 0);
}

}  // namespace

void OpenSandbox(lua_State* state) {
  luaL_checkstack(state, 8, "sandbox");
  // The standard base library goes into the original global table, which scripts never see;
  // the sandbox copies what it allows from there.
  OpenLibrary(state, "_G", luaopen_base);
  const int base = lua_gettop(state);
  lua_newtable(state);
  const int env = lua_gettop(state);

  for (const char* name : kSandboxBase) {
    lua_getfield(state, base, name);
    lua_setfield(state, env, name);
  }
  lua_getfield(state, base, "xpcall");
  lua_pushcclosure(state, SandboxXpcall, 1);
  lua_setfield(state, env, "xpcall");
  lua_getfield(state, base, "setmetatable");
  lua_pushcclosure(state, SandboxSetmetatable, 1);
  lua_setfield(state, env, "setmetatable");
  lua_pushcfunction(state, SandboxLoad);
  lua_setfield(state, env, "load");
  lua_pushcfunction(state, SandboxPrint);
  lua_setfield(state, env, "print");
  lua_getfield(state, base, "_VERSION");
  lua_setfield(state, env, "_VERSION");
  lua_pushvalue(state, env);
  lua_setfield(state, env, "_G");

  constexpr lua_CFunction kOpeners[] = {luaopen_string, luaopen_table, luaopen_math, luaopen_utf8};
  static_assert(std::size(kOpeners) == std::size(kSandboxLibraries));
  for (size_t i = 0; i < std::size(kOpeners); ++i) {
    OpenLibrary(state, kSandboxLibraries[i], kOpeners[i]);
    if (kOpeners[i] == luaopen_string) {
      // string.dump turns any function into bytecode; the string metatable's __index is
      // this same table, so ("").dump goes too.
      lua_pushnil(state);
      lua_setfield(state, -2, "dump");
    }
    lua_setfield(state, env, kSandboxLibraries[i]);
  }

  OpenLibrary(state, "os", luaopen_os);
  lua_newtable(state);
  for (const char* name : kSandboxOs) {
    lua_getfield(state, -2, name);
    lua_setfield(state, -2, name);
  }
  lua_setfield(state, env, "os");
  lua_pop(state, 1);  // the full os table

  // Chunks loaded from now on get the sandbox as _ENV.
  lua_pushvalue(state, env);
  lua_rawseti(state, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  // Where Lua cannot tell a function's name from the call, it looks it up in this table.
  luaL_getsubtable(state, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_pushvalue(state, env);
  lua_setfield(state, -2, "_G");
  lua_pushnil(state);
  lua_setfield(state, -2, "os");
  lua_settop(state, base - 1);
}

}  // namespace kansli::script
