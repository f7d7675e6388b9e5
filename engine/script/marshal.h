// Engine values as Lua tables. Every call builds fresh tables: a script may change what it
// gets, and the engine never sees the change.
#pragma once

#include <span>

#include "markdown/body.h"
#include "markdown/text_runs.h"

struct lua_State;

namespace kansli::script {

struct SiteIndex;

// A document table: id, path, every front-matter field by name (text as a string, lists as
// arrays, absent or empty fields nil), headings, links and wiki_links. Pushes one value.
void PushDocument(lua_State* state, const SiteIndex& index, int doc);
// An array of every document table, sorted by id.
void PushDocuments(lua_State* state, const SiteIndex& index);
// The Site hook's argument: {name, today, documents}.
void PushSite(lua_State* state, const SiteIndex& index);
// The WikiLink hook's argument: {target, label, line, column}.
void PushWikiLink(lua_State* state, const markdown::WikiLinkRef& link);
// The Emph hook's argument: {text, line, column}.
void PushEmph(lua_State* state, const markdown::EmphRef& emph);
// The Str hook's argument: {text, line, column}.
void PushStr(lua_State* state, const markdown::TextRun& run);

// The fields of the tables above, for docs/lua-api.md.
struct TableField {
  const char* name;
  const char* doc;
};
std::span<const TableField> DocumentTableFields();
std::span<const TableField> SiteTableFields();
std::span<const TableField> WikiLinkTableFields();
std::span<const TableField> EmphTableFields();
std::span<const TableField> StrTableFields();

}  // namespace kansli::script
