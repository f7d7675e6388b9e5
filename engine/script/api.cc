#include "script/api.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <string_view>
#include <vector>

#include "diag/spellcheck.h"
#include "script/lua_state.h"
#include "script/marshal.h"
#include "script/run_context.h"

// Each function here is called by Lua: locals are references, pointers and numbers only,
// and C++ work runs inside GuardCxx (see lua_state.h). luaL_error's message is prefixed
// with the calling script line, which becomes the diagnostic's position.
namespace kansli::script {
namespace {

constexpr char kLinkType[] = "kansli.link";
constexpr size_t kMaxClosestBytes = 128;  // kansli.closest is quadratic in word length
constexpr lua_Integer kMaxClosestWords = 10'000;
constexpr lua_Integer kMaxHints = 10;  // more are left out

std::string_view CheckString(lua_State* state, int arg) {
  size_t size = 0;
  const char* text = luaL_checklstring(state, arg, &size);
  return {text, size};
}

int CheckDocumentId(lua_State* state, int arg, const char* function) {
  std::string_view id = CheckString(state, arg);
  int doc = Context(state).index.Find(id);
  if (doc < 0) return luaL_error(state, "%s: unknown document id '%s'", function, id.data());
  return doc;
}

// A document table (its `id` is used) or an id.
int CheckDocument(lua_State* state, int arg, const char* function) {
  if (lua_type(state, arg) == LUA_TTABLE) {
    if (lua_getfield(state, arg, "id") != LUA_TSTRING) {
      return luaL_error(state, "%s: argument #%d is a table without a string 'id'", function, arg);
    }
    lua_replace(state, arg);
  }
  return CheckDocumentId(state, arg, function);
}

int CheckInteger(lua_State* state, int index, lua_Integer max, const char* what) {
  int is_integer = 0;
  lua_Integer value = lua_tointegerx(state, index, &is_integer);
  if (is_integer == 0 || value < 0 || value > max) {
    return luaL_error(state, "%s must be a whole number from 0 to %I", what, max);
  }
  return static_cast<int>(value);
}

std::optional<Code> FindCode(std::string_view name) {
  static const std::vector<Code> codes = AllCodes();
  for (Code code : codes) {
    if (CodeName(code) == name) return code;
  }
  return std::nullopt;
}

int LuaDocuments(lua_State* state) {
  PushDocuments(state, Context(state).index);
  return 1;
}

int LuaDocument(lua_State* state) {
  int doc = Context(state).index.Find(CheckString(state, 1));
  if (doc < 0) {
    lua_pushnil(state);
  } else {
    PushDocument(state, Context(state).index, doc);
  }
  return 1;
}

// True when argument `arg` is the id of a document left out of this run for its errors:
// such a run publishes nothing, so a relation or link to it is dropped, not an error.
bool IsLeftOut(lua_State* state, int arg) {
  size_t size = 0;
  const char* id = lua_tolstring(state, arg, &size);
  return id != nullptr && Context(state).index.LeftOut({id, size});
}

int LuaRelate(lua_State* state) {
  RunContext& context = Context(state);
  if (IsLeftOut(state, 1) || IsLeftOut(state, 2)) return 0;
  int from = CheckDocumentId(state, 1, "kansli.relate");
  int to = CheckDocumentId(state, 2, "kansli.relate");
  std::string_view kind_name = CheckString(state, 3);
  std::optional<RelationKind> kind = ParseRelationKind(kind_name);
  if (!kind) {
    return luaL_error(state,
                      "kansli.relate: unknown relation kind '%s' (use implements, adopted_in, "
                      "supersedes or references)",
                      kind_name.data());
  }
  if (from == to) {
    return luaL_error(state, "kansli.relate: '%s' cannot relate to itself", lua_tostring(state, 1));
  }
  bool ok = GuardCxx(context, [&] {
    context.collected.relations.insert(
        Relation{.from = context.index.ids[from], .to = context.index.ids[to], .kind = *kind});
  });
  return ok ? 0 : RaisePending(state);
}

int LuaLink(lua_State* state) {
  const bool has_text = !lua_isnoneornil(state, 2);
  if (has_text && CheckString(state, 2).empty()) {
    return luaL_argerror(state, 2, "the text of a link cannot be empty");
  }
  if (IsLeftOut(state, 1)) {
    // In a Str hook's list the words stay, unlinked: this run publishes nothing anyway.
    if (has_text && Context(state).text_run != nullptr) {
      lua_pushvalue(state, 2);
    } else {
      lua_pushnil(state);
    }
    return 1;
  }
  int doc = CheckDocumentId(state, 1, "kansli.link");
  *static_cast<int*>(lua_newuserdatauv(state, sizeof(int), 1)) = doc;
  luaL_setmetatable(state, kLinkType);
  if (has_text) {
    lua_pushvalue(state, 2);
    lua_setiuservalue(state, -2, 1);
  }
  return 1;
}

// kansli.position(offset): the file position of a byte of the text a Str hook was given.
int LuaPosition(lua_State* state) {
  RunContext& context = Context(state);
  if (context.text_run == nullptr) {
    return luaL_error(state, "kansli.position: only a Str hook can ask for a position");
  }
  const lua_Integer size = static_cast<lua_Integer>(context.text_run->text.size());
  const lua_Integer offset = luaL_checkinteger(state, 1);
  if (offset < 1 || offset > size) {
    return luaL_error(state, "kansli.position: %I is outside the text (1 to %I)", offset, size);
  }
  const markdown::TextSegment at = context.text_run->At(static_cast<size_t>(offset - 1));
  lua_createtable(state, 0, 2);
  lua_pushinteger(state, at.line);
  lua_setfield(state, -2, "line");
  lua_pushinteger(state, at.column);
  lua_setfield(state, -2, "column");
  return 1;
}

int LinkIndex(lua_State* state) {
  int doc = LinkTarget(state, 1);
  const std::string_view key =
      lua_type(state, 2) == LUA_TSTRING ? std::string_view(lua_tostring(state, 2)) : "";
  if (doc >= 0 && key == "target") {
    const std::string& id = Context(state).index.ids[doc];
    lua_pushlstring(state, id.data(), id.size());
  } else if (doc >= 0 && key == "text") {
    PushLinkText(state, 1);
  } else {
    lua_pushnil(state);
  }
  return 1;
}

int LinkToString(lua_State* state) {
  int doc = LinkTarget(state, 1);
  lua_pushfstring(state, "kansli.link(%s)", doc >= 0 ? Context(state).index.ids[doc].c_str() : "?");
  return 1;
}

// kansli.error / kansli.warning (doc, pos, message [, code [, hints]]).
int Report(lua_State* state, Severity severity, const char* function) {
  RunContext& context = Context(state);
  const int doc = CheckDocument(state, 1, function);
  const SourceFile& file = *context.index.doc(doc).document.file;
  int line = 0;
  int column = 0;
  if (lua_type(state, 2) == LUA_TTABLE) {
    lua_getfield(state, 2, "line");
    line = CheckInteger(state, -1, file.line_count(), "the line");
    if (lua_getfield(state, 2, "column") != LUA_TNIL) {
      column = CheckInteger(state, -1, INT_MAX, "the column");
    }
    lua_pop(state, 2);
  } else {
    line = CheckInteger(state, 2, file.line_count(), "the line");
  }
  const std::string_view message = CheckString(state, 3);
  const std::string_view code_name = luaL_optlstring(state, 4, "script-report", nullptr);
  lua_Integer hint_count = 0;
  if (lua_type(state, 5) == LUA_TTABLE) {
    hint_count = std::min<lua_Integer>(static_cast<lua_Integer>(lua_rawlen(state, 5)), kMaxHints);
    for (lua_Integer i = 1; i <= hint_count; ++i) {
      if (lua_rawgeti(state, 5, i) != LUA_TSTRING) {
        return luaL_argerror(state, 5, "hints must be strings");
      }
      lua_pop(state, 1);
    }
  } else if (!lua_isnoneornil(state, 5)) {
    luaL_checktype(state, 5, LUA_TSTRING);
  }
  luaL_checkstack(state, 2, function);
  std::optional<Code> code;
  if (!GuardCxx(context, [&] { code = FindCode(code_name); })) return RaisePending(state);
  if (!code) {
    return luaL_error(state, "%s: unknown diagnostic code '%s' (see the codes in README)", function,
                      code_name.data());
  }
  if (IsEnvironmentCode(*code)) {  // they would turn a document problem into exit code 3
    return luaL_error(state, "%s: code '%s' is reserved for kansli itself", function,
                      code_name.data());
  }
  if (ReportsFull(context, severity)) return 0;

  bool ok = GuardCxx(context, [&] {
    Diagnostic diagnostic{.pos = {file.path(), line, column},
                          .severity = severity,
                          .code = *code,
                          .message = MessageText(message)};
    if (lua_type(state, 5) == LUA_TSTRING) {
      diagnostic.hints.push_back(MessageText(lua_tostring(state, 5)));
    }
    for (lua_Integer i = 1; i <= hint_count; ++i) {
      lua_rawgeti(state, 5, i);
      size_t size = 0;
      const char* hint = lua_tolstring(state, -1, &size);
      diagnostic.hints.push_back(MessageText(std::string_view(hint, size)));
      lua_pop(state, 1);
    }
    ReportFromScript(context, std::move(diagnostic));
  });
  return ok ? 0 : RaisePending(state);
}

int LuaError(lua_State* state) { return Report(state, Severity::kError, "kansli.error"); }
int LuaWarning(lua_State* state) { return Report(state, Severity::kWarning, "kansli.warning"); }

int LuaClosest(lua_State* state) {
  RunContext& context = Context(state);
  const std::string_view word = CheckString(state, 1);
  luaL_checktype(state, 2, LUA_TTABLE);
  const lua_Integer count = static_cast<lua_Integer>(lua_rawlen(state, 2));
  if (count > kMaxClosestWords) {
    return luaL_error(state, "kansli.closest: at most %I words", kMaxClosestWords);
  }
  for (lua_Integer i = 1; i <= count; ++i) {
    if (lua_rawgeti(state, 2, i) != LUA_TSTRING) {
      return luaL_argerror(state, 2, "words must be strings");
    }
    lua_pop(state, 1);
  }
  luaL_checkstack(state, 2, "kansli.closest");
  lua_Integer best = 0;
  bool ok = GuardCxx(context, [&] {
    if (word.size() > kMaxClosestBytes) return;
    std::vector<std::string> words;
    for (lua_Integer i = 1; i <= count; ++i) {
      lua_rawgeti(state, 2, i);
      size_t size = 0;
      const char* text = lua_tolstring(state, -1, &size);
      words.emplace_back(size <= kMaxClosestBytes ? std::string_view(text, size) : "");
      lua_pop(state, 1);
    }
    if (std::optional<std::string> match = ClosestMatch(word, words); match && !match->empty()) {
      for (size_t i = 0; i < words.size() && best == 0; ++i) {
        if (words[i] == *match) best = static_cast<lua_Integer>(i) + 1;
      }
    }
  });
  if (!ok) return RaisePending(state);
  if (best == 0) {
    lua_pushnil(state);
  } else {
    lua_rawgeti(state, 2, best);
  }
  return 1;
}

constexpr ApiFunction kApi[] = {
    {"documents", LuaDocuments, "kansli.documents() -> {Document}",
     "Every document, as an array of fresh document tables sorted by id."},
    {"document", LuaDocument, "kansli.document(id) -> Document | nil",
     "The document with this id as a fresh table, or nil if there is none."},
    {"relate", LuaRelate, "kansli.relate(from_id, to_id, kind)",
     "Adds a relation from one document to another; the site shows it on both pages. `kind` is "
     "\"implements\", \"adopted_in\", \"supersedes\" or \"references\". An unknown id or kind, or "
     "a document related to itself, is an error at the calling line. A relation to a document "
     "in `site.left_out` is dropped."},
    {"link", LuaLink, "kansli.link(target_id [, text]) -> Link",
     "A link value for a hook to return: the element becomes a link to the document, and a "
     "\"references\" relation is added. WikiLink and Emph return it alone (a `text` is ignored: "
     "the element keeps its own); a Str hook puts it in its list with `text`, the words it "
     "links. `link.target` and `link.text` read them back. An unknown id or an empty text is an "
     "error; the id of a document in `site.left_out` gives nil, or in a Str hook `text` itself "
     "when given, so that its words stay."},
    {"position", LuaPosition, "kansli.position(i) -> {line, column}",
     "In a Str hook: the position in the document's file of byte `i` (1-based, as "
     "`string.find` counts) of the hook's `str.text`, for a diagnostic at a word within the "
     "run: `kansli.warning(doc, kansli.position(i), ...)`. An error outside a Str hook or "
     "outside the text."},
    {"error", LuaError, "kansli.error(doc, pos, message [, code [, hints]])",
     "Reports an error in `doc`'s file (`doc` is a document table or an id). `pos` is a line "
     "number, or a table with `line` and optional `column` (a wiki-link or emphasis table will "
     "do). `code` is a code from README's table (default \"script-report\"); `hints` is a string "
     "or an array of strings, printed as hint lines. Any error stops the build."},
    {"warning", LuaWarning, "kansli.warning(doc, pos, message [, code [, hints]])",
     "The same as kansli.error, as a warning (an error with --strict)."},
    {"closest", LuaClosest, "kansli.closest(word, words) -> string | nil",
     "The entry of `words` closest to `word` by spelling, if one is close enough to be a likely "
     "typo: for \"did you mean …?\" hints."},
};

}  // namespace

std::span<const ApiFunction> ApiFunctions() { return kApi; }

int LinkTarget(lua_State* state, int index) {
  void* link = luaL_testudata(state, index, kLinkType);
  return link != nullptr ? *static_cast<int*>(link) : -1;
}

void OpenKansliApi(lua_State* state) {
  luaL_checkstack(state, 4, "kansli api");
  luaL_newmetatable(state, kLinkType);
  lua_pushliteral(state, "kansli.link");
  lua_setfield(state, -2, "__metatable");  // scripts cannot take the metatable to forge links
  lua_pushcfunction(state, LinkIndex);
  lua_setfield(state, -2, "__index");
  lua_pushcfunction(state, LinkToString);
  lua_setfield(state, -2, "__tostring");
  lua_pop(state, 1);

  lua_createtable(state, 0, static_cast<int>(std::size(kApi)));
  for (const ApiFunction& function : kApi) {
    lua_pushcfunction(state, function.fn);
    lua_setfield(state, -2, function.name);
  }
  lua_pushvalue(state, -1);
  lua_setglobal(state, "kansli");
  // Where Lua cannot tell a function's name from the call (pcall(kansli.relate, ...)), it
  // looks the function up here for "bad argument" messages.
  luaL_getsubtable(state, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_insert(state, -2);
  lua_setfield(state, -2, "kansli");
  lua_pop(state, 1);
}

void PushLinkText(lua_State* state, int index) {
  if (luaL_testudata(state, index, kLinkType) == nullptr) {
    lua_pushnil(state);
    return;
  }
  lua_getiuservalue(state, index, 1);
}

}  // namespace kansli::script
