#pragma once

#include <string>

namespace kansli::html {

// MiniSearch (npm, MIT licence), the register's client-side search, with its licence as a
// comment on top: built into the kansli binary from node_modules at compile time and
// written to html/assets/minisearch.js, so the site never loads code from the internet.
std::string SearchLibrary();

}  // namespace kansli::html
