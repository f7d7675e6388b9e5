// What the search index holds about one document, built from the SiteGraph alone.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "site/site_graph.h"

namespace kansli::search {

// The register's columns, as its table headings name them (data-column) and as the order
// files name them.
inline constexpr std::string_view kRegisterColumns[] = {
    "title", "type", "organisation", "version", "status", "owner", "valid_from", "review_by"};

// One document for Pagefind's AddRecord. Every meta field is searchable (Pagefind indexes
// them, and the title above the rest), so meta holds only what a reader may look a document
// up by, and what a result row shows.
struct SearchRecord {
  std::string url;  // "/<id>/": the page, below html/
  // The document the content is its body's text of (markdown::BodyText); null for a record
  // made of its content alone (the words index's). The content is filled in (AddContent) only
  // for a part of the index that is indexed again: the text of the others is not needed.
  const Document* document = nullptr;
  std::string content;                      // the body as plain text
  std::map<std::string, std::string> meta;  // id, title, type, organisation, version, status,
                                            // owner, valid_from, review_by, document_number,
                                            // diary_number, overdue (the flag's text); no
                                            // empty values
  std::map<std::string, std::vector<std::string>> filters;  // type, organisation, owner, status
                                                            // (keys as the register's selects)
};

// A document's address in the index, "/<id>/": its page, below html/.
std::string RecordUrl(std::string_view id);

// One record per document, in the register's order, without content.
std::vector<SearchRecord> SearchRecords(const SiteGraph& site);

// Fills in each record's content from its document, parsing the document's body again.
void AddContent(std::vector<SearchRecord>& records);

// Each register column's order, for register.js to sort a search's results by, whichever part
// of the index each came from: for every document, by its place in the register, its place
// among the documents with a value in that column, or -1 without one. Equal values keep the
// register's order, so every place is distinct. Pagefind's own sort is not used: it ranks
// results within one part of the index only.
std::map<std::string, std::vector<int>> ColumnOrders(const SiteGraph& site);

}  // namespace kansli::search
