#include "render/html/site_view.h"

#include <cstdio>
#include <map>

namespace kansli::html {
namespace {

void SetIf(TemplateData& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

// Dotted keys sorted in a std::map keep each section's keys together, so one pass builds
// the nested objects: "a.b", "a.c", "d" → {a: {b, c}, d}.
TemplateData Nest(std::map<std::string, std::string, std::less<>>::const_iterator begin,
                  std::map<std::string, std::string, std::less<>>::const_iterator end,
                  size_t prefix) {
  TemplateData data;
  for (auto it = begin; it != end;) {
    const std::string& key = it->first;
    size_t dot = key.find('.', prefix);
    if (dot == std::string::npos) {
      data.set(key.substr(prefix), it->second);
      ++it;
      continue;
    }
    const std::string section = key.substr(0, dot + 1);
    auto last = it;
    while (last != end && last->first.compare(0, section.size(), section) == 0) ++last;
    data.set(key.substr(prefix, dot - prefix), Nest(it, last, dot + 1));
    it = last;
  }
  return data;
}

}  // namespace

TemplateData TextView(const SiteText& text) {
  return Nest(text.entries().begin(), text.entries().end(), 0);
}

TemplateData SiteView(const SiteGraph& site, const std::string& root,
                      const std::string& page_title) {
  const SiteConfig& config = site.config();
  TemplateData view;
  view.set("t", TextView(config.text));
  view.set("lang", config.text.Get("lang"));
  view.set("page_title", page_title.empty() ? config.name : page_title + " – " + config.name);
  view.set("site_name", config.name);
  SetIf(view, "site_organisation", config.organisation);
  view.set("root", root);
  view.set("home_href", root + "index.html");
  view.set("review_href", root + kReviewFolder + "index.html");
  view.set("verify_href", root + "verifiera/index.html");
  view.set("organisations_href", root + kOrganisationsFolder + "index.html");
  view.set("css_href", root + "assets/kansli.css");
  view.set("feed_href", root + "feed.xml");
  return view;
}

std::string DocumentHref(const std::string& root, const SiteDocument& doc) {
  return root + doc.id + "/index.html";
}

TemplateList DocumentRows(const SiteGraph& site, const std::vector<const SiteDocument*>& docs,
                          const std::string& root) {
  const SiteText& text = site.config().text;
  TemplateList rows;
  for (const SiteDocument* doc : docs) {
    TemplateData row;
    row.set("id", doc->id);
    row.set("href", DocumentHref(root, *doc));
    row.set("pdf_href", root + "../" + doc->pdf_path);
    row.set("title", doc->title);
    row.set("type", doc->meta().Value("type"));
    row.set("type_label", doc->type_label);
    for (const char* field :
         {"organisation", "version", "status", "owner", "valid_from", "review_by"}) {
      SetIf(row, field, doc->meta().Value(field));
    }
    if (doc->status) {
      row.set("status_label", text.Get("status." + std::string(StatusName(*doc->status))));
    }
    row.set("overdue", doc->overdue);
    rows.push_back(row);
  }
  return rows;
}

std::string ByteSize(size_t bytes, const std::string& decimal_mark) {
  char buffer[32];
  if (bytes < 1000) {
    std::snprintf(buffer, sizeof buffer, "%zu B", bytes);
  } else if (bytes < 999'500) {  // would round to "1000 kB"
    std::snprintf(buffer, sizeof buffer, "%zu kB", (bytes + 500) / 1000);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / 1e6);
  }
  std::string size = buffer;
  if (size_t dot = size.find('.'); dot != std::string::npos) size.replace(dot, 1, decimal_mark);
  return size;
}

}  // namespace kansli::html
