// The groups the site has a page for: each organisation, document type and tag. The pages,
// the sitemap and the feeds all take their groups and folders from here, so a page never
// exists without its sitemap entry or the other way round.
#pragma once

#include <string>
#include <vector>

#include "site/site_graph.h"

namespace kansli::html {

struct Listing {
  enum class Kind { kOrganisation, kType, kTag };
  Kind kind = Kind::kOrganisation;
  std::string name;    // as readers see it: "Ljungby kommun", "Policy", "internationellt arbete"
  std::string folder;  // below html/, ending in '/': "organisation/ljungby-kommun/"
  std::vector<const SiteDocument*> documents;  // in register order
};

// Organisations, then types, then tags, each in Swedish alphabetical order; only groups with
// documents. Two names with the same slug ("EU" and "eu") share a page, under the first name.
std::vector<Listing> Listings(const SiteGraph& site);

// Where the page of the group named `name` lives: "organisation/ljungby-kommun/".
std::string ListingFolder(Listing::Kind kind, const std::string& name);

// What the texts call the kind: "listing.<key>_title", "listing.<key>_lead".
std::string ListingTextKey(Listing::Kind kind);

// The fixed pages: the review dashboard, the organisations overview, and the register's pages
// after the first (html/sida/2/, …; the first is html/index.html).
inline constexpr char kReviewFolder[] = "granskning/";
inline constexpr char kRegisterFolder[] = "sida/";
inline constexpr char kOrganisationsFolder[] = "organisation/";

}  // namespace kansli::html
