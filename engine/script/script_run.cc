#include "script/script_run.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include "markdown/markdown_parser.h"
#include "script/hooks.h"

namespace kansli::script {
namespace {

// Instructions between two calls of the count hook: often enough to stop a loop promptly,
// rarely enough to cost nothing.
constexpr long long kHookInterval = 10'000;
constexpr double kMaxSeconds = 1e6;  // keeps the deadline arithmetic in range

// Runs every hook_interval instructions (every instruction once a limit is hit, so that a
// script's pcall cannot swallow the stop). Raising a Lua error from a count hook is allowed.
void CountHook(lua_State* state, lua_Debug* ar) {
  RunContext& context = Context(state);
  if (context.stop == Stop::kNone) {
    context.instructions += lua_gethookcount(state);
    if (context.memory->over) {
      // Lua counts garbage too: only live memory over the limit stops the script. No
      // finalizer written in Lua can run here (the sandbox refuses __gc).
      lua_gc(state, LUA_GCCOLLECT);
      if (context.memory->used <= context.memory->limit) {
        context.memory->over = false;
        lua_sethook(state, CountHook, LUA_MASKCOUNT, context.hook_interval);
        return;
      }
      context.stop = Stop::kMemory;
    } else if (context.instructions >= context.limits.max_instructions) {
      context.stop = Stop::kInstructions;
    } else if (std::chrono::steady_clock::now() >= context.deadline) {
      context.stop = Stop::kClock;
    } else {
      return;
    }
    lua_getinfo(state, "Sl", ar);
    context.stop_line =
        ar->source != nullptr && ar->source[0] == '@' ? ar->currentline : ScriptLine(state, 1);
    lua_sethook(state, CountHook, LUA_MASKCOUNT, 1);
  }
  lua_pushliteral(state, "script stopped");
  lua_error(state);
}

// Runs where the error was raised, before Lua unwinds: the only moment the script line of a
// runtime error in a nested call is still known.
int MessageHandler(lua_State* state) {
  RunContext& context = Context(state);
  context.error_line = ScriptLine(state, 1);
  // A stopped script's __tostring would run with hooks off (see GuardedHandler).
  if (lua_type(state, 1) == LUA_TSTRING || context.stop != Stop::kNone) return 1;
  if (lua_type(state, 1) == LUA_TNUMBER) {
    luaL_tolstring(state, 1, nullptr);
  } else if (luaL_callmeta(state, 1, "__tostring") == 0 || lua_type(state, -1) != LUA_TSTRING) {
    lua_pushfstring(state, "(error object is a %s value)", luaL_typename(state, 1));
  }
  return 1;
}

// How Lua names a "@path" chunk at the start of messages (luaO_chunkid): long paths keep
// their end, after "...".
std::string ShortSource(const std::string& path) {
  if (path.size() + 1 <= LUA_IDSIZE) return path;
  return "..." + path.substr(path.size() - (LUA_IDSIZE - 4));
}

std::string Bytes(size_t bytes) {
  constexpr size_t kMiB = 1024 * 1024;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

ScriptRun::ScriptRun(const SiteIndex& index, const SourceFile& script, const ScriptLimits& limits,
                     Collected& collected, Diagnostics& diags)
    : context_{.index = index,
               .script = script,
               .limits = limits,
               .diags = diags,
               .collected = collected},
      state_(limits.max_memory_bytes) {}

ScriptRun::~ScriptRun() {
  // Nothing of the script may run while the state closes.
  if (lua_State* state = state_.get()) {
    if (context_.stop == Stop::kNone) context_.stop = Stop::kClosing;
    lua_sethook(state, CountHook, LUA_MASKCOUNT, 1);
  }
}

void ScriptRun::Run() {
  RunSteps();
  if (context_.dropped > 0) {
    context_.diags.Report(
        {.pos = {context_.script.path(), 0, 0},
         .severity = context_.dropped_error ? Severity::kError : Severity::kWarning,
         .code = Code::kScriptReport,
         .message = std::to_string(context_.dropped) +
                    " more reports from this script were left out (at most " +
                    std::to_string(context_.limits.max_reports) + " are kept)"});
  }
}

void ScriptRun::RunSteps() {
  lua_State* state = state_.get();
  if (state == nullptr) {
    context_.diags.Error({context_.script.path(), 0, 0}, Code::kScriptMemory,
                         "not enough memory to start Lua (the limit is " +
                             Bytes(context_.limits.max_memory_bytes) + ")");
    return;
  }
  SetContext(state, &context_);
  context_.memory = &state_.memory();
  context_.hook_interval =
      static_cast<int>(std::clamp<long long>(context_.limits.max_instructions, 1, kHookInterval));
  context_.deadline =
      std::chrono::steady_clock::now() +
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::duration<double>(std::clamp(context_.limits.max_seconds, 0.0, kMaxSeconds)));
  lua_sethook(state, CountHook, LUA_MASKCOUNT, context_.hook_interval);

  if (!Protected(SetUpState) || !Protected(RunChunk)) return;
  if (context_.has_site_hook) {
    if (!Protected(CallSiteHook)) return;
    TakeResult("Site", "nothing", SourcePos{}, false);
  }
  if (context_.has_wiki_link_hook && !CallElementHooks(ElementKind::kWikiLink)) return;
  if (context_.has_emph_hook && !CallElementHooks(ElementKind::kEmph)) return;
  if (context_.has_str_hook) CallStrHooks();
}

bool ScriptRun::Protected(lua_CFunction step) {
  lua_State* state = state_.get();
  lua_settop(state, 0);
  lua_pushcfunction(state, MessageHandler);
  lua_pushcfunction(state, step);
  context_.error_line = 0;
  int status = lua_pcall(state, 0, 0, 1);
  if (context_.pending) std::rethrow_exception(std::exchange(context_.pending, nullptr));
  LuaMemory& memory = state_.memory();
  if (status == LUA_OK && memory.over) {
    // The step ended before the hook could look: decide here (C finalizers only, see above).
    lua_gc(state, LUA_GCCOLLECT);
    memory.over = memory.used > memory.limit;
    if (memory.over) context_.stop = Stop::kMemory;
  }
  if (status == LUA_OK && context_.stop == Stop::kNone) return true;
  ReportFailure(status);
  lua_settop(state, 0);
  return false;
}

void ScriptRun::ReportFailure(int status) {
  const std::string& path = context_.script.path();
  const ScriptLimits& limits = context_.limits;
  const SourcePos stop_pos{path, context_.stop_line, 0};
  if (context_.stop == Stop::kInstructions) {
    context_.diags.Error(
        stop_pos, Code::kScriptTimeout,
        "script stopped after " + std::to_string(limits.max_instructions) + " Lua instructions",
        {"look for a loop that never ends"});
    return;
  }
  if (context_.stop == Stop::kClock) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", limits.max_seconds);
    context_.diags.Error(stop_pos, Code::kScriptTimeout,
                         std::string("script stopped after running for ") + seconds + " seconds",
                         {"look for a loop that never ends"});
    return;
  }
  if (context_.stop == Stop::kMemory || status == LUA_ERRMEM || state_.memory().over) {
    context_.diags.Error(
        stop_pos, Code::kScriptMemory,
        "script stopped after using more than " + Bytes(limits.max_memory_bytes) + " of memory",
        {"look for a table or string that grows without end"});
    return;
  }
  // MessageHandler made it a string. Only a string is read: converting would allocate,
  // and Lua may not raise an error here, outside any pcall.
  size_t size = 0;
  const char* text =
      lua_type(state_.get(), -1) == LUA_TSTRING ? lua_tolstring(state_.get(), -1, &size) : nullptr;
  std::string_view message = text != nullptr ? std::string_view(text, size) : "unknown error";
  int line = context_.error_line;
  // "scripts/x.lua:12: message": the line Lua names wins (error(msg, 2) points at a caller).
  const std::string prefix = ShortSource(path) + ":";
  if (message.starts_with(prefix)) {
    std::string_view rest = message.substr(prefix.size());
    size_t digits = rest.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string_view::npos && digits < 10 &&
        rest.substr(digits).starts_with(": ")) {
      line = std::stoi(std::string(rest.substr(0, digits)));
      message = rest.substr(digits + 2);
    }
  }
  context_.diags.Error({path, line, 0}, Code::kScriptError, MessageText(message));
}

