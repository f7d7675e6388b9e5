// What the search index holds about one document, built from the SiteGraph alone.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "site/site_graph.h"

namespace kansli::search {

// The register's columns, as its table headings name them (data-column) and as the index's
// sort keys are named. Pagefind sorts by a key either way (descending is ascending reversed)
// and leaves out the documents without it: the register's script shows those after the
// sorted ones, so that they come last both ways.
inline constexpr std::string_view kRegisterColumns[] = {
    "title", "type", "organisation", "version", "status", "owner", "valid_from", "review_by"};

// One document for Pagefind's AddRecord. Every meta field is searchable (Pagefind indexes
// them, and the title above the rest), so meta holds only what a reader may look a document
// up by, and what a result row shows.
struct SearchRecord {
  std::string url;                          // "/<id>/": the page, below html/
  std::string content;                      // the body as plain text
  std::map<std::string, std::string> meta;  // id, title, type, organisation, version, status,
                                            // owner, valid_from, review_by, document_number,
                                            // diary_number, overdue (the flag's text); no
                                            // empty values
  std::map<std::string, std::vector<std::string>> filters;  // type, organisation, owner, status
                                                            // (keys as the register's selects)
  std::map<std::string, std::string> sort;  // per column with a value: its rank among the
                                            // site's values, zero-padded; equal values rank
                                            // equal (Pagefind keeps them in index order)
};

// One record per document, in the register's order.
std::vector<SearchRecord> SearchRecords(const SiteGraph& site);

// The body as plain text, blocks separated by spaces.
std::string BodyText(const markdown::Body& body);

}  // namespace kansli::search
