#include "script/hooks.h"

#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/spellcheck.h"
#include "script/api.h"
#include "script/lua_state.h"
#include "script/marshal.h"
#include "script/run_context.h"
#include "script/sandbox.h"

// Functions Lua runs: locals are references, pointers and numbers only (see lua_state.h).
namespace kansli::script {
namespace {

constexpr HookSpec kHooks[] = {
    {"Site", "Site(site)",
     "Called once, before any other hook, with the site table. Returns nothing. The place to "
     "relate documents (kansli.relate) and to build lookup tables for the other hooks."},
    {"WikiLink", "WikiLink(link, doc) -> Link | nil",
     "Called for every [[id]] and [[id|text]] in every body: documents in id order, links in "
     "the order they are written. Return kansli.link(id) to make it a link, or nil to leave it "
     "as plain text. `doc` is one table for all the elements of a document, made once so that "
     "a site of thousands stays fast: read it, don't change it."},
    {"Emph", "Emph(emph, doc) -> Link | nil",
     "Called for every *emphasis* in every body, after all WikiLink calls, in the same order. "
     "Return kansli.link(id) to make the emphasised text a link, or nil to leave it."},
    {"Str", "Str(str, doc) -> {string | Link} | nil",
     "Called for every run of running text in every body (see the Str table), after all Emph "
     "calls, in the same order: the hook for references written as words, \"Ks § 127\" or "
     "\"KS 2018/0200\". Return nil to leave the text as it is, or a list that splits it: "
     "strings for words kept as they are and kansli.link(id, text) for words that become a "
     "link, which together must read exactly `str.text`. A script links the author's words, "
     "never changes them: a list that reads otherwise, or cuts inside a character, is a "
     "`script-bad-return` error. The links of several scripts in one run are all kept; a link "
     "over words another script linked elsewhere is an error."},
};

// The key of the registry entry holding the hooks a script returned.
const char kHooksKey = 0;

const HookSpec* FindHook(std::string_view name) {
  for (const HookSpec& hook : kHooks) {
    if (name == hook.name) return &hook;
  }
  return nullptr;
}

// The line where the function at `index` starts in the script (0 for C functions).
int LineDefined(lua_State* state, int index) {
  if (lua_type(state, index) != LUA_TFUNCTION) return 0;
  lua_Debug ar{};
  lua_pushvalue(state, index);
  lua_getinfo(state, ">S", &ar);
  return ar.linedefined > 0 ? ar.linedefined : 0;
}

void MarkHook(RunContext& context, const HookSpec& hook) {
  context.has_site_hook = context.has_site_hook || std::strcmp(hook.name, "Site") == 0;
  context.has_wiki_link_hook =
      context.has_wiki_link_hook || std::strcmp(hook.name, "WikiLink") == 0;
  context.has_emph_hook = context.has_emph_hook || std::strcmp(hook.name, "Emph") == 0;
  context.has_str_hook = context.has_str_hook || std::strcmp(hook.name, "Str") == 0;
}

// Reports an entry of the returned table that is not a hook. Key at -2, value at -1.
bool ReportBadEntry(lua_State* state, RunContext& context) {
  const int line = LineDefined(state, -1);
  const bool named = lua_type(state, -2) == LUA_TSTRING;
  size_t size = 0;
  const char* key = named ? lua_tolstring(state, -2, &size) : nullptr;  // no conversion
  const char* value_type = luaL_typename(state, -1);
  return GuardCxx(context, [&] {
    Diagnostic diagnostic{.pos = {context.script.path(), line, 0}, .code = Code::kScriptBadReturn};
    std::vector<std::string> names;
    for (const HookSpec& hook : kHooks) names.push_back(hook.name);
    const std::string known = JoinNames(names);
    if (!named) {
      diagnostic.message = "the returned table has an entry without a hook name";
    } else if (FindHook(std::string_view(key, size)) == nullptr) {
      std::string name = MessageText(std::string_view(key, size));
      diagnostic.message = "unknown hook '" + name + "'";
      if (std::optional<std::string> match = ClosestMatch(name, names)) {
        diagnostic.hints.push_back("did you mean '" + *match + "'?");
      }
    } else {
      diagnostic.message = "hook '" + MessageText(std::string_view(key, size)) + "' is a " +
                           value_type + "; expected a function";
    }
    diagnostic.hints.push_back("a script returns a table of hook functions: " + known);
    ReportFromScript(context, std::move(diagnostic));
  });
}

// Notes in the context what the hook left at the top of the stack.
void RecordResult(lua_State* state, RunContext& context) {
  context.result_target = -1;
  if (lua_isnil(state, -1)) {
    context.result = HookResult::kNil;
  } else if (int target = LinkTarget(state, -1); target >= 0) {
    context.result = HookResult::kLink;
    context.result_target = target;
  } else {
    context.result = HookResult::kBad;
    context.result_type = luaL_typename(state, -1);
  }
}

// Notes in the context the list a Str hook left at the top of the stack: the pieces, or the
// problem that makes it a bad return. The list is read here; ScriptRun words any problem.
void RecordPieces(lua_State* state, RunContext& context) {
  luaL_checkstack(state, 3, "Str result");
  const std::string& text = context.text_run->text;
  context.result = HookResult::kPieces;
  context.problem = PiecesProblem::kNone;
  context.result_pieces.clear();  // noexcept
  const lua_Integer count = static_cast<lua_Integer>(lua_rawlen(state, -1));
  size_t at = 0;
  for (lua_Integer i = 1; i <= count; ++i) {
    const int type = lua_rawgeti(state, -1, i);
    const int target = type == LUA_TSTRING ? -1 : LinkTarget(state, -1);
    if (target >= 0) PushLinkText(state, -1);
    const int pushed = target >= 0 ? 2 : 1;
    context.problem_item = i;
    context.problem_byte = at + 1;
    if (lua_type(state, -1) != LUA_TSTRING) {
      context.problem = PiecesProblem::kBadItem;
      context.result_type = target >= 0 ? "kansli.link without a text" : luaL_typename(state, -1);
      return;
    }
    size_t size = 0;
    const char* piece = lua_tolstring(state, -1, &size);
    if (size > text.size() - at || std::memcmp(text.data() + at, piece, size) != 0) {
      context.problem = PiecesProblem::kChanged;
      return;
    }
    // A cut between the bytes of one character would leave invalid UTF-8 on both sides.
    if (size > 0 && at + size < text.size() &&
        (static_cast<unsigned char>(text[at + size]) & 0xC0) == 0x80) {
      context.problem = PiecesProblem::kInsideCharacter;
      return;
    }
    if (size > 0 &&
        !GuardCxx(context, [&] {
          context.result_pieces.push_back(
              {.text = std::string(piece, size),
               .target = target >= 0 ? context.index.ids[target] : std::string()});
        })) {
      RaisePending(state);
    }
    at += size;
    lua_pop(state, pushed);
  }
  if (at < text.size()) {
    context.problem = PiecesProblem::kShort;
    context.problem_byte = at + 1;
  }
}

// Pushes the hook `name` from the table RunChunk kept, and notes where it starts.
void PushHook(lua_State* state, RunContext& context, const char* name) {
  luaL_checkstack(state, 6, "hook call");
  lua_rawgetp(state, LUA_REGISTRYINDEX, &kHooksKey);
  lua_getfield(state, -1, name);
  lua_remove(state, -2);
  context.hook_line = LineDefined(state, -1);
}

}  // namespace

std::span<const HookSpec> Hooks() { return kHooks; }

int SetUpState(lua_State* state) {
  OpenSandbox(state);
  OpenKansliApi(state);
  return 0;
}

int RunChunk(lua_State* state) {
  RunContext& context = Context(state);
  luaL_checkstack(state, 8, "script");
  const std::string_view text = context.script.text();
  const char* chunk_name = lua_pushfstring(state, "@%s", context.script.path().c_str());
  if (luaL_loadbufferx(state, text.data(), text.size(), chunk_name, "t") != LUA_OK) {
    return lua_error(state);  // a syntax error, "scripts/x.lua:3: ..."
  }
  lua_call(state, 0, 1);
  const int returned = lua_gettop(state);
  lua_newtable(state);
  const int hooks = lua_gettop(state);
  if (lua_type(state, returned) == LUA_TTABLE) {
    lua_pushnil(state);
    while (lua_next(state, returned) != 0) {
      const HookSpec* hook = nullptr;
      if (lua_type(state, -2) == LUA_TSTRING && lua_type(state, -1) == LUA_TFUNCTION) {
        size_t size = 0;
        const char* key = lua_tolstring(state, -2, &size);
        hook = FindHook(std::string_view(key, size));
      }
      if (hook != nullptr) {
        lua_pushvalue(state, -2);
        lua_pushvalue(state, -2);
        lua_rawset(state, hooks);
        MarkHook(context, *hook);
      } else if (!ReportBadEntry(state, context)) {
        return RaisePending(state);
      }
      lua_pop(state, 1);
    }
  } else if (!lua_isnil(state, returned)) {
    const char* type = luaL_typename(state, returned);
    bool ok = GuardCxx(context, [&] {
      context.diags.Error(
          {context.script.path(), 0, 0}, Code::kScriptBadReturn,
          std::string("the script returned a ") + type + "; expected a table of hooks, or nothing",
          {"end the script with: return { Site = function (site) ... end }"});
    });
    if (!ok) return RaisePending(state);
  }
  lua_rawsetp(state, LUA_REGISTRYINDEX, &kHooksKey);
  return 0;
}

int CallSiteHook(lua_State* state) {
  RunContext& context = Context(state);
  PushHook(state, context, "Site");
  PushSite(state, context.index);
  lua_call(state, 1, 1);
  RecordResult(state, context);
  return 0;
}

int CallElementHook(lua_State* state) {
  RunContext& context = Context(state);
  const markdown::Body& body = context.index.doc(context.doc).body;
  if (context.element_kind == ElementKind::kWikiLink) {
    PushHook(state, context, "WikiLink");
    PushWikiLink(state, body.wiki_links[context.element]);
  } else if (context.element_kind == ElementKind::kEmph) {
    PushHook(state, context, "Emph");
    PushEmph(state, body.emphases[context.element]);
  } else {
    PushHook(state, context, "Str");
    PushStr(state, *context.text_run);
  }
  // Building the document table anew for every element cost more than the hooks themselves
  // on a site of thousands of documents: one table per document, for all its elements.
  if (context.doc_table_doc != context.doc) {
    luaL_unref(state, LUA_REGISTRYINDEX, context.doc_table_ref);
    context.doc_table_ref = LUA_NOREF;
    context.doc_table_doc = -1;
    PushDocument(state, context.index, context.doc);
    lua_pushvalue(state, -1);
    context.doc_table_ref = luaL_ref(state, LUA_REGISTRYINDEX);
    context.doc_table_doc = context.doc;
  } else {
    lua_rawgeti(state, LUA_REGISTRYINDEX, context.doc_table_ref);
  }
  lua_call(state, 2, 1);
  if (context.element_kind == ElementKind::kStr && lua_type(state, -1) == LUA_TTABLE) {
    RecordPieces(state, context);
  } else {
    RecordResult(state, context);
  }
  return 0;
}

}  // namespace kansli::script
