#pragma once

#include <string>
#include <string_view>

namespace kansli {

// What makes this kansli produce the bytes it does, beyond its inputs: its own code (the
// build ID the linker stamps into the binary, which changes with any change of code) and
// every shared library it loaded, each by path, size and modification time (an upgraded
// libharu or Graphviz may lay out differently). Hex SHA-256, computed once per process.
const std::string& EngineFingerprint();

// "<size>:<modification time in ns>" of a file the renders read from outside the site (a
// font, the hyphenation patterns, the colour profile), or "missing".
std::string FileStamp(std::string_view path);

}  // namespace kansli
