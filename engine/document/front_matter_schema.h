#pragma once

#include <string>

#include "config/site_config.h"

namespace kansli {

// The JSON Schema (draft 2020-12) of the front matter this site accepts, for an editor to
// check documents while they are written (`kansli schema`): every field with its shape and a
// description from the site's texts, the types and statuses as enumerations, dates and ids
// as patterns, each organisation's diary-number patterns and each type's adopting bodies,
// and the required fields per type and status as if/then. It says what kansli says of a
// single document; what needs the whole site (ids that exist, unique ids) is kansli check's.
std::string FrontMatterSchema(const SiteConfig& config);

}  // namespace kansli
