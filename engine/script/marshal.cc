#include "script/marshal.h"

#include <string>
#include <string_view>

#include "script/lua_state.h"
#include "script/run_context.h"

// Everything here runs inside functions Lua calls, and lua_push*/lua_set* may raise a memory
// error: locals are references, pointers and numbers only (see lua_state.h).
namespace kansli::script {
namespace {

constexpr TableField kDocumentFields[] = {
    {"id", "the document's id"},
    {"path", "its file, relative to the site root (\"content/ljungby/plan.md\")"},
    {"title, type, organisation, status, version, …",
     "every front-matter field by its name: text as a string, `implements`, `supersedes` and "
     "`tags` as arrays of strings; nil when absent or empty. The site's own fields (`fields:` "
     "in kansli.yaml) too, by their names: a field of type list as an array of strings, any "
     "other as a string"},
    {"headings", "array of {level, text, anchor, line}"},
    {"links", "array of {url, text, line, column}: Markdown links in the body"},
    {"wiki_links", "array of {target, label, line, column}: every [[id]] and [[id|text]]"},
    {"emphases", "array of {text, line, column}: every *emphasis*, as plain text"},
};
constexpr TableField kSiteFields[] = {
    {"name", "the site's name from kansli.yaml"},
    {"today", "the build date, \"YYYY-MM-DD\" (fixed by --today)"},
    {"documents", "array of every document table, sorted by id"},
    {"left_out", "array of the ids of documents left out of this run because they have errors "
                 "(then nothing is published, and the scripts check the other documents); "
                 "usually empty"},
};
constexpr TableField kWikiLinkFields[] = {
    {"target", "the id written in [[id]] or [[id|text]]"},
    {"label", "the text after '|', or \"\""},
    {"line, column", "where [[ starts in the document's file"},
};
constexpr TableField kEmphFields[] = {
    {"text", "the emphasised text without markup"},
    {"line, column", "where the emphasis starts in the document's file"},
};
constexpr TableField kStrFields[] = {
    {"text",
     "a run of the body's text: the words of a paragraph, heading, list item, table cell or "
     "emphasis up to the next markup (a link, code, a [[wiki link]], a start or end of "
     "emphasis). A line break in the source reads as \"\\n\", so words wrapped onto the next "
     "line stay in one run. Text inside links and code is not given"},
    {"line, column",
     "where the run starts in the document's file; kansli.position(i) gives the position of "
     "its byte i"},
};

void SetString(lua_State* state, const char* key, std::string_view value) {
  lua_pushlstring(state, value.data(), value.size());
  lua_setfield(state, -2, key);
}

void SetInteger(lua_State* state, const char* key, lua_Integer value) {
  lua_pushinteger(state, value);
  lua_setfield(state, -2, key);
}

void SetPosition(lua_State* state, const SourcePos& pos) {
  SetInteger(state, "line", pos.line);
  SetInteger(state, "column", pos.column);
}

void PushList(lua_State* state, const ListField& list) {
  lua_createtable(state, static_cast<int>(list.size()), 0);
  lua_Integer n = 0;
  for (const Spanned<std::string>& item : list) {
    lua_pushlstring(state, item.value.data(), item.value.size());
    lua_rawseti(state, -2, ++n);
  }
}

// A site field as a built-in one: a list field as a list, any other as its text.
void SetSiteFields(lua_State* state, const FrontMatter& meta, const SiteConfig* config) {
  for (const SiteFieldValue& value : meta.site_fields) {
    const SiteField* field = config != nullptr ? config->FindField(value.name) : nullptr;
    if (field == nullptr || !meta.Has(value.name)) continue;
    if (field->kind == SiteFieldKind::kList) {
      PushList(state, value.items);
      lua_setfield(state, -2, value.name.c_str());
    } else {
      SetString(state, value.name.c_str(), meta.Value(value.name));
    }
  }
}

void SetFrontMatter(lua_State* state, const FrontMatter& meta) {
  for (const std::string& name : FrontMatterFieldNames()) {
    if (const TextField* text = meta.Text(name)) {
      if (text->has_value() && !(*text)->value.empty()) {
        SetString(state, name.c_str(), (*text)->value);
      }
    } else if (const ListField* list = meta.List(name); list != nullptr && !list->empty()) {
      PushList(state, *list);
      lua_setfield(state, -2, name.c_str());
    }
  }
}

void SetBodyElements(lua_State* state, const markdown::Body& body) {
  lua_createtable(state, static_cast<int>(body.headings.size()), 0);
  lua_Integer n = 0;
  for (const markdown::Heading& heading : body.headings) {
    lua_createtable(state, 0, 4);
    SetInteger(state, "level", heading.level);
    SetString(state, "text", heading.text);
    SetString(state, "anchor", heading.anchor);
    SetInteger(state, "line", heading.line);
    lua_rawseti(state, -2, ++n);
  }
  lua_setfield(state, -2, "headings");

  lua_createtable(state, static_cast<int>(body.links.size()), 0);
  n = 0;
  for (const markdown::LinkRef& link : body.links) {
    lua_createtable(state, 0, 4);
    SetString(state, "url", link.url);
    SetString(state, "text", link.text);
    SetPosition(state, link.pos);
    lua_rawseti(state, -2, ++n);
  }
  lua_setfield(state, -2, "links");

  lua_createtable(state, static_cast<int>(body.wiki_links.size()), 0);
  n = 0;
  for (const markdown::WikiLinkRef& link : body.wiki_links) {
    PushWikiLink(state, link);
    lua_rawseti(state, -2, ++n);
  }
  lua_setfield(state, -2, "wiki_links");

  lua_createtable(state, static_cast<int>(body.emphases.size()), 0);
  n = 0;
  for (const markdown::EmphRef& emph : body.emphases) {
    PushEmph(state, emph);
    lua_rawseti(state, -2, ++n);
  }
  lua_setfield(state, -2, "emphases");
}

}  // namespace

void PushDocument(lua_State* state, const SiteIndex& index, int doc) {
  luaL_checkstack(state, 6, "document table");
  const ParsedDocument& parsed = index.doc(doc);
  lua_createtable(state, 0, 24);
  SetFrontMatter(state, parsed.document.meta);
  SetSiteFields(state, parsed.document.meta, index.site->config);
  SetString(state, "id", index.ids[doc]);
  SetString(state, "path", parsed.document.path());
  SetBodyElements(state, parsed.body);
}

void PushDocuments(lua_State* state, const SiteIndex& index) {
  lua_createtable(state, index.size(), 0);
  for (int doc = 0; doc < index.size(); ++doc) {
    PushDocument(state, index, doc);
    lua_rawseti(state, -2, doc + 1);
  }
}

void PushSite(lua_State* state, const SiteIndex& index) {
  luaL_checkstack(state, 4, "site table");
  lua_createtable(state, 0, 4);
  const SiteConfig* config = index.site->config;
  SetString(state, "name", config != nullptr ? std::string_view(config->name) : std::string_view());
  SetString(state, "today", index.today);
  PushDocuments(state, index);
  lua_setfield(state, -2, "documents");
  const std::vector<std::string>& left_out = index.site->left_out;
  lua_createtable(state, static_cast<int>(left_out.size()), 0);
  lua_Integer n = 0;
  for (const std::string& id : left_out) {
    lua_pushlstring(state, id.data(), id.size());
    lua_rawseti(state, -2, ++n);
  }
  lua_setfield(state, -2, "left_out");
}

void PushWikiLink(lua_State* state, const markdown::WikiLinkRef& link) {
  lua_createtable(state, 0, 4);
  SetString(state, "target", link.target);
  SetString(state, "label", link.label);
  SetPosition(state, link.pos);
}

void PushEmph(lua_State* state, const markdown::EmphRef& emph) {
  lua_createtable(state, 0, 3);
  SetString(state, "text", emph.text);
  SetPosition(state, emph.pos);
}

void PushStr(lua_State* state, const markdown::TextRun& run) {
  lua_createtable(state, 0, 3);
  SetString(state, "text", run.text);
  const markdown::TextSegment start = run.At(0);
  SetInteger(state, "line", start.line);
  SetInteger(state, "column", start.column);
}

std::span<const TableField> DocumentTableFields() { return kDocumentFields; }
std::span<const TableField> SiteTableFields() { return kSiteFields; }
std::span<const TableField> WikiLinkTableFields() { return kWikiLinkFields; }
std::span<const TableField> EmphTableFields() { return kEmphFields; }
std::span<const TableField> StrTableFields() { return kStrFields; }

}  // namespace kansli::script
