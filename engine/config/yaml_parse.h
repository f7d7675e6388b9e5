// YAML text parsed by yaml-cpp with every problem a value at the file's line and column.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config/yaml_pos.h"
#include "source/source_file.h"

namespace kansli {

struct YamlError {
  SourcePos pos;
  std::string message;             // UTF-8, lower case: "end of map not found"
  std::vector<std::string> hints;  // what to do, when the problem is not plain YAML syntax
};

// Parses `yaml`, a view into `file`'s text starting on line `first_line`. A control character
// (below U+0020, but tab and line feed) is an error before yaml-cpp sees the text: YAML does
// not allow one, and yaml-cpp takes a NUL near the start for UTF-16 or UTF-32 and decodes the
// text into other characters, some not UTF-8, and stops reading at U+0004. yaml-cpp's messages
// are made UTF-8 (one quotes a single byte of a character: "unknown escape character").
std::variant<YAML::Node, YamlError> ParseYaml(const SourceFile& file, std::string_view yaml,
                                              int first_line);

}  // namespace kansli
