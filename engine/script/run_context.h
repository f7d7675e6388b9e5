// What the C functions Lua calls share with the host code that runs one script: the site,
// the limits, the diagnostics and what the script has related and linked so far.
#pragma once

#include <chrono>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"
#include "markdown/text_runs.h"
#include "script/lua_state.h"
#include "script/relations.h"
#include "script/run_scripts.h"
#include "validate/validated_site.h"

namespace kansli::script {

// The site as scripts address it, built once per RunScripts call: documents by index
// (the ValidatedSite order, sorted by id) and by id. Lookups never allocate.
struct SiteIndex {
  explicit SiteIndex(const ValidatedSite& site);

  int Find(std::string_view id) const;  // -1 if no document has that id
  // True for the id of a document left out of this run for its errors (ValidatedSite::left_out).
  bool LeftOut(std::string_view id) const;
  const ParsedDocument& doc(int i) const { return site->documents[i]; }
  int size() const { return static_cast<int>(ids.size()); }

  const ValidatedSite* site = nullptr;
  std::vector<std::string> ids;  // ids[i] is doc(i)'s id
  std::map<std::string, int, std::less<>> by_id;
  std::string today;  // "2026-01-01"
};

// What all scripts of one RunScripts call have produced.
struct Collected {
  std::set<Relation> relations;
  std::map<std::pair<std::string, int>, std::string> links;
  TextLinks texts;
};

// Why the count hook stopped the script (kClosing: the state is being closed).
enum class Stop { kNone, kInstructions, kClock, kMemory, kClosing };
enum class HookResult { kNil, kLink, kPieces, kBad };
enum class ElementKind { kWikiLink, kEmph, kStr };
// Why a Str hook's list was refused (kNone: it was not).
enum class PiecesProblem { kNone, kBadItem, kChanged, kInsideCharacter, kShort };

// One script run. Plain fields only where Lua-called code writes them, so that a longjmp
// never skips a destructor.
struct RunContext {
  const SiteIndex& index;
  const SourceFile& script;
  const ScriptLimits& limits;
  Diagnostics& diags;
  Collected& collected;
  LuaMemory* memory = nullptr;

  // The count hook's state.
  int hook_interval = 10'000;
  long long instructions = 0;
  std::chrono::steady_clock::time_point deadline;
  Stop stop = Stop::kNone;
  int stop_line = 0;

  // The script line the message handler found for the last Lua error (0 if none).
  int error_line = 0;
  // A C++ exception caught inside a C function; the host rethrows it once Lua has unwound.
  std::exception_ptr pending;

  // kansli.error, kansli.warning and print, capped at limits.max_reports.
  int reports = 0;
  int dropped = 0;
  bool dropped_error = false;

  // The hooks the script returned.
  bool has_site_hook = false;
  bool has_wiki_link_hook = false;
  bool has_emph_hook = false;
  bool has_str_hook = false;

  // The element hook being called (set by the host), and what it returned.
  ElementKind element_kind = ElementKind::kWikiLink;
  int doc = -1;
  int element = -1;
  // kStr: the run of text the hook is called for (null outside a Str call).
  const markdown::TextRun* text_run = nullptr;
  // The document table element hooks are given: made on a document's first element, kept in
  // the registry (a luaL_ref, or LUA_NOREF = -2) for its other elements.
  int doc_table_doc = -1;
  int doc_table_ref = -2;
  int hook_line = 0;
  HookResult result = HookResult::kNil;
  int result_target = -1;
  const char* result_type = "";  // lua_typename of a bad return value
  // kPieces: the run as the Str hook split it, or why the list was refused: item
  // `problem_item` (1-based) is a `result_type` (kBadItem) or changes the text at byte
  // `problem_byte` (kChanged), or the list ends before the text (kShort, at that byte).
  std::vector<markdown::TextPiece> result_pieces;
  PiecesProblem problem = PiecesProblem::kNone;
  long long problem_item = 0;
  size_t problem_byte = 0;
};

RunContext& Context(lua_State* state);
void SetContext(lua_State* state, RunContext* context);

// Runs C++ work inside a function Lua called. `work` must not call a Lua function that can
// raise an error. Any exception is kept in context.pending; then the caller must return
// RaisePending(state), which unwinds Lua to the host.
template <typename Work>
bool GuardCxx(RunContext& context, Work&& work) noexcept {
  try {
    work();
    return true;
  } catch (...) {
    context.pending = std::current_exception();
    return false;
  }
}
int RaisePending(lua_State* state);

// The current line of the innermost function, from `level` outwards, that was loaded from
// the script file (chunk name "@path"); 0 if there is none. Chunks a script builds with
// load() are skipped, so positions always point into the script file.
int ScriptLine(lua_State* state, int level);

// A Lua string fit for a diagnostic: cut after kMaxMessageBytes (with "…"), since the
// engine's copies are outside the script's memory limit, and every byte that is not valid
// UTF-8 replaced by U+FFFD (Lua strings may hold any bytes).
inline constexpr size_t kMaxMessageBytes = 2000;
std::string MessageText(std::string_view text);

// True, after counting the report as left out, once limits.max_reports are kept: then the
// caller need not build the diagnostic. No allocation, no Lua error.
bool ReportsFull(RunContext& context, Severity severity);
// Reports a diagnostic made by a script, minding limits.max_reports. Call inside GuardCxx.
void ReportFromScript(RunContext& context, Diagnostic diagnostic);

}  // namespace kansli::script
