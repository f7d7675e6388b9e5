#pragma once

#include <string>

namespace kansli {

// One file of the published site, produced in memory by a renderer and written by publish/.
struct OutputFile {
  std::string path;  // relative to the output folder, '/'-separated: "html/index.html"
  std::string bytes;
};

}  // namespace kansli
