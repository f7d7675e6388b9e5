#pragma once

#include <yaml-cpp/yaml.h>

#include "source/source_file.h"

namespace kansli {

// yaml-cpp marks are 0-based and relative to the YAML text; the YAML may start below
// line 1 of the file (front matter starts on line 2), so every position is shifted. Their
// columns count bytes ("title: Förslag" has 'slag' at byte 10), ours code points.
inline SourcePos YamlPos(const SourceFile& file, const YAML::Mark& mark, int yaml_first_line) {
  if (mark.line < 0) return file.At(yaml_first_line, 0);
  return file.AtByteColumn(yaml_first_line + mark.line, mark.column + 1);
}

}  // namespace kansli
