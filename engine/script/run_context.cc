#include "script/run_context.h"

#include <algorithm>

namespace kansli::script {

SiteIndex::SiteIndex(const ValidatedSite& validated) : site(&validated) {
  ids.reserve(validated.documents.size());
  for (const ParsedDocument& parsed : validated.documents) {
    by_id.emplace(parsed.document.id(), static_cast<int>(ids.size()));
    ids.push_back(parsed.document.id());
  }
  today = validated.today.ToString();
}

int SiteIndex::Find(std::string_view id) const {
  auto it = by_id.find(id);
  return it == by_id.end() ? -1 : it->second;
}

bool SiteIndex::LeftOut(std::string_view id) const {
  return std::binary_search(site->left_out.begin(), site->left_out.end(), id);
}

// LUA_EXTRASPACE is a pointer-sized area that Lua keeps for the embedder, per state.
RunContext& Context(lua_State* state) {
  return **static_cast<RunContext**>(lua_getextraspace(state));
}

void SetContext(lua_State* state, RunContext* context) {
  *static_cast<RunContext**>(lua_getextraspace(state)) = context;
}

int RaisePending(lua_State* state) {
  lua_pushliteral(state, "internal error in kansli");
  return lua_error(state);
}

int ScriptLine(lua_State* state, int level) {
  lua_Debug ar{};
  for (; lua_getstack(state, level, &ar) != 0; ++level) {
    if (lua_getinfo(state, "Sl", &ar) != 0 && ar.source != nullptr && ar.source[0] == '@') {
      return ar.currentline > 0 ? ar.currentline : 0;
    }
  }
  return 0;
}

std::string MessageText(std::string_view text) {
  const bool cut = text.size() > kMaxMessageBytes;
  if (cut) {
    size_t end = kMaxMessageBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
  }
  std::string out = ReplaceInvalidUtf8(text);
  if (cut) out += "…";
  return out;
}

bool ReportsFull(RunContext& context, Severity severity) {
  if (context.reports < context.limits.max_reports) return false;
  ++context.dropped;
  context.dropped_error = context.dropped_error || severity == Severity::kError;
  return true;
}

void ReportFromScript(RunContext& context, Diagnostic diagnostic) {
  if (ReportsFull(context, diagnostic.severity)) return;
  ++context.reports;
  context.diags.Report(std::move(diagnostic));
}

}  // namespace kansli::script