bool ScriptRun::CallElementHooks(ElementKind kind) {
  for (int doc = 0; doc < context_.index.size(); ++doc) {
    const markdown::Body& body = context_.index.doc(doc).body;
    const size_t count =
        kind == ElementKind::kWikiLink ? body.wiki_links.size() : body.emphases.size();
    for (size_t element = 0; element < count; ++element) {
      context_.element_kind = kind;
      context_.doc = doc;
      context_.element = static_cast<int>(element);
      if (!Protected(CallElementHook)) return false;
      if (kind == ElementKind::kWikiLink) {
        const markdown::WikiLinkRef& link = body.wiki_links[element];
        TakeResult("WikiLink", "nil or kansli.link(id)", link.pos, true, link.slot);
      } else {
        const markdown::EmphRef& emph = body.emphases[element];
        TakeResult("Emph", "nil or kansli.link(id)", emph.pos, true, emph.slot);
      }
    }
  }
  return true;
}

bool ScriptRun::CallStrHooks() {
  for (int doc = 0; doc < context_.index.size(); ++doc) {
    // The checked site keeps outlines only: the runs come from the tree, parsed again here,
    // one document at a time, and only for a script with a Str hook. Not on more cores:
    // cmark-gfm parses one document at a time anyway (markdown/cmark.cc), and this whole
    // step is about 1.2 s at 10,000 documents.
    const std::vector<markdown::TextRun> runs =
        markdown::TextRuns(ParseTree(context_.index.doc(doc).document));
    for (size_t run = 0; run < runs.size(); ++run) {
      context_.element_kind = ElementKind::kStr;
      context_.doc = doc;
      context_.element = static_cast<int>(run);
      context_.text_run = &runs[run];
      struct Clear {
        RunContext& context;
        ~Clear() { context.text_run = nullptr; }  // also when Protected rethrows
      } clear{context_};
      if (!Protected(CallElementHook)) return false;
      TakePieces(runs[run], static_cast<int>(run));
    }
  }
  return true;
}

