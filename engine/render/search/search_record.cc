#include "render/search/search_record.h"

#include <algorithm>
#include <cstdio>

#include "markdown/markdown_parser.h"
#include "site/collation.h"

namespace kansli::search {
namespace {

std::string StatusLabel(const SiteGraph& site, const SiteDocument& doc) {
  return doc.status ? site.config().text.Get("status." + std::string(StatusName(*doc.status)))
                    : std::string();
}

// What a column sorts by, as a string compared bytewise; empty when the document lacks it.
std::string SortValue(const SiteGraph& site, const SiteDocument& doc, std::string_view column) {
  if (column == "title") return CollationKey(doc.title);
  if (column == "type") return CollationKey(doc.type_label);
  if (column == "status") return CollationKey(StatusLabel(site, doc));
  if (column == "version") {
    if (!doc.version) return "";
    char key[32];  // as numbers: 1.10 after 1.9
    std::snprintf(key, sizeof key, "%010d.%010d", doc.version->major(), doc.version->minor());
    return key;
  }
  const std::string value = doc.meta().Value(std::string(column));
  // Dates are YYYY-MM-DD, which sort as they are.
  return column == "valid_from" || column == "review_by" ? value : CollationKey(value);
}

}  // namespace

std::string RecordUrl(std::string_view id) { return "/" + std::string(id) + "/"; }

std::vector<SearchRecord> SearchRecords(const SiteGraph& site) {
  const std::vector<const SiteDocument*> docs = site.Register();
  std::vector<SearchRecord> records;
  records.reserve(docs.size());
  for (const SiteDocument* doc : docs) {
    SearchRecord record{.url = RecordUrl(doc->id), .document = &doc->parsed->document};
    auto set = [&](const std::string& key, const std::string& value) {
      if (!value.empty()) record.meta[key] = value;
    };
    set("id", doc->id);
    set("title", doc->title);
    set("type", doc->type_label);
    set("status", StatusLabel(site, *doc));
    for (const char* field : {"organisation", "version", "owner", "valid_from", "review_by",
                              "document_number", "diary_number"}) {
      set(field, doc->meta().Value(field));
    }
    // The site's own fields that its pages show; one kept off the page stays out of the index,
    // which anyone who can open the register can read.
    for (const SiteField& field : site.config().fields) {
      if (field.on_page) set(field.name, doc->meta().Value(field.name));
    }
    if (doc->overdue) set("overdue", site.config().text.Get("register.overdue_flag"));
    auto filter = [&](const std::string& key, const std::string& value) {
      if (!value.empty()) record.filters[key] = {value};
    };
    filter("type", doc->meta().Value("type"));
    filter("organisation", doc->meta().Value("organisation"));
    filter("owner", doc->meta().Value("owner"));
    if (doc->status) filter("status", std::string(StatusName(*doc->status)));
    records.push_back(std::move(record));
  }
  return records;
}

void AddContent(std::vector<SearchRecord>& records) {
  for (SearchRecord& record : records) {
    if (record.document != nullptr) record.content = markdown::BodyText(ParseTree(*record.document));
  }
}

std::map<std::string, std::vector<int>> ColumnOrders(const SiteGraph& site) {
  const std::vector<const SiteDocument*> docs = site.Register();
  std::map<std::string, std::vector<int>> orders;
  for (std::string_view column : kRegisterColumns) {
    std::vector<std::string> values;
    values.reserve(docs.size());
    std::vector<int> sorted;  // register places of the documents with a value
    for (const SiteDocument* doc : docs) {
      values.push_back(SortValue(site, *doc, column));
      if (!values.back().empty()) sorted.push_back(static_cast<int>(values.size() - 1));
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&values](int a, int b) { return values[a] < values[b]; });
    std::vector<int>& order = orders[std::string(column)];
    order.assign(docs.size(), -1);
    for (size_t place = 0; place < sorted.size(); ++place) {
      order[sorted[place]] = static_cast<int>(place);
    }
  }
  return orders;
}

}  // namespace kansli::search
