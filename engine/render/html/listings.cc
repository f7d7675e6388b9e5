#include "render/html/listings.h"

#include <algorithm>
#include <map>

#include "markdown/heading_ids.h"
#include "site/collation.h"
#include "source/sha256.h"

namespace kansli::html {
namespace {

// Each kind's folder below html/ and the section of its texts ("listing.type_title").
struct KindNames {
  Listing::Kind kind;
  const char* folder;
  const char* text_key;
};
constexpr KindNames kKinds[] = {
    {Listing::Kind::kOrganisation, "organisation/", "organisation"},
    {Listing::Kind::kType, "typ/", "type"},
    {Listing::Kind::kTag, "tagg/", "tag"},
};

const KindNames& NamesOf(Listing::Kind kind) {
  for (const KindNames& names : kKinds) {
    if (names.kind == kind) return names;
  }
  return kKinds[0];
}

// Groups keyed by folder so that names differing only in case or accents share a page.
void Add(std::map<std::string, Listing>& groups, Listing::Kind kind, const std::string& name,
         const SiteDocument* doc) {
  if (name.empty()) return;
  std::string folder = ListingFolder(kind, name);
  auto [it, added] = groups.try_emplace(folder, Listing{.kind = kind, .name = name, .folder = folder});
  if (it->second.documents.empty() || it->second.documents.back() != doc) {
    it->second.documents.push_back(doc);
  }
}

}  // namespace

std::string ListingFolder(Listing::Kind kind, const std::string& name) {
  std::string slug = markdown::Slugify(name);
  // A name with no Latin letters or digits ("Гора", "§") still gets a page of its own.
  if (slug.empty()) slug = "x-" + Sha256Hex(name).substr(0, 12);
  return std::string(NamesOf(kind).folder) + slug + "/";
}

std::string ListingTextKey(Listing::Kind kind) { return NamesOf(kind).text_key; }

std::vector<Listing> Listings(const SiteGraph& site) {
  std::map<std::string, Listing> organisations, types, tags;
  for (const SiteDocument* doc : site.Register()) {
    Add(organisations, Listing::Kind::kOrganisation, doc->meta().Value("organisation"), doc);
    const DocumentType* type = site.config().FindType(doc->meta().Value("type"));
    if (type != nullptr) {
      // The type's page is named after its label, but lives under its name ("typ/policy/").
      auto [it, added] = types.try_emplace(
          type->name, Listing{.kind = Listing::Kind::kType,
                              .name = type->label,
                              .folder = ListingFolder(Listing::Kind::kType, type->name)});
      it->second.documents.push_back(doc);
    }
    for (const auto& tag : doc->meta().tags) Add(tags, Listing::Kind::kTag, tag.value, doc);
  }
  std::vector<Listing> all;
  for (auto* groups : {&organisations, &types, &tags}) {
    std::vector<Listing> sorted;
    for (auto& [_, listing] : *groups) sorted.push_back(std::move(listing));
    std::sort(sorted.begin(), sorted.end(), [](const Listing& a, const Listing& b) {
      return std::pair(CollationKey(a.name), a.folder) < std::pair(CollationKey(b.name), b.folder);
    });
    for (Listing& listing : sorted) all.push_back(std::move(listing));
  }
  return all;
}

}  // namespace kansli::html
