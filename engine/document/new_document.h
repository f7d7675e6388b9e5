#pragma once

#include <string>

#include "config/site_config.h"

namespace kansli {

// What `kansli new` is asked for. The type is one of the config's types.
struct NewDocumentFields {
  std::string id;
  std::string title;
  std::string type;
  std::string organisation;  // empty: left for the author to fill in
};

// The text of a new draft: front matter with the given fields, `status: utkast`, and every
// other field the type needs as a draft, empty; the fields it needs once in force follow as
// comments. Each line ends with a comment from the site's texts saying what to write
// (new_document.fields.<name>), and the body is new_document.body.
std::string NewDocumentText(const SiteConfig& config, const NewDocumentFields& fields);

}  // namespace kansli
