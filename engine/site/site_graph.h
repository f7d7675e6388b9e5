// site/ owns the cross-referenced site: every document with its permalinks, its relations in
// both directions and the register's order. Immutable once built; renderers only read it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "script/relations.h"
#include "validate/status.h"
#include "validate/validated_site.h"
#include "validate/version.h"

namespace kansli {

struct SiteDocument;

// A relation seen from one document: outgoing (this → other) or incoming (other → this).
struct RelationLink {
  RelationKind kind = RelationKind::kReferences;
  bool outgoing = true;
  const SiteDocument* other = nullptr;
  std::string label;  // from this document's side: "Verkställer", "Verkställs av"
};

struct SiteDocument {
  const ParsedDocument* parsed = nullptr;
  std::string id;
  std::string title;
  std::string type_label;   // "Policy"
  std::string html_path;    // "html/<id>/index.html" (relative to the output folder)
  std::string pdf_path;     // "pdf/<id>.pdf"
  std::string url;          // the intranet URL: base_url + "<id>/"
  std::optional<Status> status;    // none when the front matter gives none
  std::optional<Version> version;  // none when the front matter gives none
  bool in_force = false;    // status gällande
  bool overdue = false;     // review_by has passed
  std::vector<RelationLink> relations;  // outgoing first, then incoming, each sorted by id

  const FrontMatter& meta() const { return parsed->document.meta; }
  const markdown::Body& body() const { return parsed->body; }
};

class SiteGraph {
 public:
  SiteGraph(const ValidatedSite& site, Relations relations);
  SiteGraph(const SiteGraph&) = delete;
  SiteGraph& operator=(const SiteGraph&) = delete;

  const SiteConfig& config() const { return *site_.config; }
  Date today() const { return site_.today; }
  // Sorted by id.
  const std::vector<SiteDocument>& documents() const { return documents_; }
  const SiteDocument* Find(std::string_view id) const;
  // The register's order: organisation, then type, then title, in Swedish alphabetical order.
  const std::vector<const SiteDocument*>& Register() const { return register_; }
  // The document a [[link]] or emphasised title in `doc`'s body links to, if a script linked it.
  const SiteDocument* LinkTarget(const SiteDocument& doc, int slot) const;
  // Every link the scripts made in `doc`'s body: (slot, target), by slot.
  std::vector<std::pair<int, const SiteDocument*>> LinkTargets(const SiteDocument& doc) const;
  // The Str hooks' splits of `doc`'s runs of text: run index → pieces.
  std::map<int, std::vector<markdown::TextPiece>> TextLinks(const SiteDocument& doc) const;
  // `doc`'s body, tree and all, with the links the Str hooks made in its running text: what
  // the renderers lay out (the checked site keeps outlines only).
  markdown::Body Tree(const SiteDocument& doc) const;
  // The checked image an ![alt](target) in `doc`'s body shows, or null (remote or refused).
  const ResolvedImage* Image(const SiteDocument& doc, std::string_view target) const {
    return site_.Image(doc.parsed->document.path(), target);
  }
  // Every document's checked images, by document path.
  const SiteImages& images() const { return site_.images; }

 private:
  SiteDocument* FindMutable(std::string_view id);
  std::vector<const SiteDocument*> RegisterOrder() const;

  const ValidatedSite& site_;
  Relations relations_;
  std::vector<SiteDocument> documents_;
  std::vector<const SiteDocument*> register_;
};

// A relation kind seen from either end, in the site's language ("Verkställer", "Verkställs av").
std::string RelationLabel(const SiteText& text, RelationKind kind, bool outgoing);

}  // namespace kansli
