#include "site/site_graph.h"

#include <algorithm>
#include <climits>
#include <tuple>

#include "document/lifecycle.h"
#include "markdown/markdown_parser.h"
#include "site/collation.h"

namespace kansli {

std::string RelationLabel(const SiteText& text, RelationKind kind, bool outgoing) {
  return text.Get("relations." + std::string(RelationKindName(kind)) +
                  (outgoing ? ".outgoing" : ".incoming"));
}

SiteGraph::SiteGraph(const ValidatedSite& site, Relations relations)
    : site_(site), relations_(std::move(relations)) {
  documents_.reserve(site.documents.size());  // RelationLink points into this vector
  for (const ParsedDocument& parsed : site.documents) {
    const FrontMatter& meta = parsed.document.meta;
    SiteDocument doc{.parsed = &parsed, .id = meta.Value("id"), .title = meta.Value("title")};
    const DocumentType* type = site.config->FindType(meta.Value("type"));
    doc.type_label = type != nullptr ? type->label : meta.Value("type");
    doc.html_path = "html/" + doc.id + "/index.html";
    doc.pdf_path = "pdf/" + doc.id + ".pdf";
    doc.url = site.config->base_url + doc.id + "/";
    doc.status = ParseStatus(meta.Value("status"));  // validated: known or absent
    doc.version = Version::Parse(meta.Value("version"));
    doc.in_force = doc.status == Status::kInForce;
    doc.overdue = RevisionOverdue(meta, site.today);
    documents_.push_back(std::move(doc));
  }
  std::sort(relations_.relations.begin(), relations_.relations.end());
  relations_.relations.erase(
      std::unique(relations_.relations.begin(), relations_.relations.end()),
      relations_.relations.end());
  for (const Relation& r : relations_.relations) {
    SiteDocument* from = FindMutable(r.from);
    SiteDocument* to = FindMutable(r.to);
    if (from == nullptr || to == nullptr || from == to) continue;  // scripts checked ids
    from->relations.push_back({r.kind, true, to, RelationLabel(site.config->text, r.kind, true)});
    to->relations.push_back({r.kind, false, from, RelationLabel(site.config->text, r.kind, false)});
  }
  for (SiteDocument& doc : documents_) {
    std::stable_sort(doc.relations.begin(), doc.relations.end(),
                     [](const RelationLink& a, const RelationLink& b) {
                       return std::tuple(!a.outgoing, a.kind, a.other->id) <
                              std::tuple(!b.outgoing, b.kind, b.other->id);
                     });
  }
  register_ = RegisterOrder();
}

SiteDocument* SiteGraph::FindMutable(std::string_view id) {
  auto it = std::lower_bound(documents_.begin(), documents_.end(), id,
                             [](const SiteDocument& d, std::string_view key) { return d.id < key; });
  return it != documents_.end() && it->id == id ? &*it : nullptr;
}

const SiteDocument* SiteGraph::Find(std::string_view id) const {
  return const_cast<SiteGraph*>(this)->FindMutable(id);
}

std::vector<const SiteDocument*> SiteGraph::RegisterOrder() const {
  // Each document's collation keys made once, not in every comparison: the register is sorted
  // once per build, and at 10,000 documents the keys made per comparison were seconds.
  using Key = std::tuple<std::string, std::string, std::string, std::string_view>;
  std::vector<std::pair<Key, const SiteDocument*>> keyed;
  keyed.reserve(documents_.size());
  for (const SiteDocument& doc : documents_) {
    keyed.emplace_back(Key(CollationKey(doc.meta().Value("organisation")),
                           CollationKey(doc.type_label), CollationKey(doc.title), doc.id),
                       &doc);
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const SiteDocument*> rows;
  rows.reserve(keyed.size());
  for (const auto& [key, doc] : keyed) rows.push_back(doc);
  return rows;
}

const SiteDocument* SiteGraph::LinkTarget(const SiteDocument& doc, int slot) const {
  auto it = relations_.links.find({doc.id, slot});
  return it == relations_.links.end() ? nullptr : Find(it->second);
}

std::vector<std::pair<int, const SiteDocument*>> SiteGraph::LinkTargets(
    const SiteDocument& doc) const {
  std::vector<std::pair<int, const SiteDocument*>> targets;
  for (auto it = relations_.links.lower_bound({doc.id, INT_MIN});
       it != relations_.links.end() && it->first.first == doc.id; ++it) {
    targets.emplace_back(it->first.second, Find(it->second));
  }
  return targets;
}

std::map<int, std::vector<markdown::TextPiece>> SiteGraph::TextLinks(
    const SiteDocument& doc) const {
  std::map<int, std::vector<markdown::TextPiece>> pieces;
  for (auto it = relations_.text_links.lower_bound({doc.id, INT_MIN});
       it != relations_.text_links.end() && it->first.first == doc.id; ++it) {
    pieces.emplace(it->first.second, it->second);
  }
  return pieces;
}

markdown::Body SiteGraph::Tree(const SiteDocument& doc) const {
  markdown::Body body = ParseTree(doc.parsed->document);
  markdown::LinkTextRuns(body, TextLinks(doc));
  return body;
}

}  // namespace kansli
