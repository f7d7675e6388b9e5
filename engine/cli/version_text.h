#pragma once

#include <string>

namespace kansli {

// What `kansli --version` prints: kansli's own version, then every library it links with
// its version, as a bug report needs them. A library's own version call where it has one
// (what runs), else the version it was built against.
std::string VersionText();

}  // namespace kansli
