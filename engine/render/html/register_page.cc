// The register, html/index.html: every document in one table that works without JavaScript,
// with filter and search controls that layouts/register.js brings to life, and the search
// index (html/assets/search-index.js) that MiniSearch reads in the browser.
#include "render/html/site_pages.h"

#include <nlohmann/json.hpp>
#include <set>

#include "render/html/site_view.h"

namespace kansli::html {
namespace {

void AddText(std::string& out, const std::string& text) {
  if (text.empty()) return;
  if (!out.empty()) out += ' ';
  out += text;
}

void BlockText(const markdown::Block& block, std::string& out) {
  AddText(out, markdown::PlainText(block.inlines));
  if (block.kind == markdown::BlockKind::kCodeBlock) AddText(out, block.text);
  for (const markdown::Block& child : block.children) BlockText(child, out);
}

// Options for a filter: each distinct value once, in the order given.
TemplateList Options(const std::vector<std::pair<std::string, std::string>>& values) {
  TemplateList options;
  std::set<std::string> seen;
  for (const auto& [value, label] : values) {
    if (value.empty() || !seen.insert(value).second) continue;
    TemplateData option;
    option.set("value", value);
    option.set("label", label);
    options.push_back(option);
  }
  return options;
}

std::vector<std::pair<std::string, std::string>> Sorted(
    std::vector<std::pair<std::string, std::string>> values) {
  std::sort(values.begin(), values.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  return values;
}

TemplateData FilterView(const SiteGraph& site) {
  std::vector<std::pair<std::string, std::string>> types, organisations, owners, statuses;
  for (const DocumentType& type : site.config().types) types.push_back({type.name, type.label});
  std::set<std::string> used_types;
  for (const SiteDocument& doc : site.documents()) {
    used_types.insert(doc.meta().Value("type"));
    const std::string organisation = doc.meta().Value("organisation");
    organisations.push_back({organisation, organisation});
    const std::string owner = doc.meta().Value("owner");
    owners.push_back({owner, owner});
  }
  std::erase_if(types, [&](const auto& type) { return !used_types.contains(type.first); });
  for (Status status :
       {Status::kInForce, Status::kDraft, Status::kRepealed, Status::kSuperseded}) {
    const std::string name(StatusName(status));
    statuses.push_back({name, site.config().text.Get("status." + name)});
  }
  TemplateData filters;
  filters.set("types", Options(types));
  filters.set("organisations", Options(Sorted(organisations)));
  filters.set("owners", Options(Sorted(owners)));
  filters.set("statuses", Options(statuses));
  return filters;
}

}  // namespace

std::string BodyText(const markdown::Body& body) {
  std::string text;
  for (const markdown::Block& block : body.blocks) BlockText(block, text);
  return text;
}

OutputFile RenderRegister(const SiteGraph& site, const HtmlTheme& theme, Diagnostics& diags,
                          const SiteHistory* history) {
  TemplateData view = SiteView(site, "", "");
  const std::vector<const SiteDocument*> docs = site.Register();
  const SiteText& text = site.config().text;
  view.set("documents", DocumentRows(site, docs, ""));
  view.set("table_id", "register_table");
  view.set("table_caption", text.Get("register.caption"));
  view.set("filters", FilterView(site));
  const std::string total = std::to_string(docs.size());
  view.set("count", text.Format("register.count", {{"shown", total}, {"total", total}}));
  view.set("count_template", text.Get("register.count"));
  int overdue = 0;
  for (const SiteDocument* doc : docs) overdue += doc->overdue ? 1 : 0;
  if (overdue > 0) {
    view.set("overdue_banner",
             text.Format("register.overdue_banner", {{"count", std::to_string(overdue)}}));
  }
  if (history != nullptr && !history->ledger().records.empty()) {
    TemplateData ledger;
    ledger.set("head", history->ledger().Head());
    ledger.set("label", text.Format("history.ledger_head",
                                    {{"records", std::to_string(history->ledger().records.size())}}));
    view.set("ledger", ledger);
  }
  return {"html/index.html", RenderTemplate(theme, theme.Page("register"), view, diags)};
}

OutputFile WriteSearchIndex(const SiteGraph& site) {
  nlohmann::json documents = nlohmann::json::array();
  for (const SiteDocument* doc : site.Register()) {
    documents.push_back({{"id", doc->id},
                         {"title", doc->title},
                         {"text", BodyText(doc->body())},
                         {"organisation", doc->meta().Value("organisation")},
                         {"owner", doc->meta().Value("owner")},
                         {"type", doc->type_label}});
  }
  // A script, not JSON: browsers refuse fetch() on file:// pages, and the register must work
  // opened straight from a file share.
  std::string js = "// The register's search index, written by kansli build.\n";
  std::string json = documents.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // "<\/" is the same string in JSON, and keeps the index inert if it is ever inlined.
  for (size_t at = json.find("</"); at != std::string::npos; at = json.find("</", at + 3)) {
    json.replace(at, 2, "<\\/");
  }
  js += "window.kansliSearchDocuments = " + json + ";\n";
  return {"html/assets/search-index.js", std::move(js)};
}

}  // namespace kansli::html
