// The register: html/index.html and html/sida/<n>/index.html, every document in the register's
// order, a page of rows each, linked by a pager, which works without JavaScript. With it,
// layouts/register.js searches, filters and sorts all documents through the search index
// (render/search/).
#include <algorithm>
#include <set>

#include "render/html/site_pages.h"
#include "render/html/site_view.h"
#include "render/search/search_index.h"

namespace kansli::html {
namespace {

using search::kSearchFolder;

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

// The links of the pager from the page at `root`: every page by number, the current one
// marked.
TemplateData Pager(const std::vector<std::string>& folders, size_t current,
                   const std::string& root) {
  TemplateData pager;
  TemplateList pages;
  for (size_t n = 0; n < folders.size(); ++n) {
    TemplateData page;
    page.set("number", std::to_string(n + 1));
    page.set("href", root + folders[n] + "index.html");
    page.set("current", n == current);
    pages.push_back(page);
  }
  pager.set("pages", pages);
  if (current > 0) pager.set("previous_href", root + folders[current - 1] + "index.html");
  if (current + 1 < folders.size()) {
    pager.set("next_href", root + folders[current + 1] + "index.html");
  }
  return pager;
}

// What the register's script fills when it shows search results: one row of the table.
TemplateData RowTemplate() {
  TemplateData row;
  for (const char* field : {"id", "href", "pdf_href", "title", "type", "type_label",
                            "organisation", "version", "status", "status_label", "owner",
                            "valid_from", "review_by"}) {
    row.set(field, "");
  }
  row.set("overdue", true);  // the script removes the flag from rows that are not overdue
  return row;
}

}  // namespace

std::vector<std::string> RegisterFolders(const SiteGraph& site) {
  const size_t size = static_cast<size_t>(site.config().register_page_size);
  const size_t pages = std::max<size_t>(1, (site.documents().size() + size - 1) / size);
  std::vector<std::string> folders = {""};
  for (size_t n = 2; n <= pages; ++n) folders.push_back(kRegisterFolder + std::to_string(n) + "/");
  return folders;
}

std::vector<OutputFile> RenderRegister(const SiteGraph& site, const HtmlTheme& theme,
                                       Diagnostics& diags, const SiteHistory* history) {
  const std::vector<const SiteDocument*> docs = site.Register();
  const std::vector<std::string> folders = RegisterFolders(site);
  const size_t size = static_cast<size_t>(site.config().register_page_size);
  const SiteText& text = site.config().text;
  const std::string total = std::to_string(docs.size());
  int overdue = 0;
  for (const SiteDocument* doc : docs) overdue += doc->overdue ? 1 : 0;
  const TemplateData filters = FilterView(site);  // the same on every page
  const TemplateData row_template = RowTemplate();
  std::vector<std::string> urls;
  for (const SiteDocument* doc : docs) urls.push_back(search::RecordUrl(doc->id));
  const std::string search_parts =
      std::to_string(search::ShardCount(search::ShardOfEach(urls)));
  std::vector<OutputFile> pages;
  for (size_t n = 0; n < folders.size(); ++n) {
    const std::string root = n == 0 ? "" : "../../";
    const std::string number = std::to_string(n + 1);
    const std::string count = std::to_string(folders.size());
    TemplateData view = SiteView(
        site, root,
        n == 0 ? "" : text.Format("register.page_title", {{"page", number}, {"pages", count}}));
    const size_t first = n * size;
    const size_t last = std::min(docs.size(), first + size);
    const std::vector<const SiteDocument*> rows(docs.begin() + first, docs.begin() + last);
    view.set("documents", DocumentRows(site, rows, root));
    view.set("row_template", row_template);
    view.set("table_id", "register_table");
    view.set("table_caption", text.Get("register.caption"));
    view.set("filters", filters);
    view.set("total", total);
    view.set("page_size", std::to_string(size));
    view.set("search_href", root + kSearchFolder);
    view.set("search_parts", search_parts);
    if (folders.size() > 1) {
      view.set("count", text.Format("register.page_count", {{"first", std::to_string(first + 1)},
                                                            {"last", std::to_string(last)},
                                                            {"total", total}}));
      view.set("pager", Pager(folders, n, root));
    } else {
      view.set("count", text.Format("register.count", {{"shown", total}, {"total", total}}));
    }
    if (overdue > 0) {
      view.set("overdue_banner",
               text.Format("register.overdue_banner", {{"count", std::to_string(overdue)}}));
    }
    if (history != nullptr && !history->ledger().records.empty()) {
      TemplateData ledger;
      ledger.set("head", history->ledger().Head());
      ledger.set("label",
                 text.Format("history.ledger_head",
                             {{"records", std::to_string(history->ledger().records.size())}}));
      view.set("ledger", ledger);
    }
    pages.push_back({"html/" + folders[n] + "index.html",
                     RenderTemplate(theme, theme.Page("register"), view, diags)});
  }
  return pages;
}

}  // namespace kansli::html