void ScriptRun::TakePieces(const markdown::TextRun& run, int index) {
  const std::string& path = context_.index.doc(context_.doc).document.path();
  auto position = [&](size_t offset) {
    const markdown::TextSegment at = run.At(offset);
    return SourcePos{path, at.line, at.column};
  };
  if (context_.result != HookResult::kPieces) {
    TakeResult("Str", "nil or a list of strings and kansli.link(id, text) values", position(0),
               false);
    return;
  }
  const std::string& from = context_.index.ids[context_.doc];
  const std::string item = "item " + std::to_string(context_.problem_item) + " of the list";
  std::string problem;
  switch (context_.problem) {
    case PiecesProblem::kNone:
      break;
    case PiecesProblem::kBadItem:
      problem = item + " is a " + context_.result_type + "; expected a string or kansli.link(id, text)";
      break;
    case PiecesProblem::kChanged:
      problem = item + " changes the text: a Str hook may put links around the words, never "
                       "change them";
      break;
    case PiecesProblem::kInsideCharacter:
      problem = item + " ends inside a character: pieces are cut between characters, not "
                       "between the bytes of one";
      break;
    case PiecesProblem::kShort:
      problem = "the list leaves out the end of the text: together its pieces must read the "
                "whole of str.text";
      break;
  }
  if (!problem.empty()) {
    ReportBadReturn("Str hook returned a list that does not read as the text: " + problem, "text",
                    position(context_.problem_byte > 0 ? context_.problem_byte - 1 : 0));
    return;
  }
  bool linked = false;
  for (const markdown::TextPiece& piece : context_.result_pieces) {
    if (piece.target.empty()) continue;
    linked = true;
    if (piece.target != from) {
      context_.collected.relations.insert(
          {.from = from, .to = piece.target, .kind = RelationKind::kReferences});
    }
  }
  if (!linked) return;
  // An earlier script's links in the same run stay: both scripts' links are kept, unless they
  // overlap.
  auto [split, inserted] =
      context_.collected.texts.try_emplace({from, index}, context_.result_pieces);
  if (inserted) return;
  if (std::optional<std::vector<markdown::TextPiece>> merged =
          markdown::MergeTextPieces(split->second, context_.result_pieces)) {
    split->second = std::move(*merged);
    return;
  }
  ReportBadReturn(
      "Str hook links words that an earlier script linked elsewhere: links may not overlap",
      "text", position(0));
}

void ScriptRun::TakeResult(const char* hook, const char* expected, const SourcePos& element,
                           bool links_allowed, int slot) {
  const char* type = context_.result_type;
  if (context_.result == HookResult::kNil) return;
  if (context_.result == HookResult::kLink) {
    if (links_allowed) {
      const std::string& from = context_.index.ids[context_.doc];
      const std::string& to = context_.index.ids[context_.result_target];
      context_.collected.links[{from, slot}] = to;
      if (from != to) {
        context_.collected.relations.insert(
            {.from = from, .to = to, .kind = RelationKind::kReferences});
      }
      return;
    }
    type = "kansli.link";
  }
  ReportBadReturn(std::string(hook) + " hook returned a " + type + "; expected " + expected,
                  "element", element);
}

void ScriptRun::ReportBadReturn(std::string message, const char* what, const SourcePos& at) {
  std::vector<std::string> hints;
  if (!at.file.empty()) {
    hints.push_back(std::string("for the ") + what + " at " + at.file + ":" +
                    std::to_string(at.line) + ":" + std::to_string(at.column));
  }
  context_.diags.Error({context_.script.path(), context_.hook_line, 0}, Code::kScriptBadReturn,
                       std::move(message), std::move(hints));
}

}  // namespace kansli::script
