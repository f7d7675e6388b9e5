#include "config/yaml_parse.h"

#include <cstdio>

namespace kansli {

std::variant<YAML::Node, YamlError> ParseYaml(const SourceFile& file, std::string_view yaml,
                                              int first_line) {
  for (size_t i = 0; i < yaml.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(yaml[i]);
    if (c >= 0x20 || c == '\t' || c == '\n') continue;
    char code_point[8];
    std::snprintf(code_point, sizeof code_point, "U+%04X", c);
    return YamlError{
        .pos = file.PosAt(static_cast<size_t>(yaml.data() - file.text().data()) + i),
        .message = std::string("control character ") + code_point + " is not allowed in YAML",
        .hints = {"delete it: most editors show it as nothing, or as a small box"}};
  }
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return YamlError{.pos = YamlPos(file, e.mark, first_line),
                     .message = ReplaceInvalidUtf8(e.msg)};
  }
}

std::string YamlCppVersion() { return KANSLI_YAML_CPP_VERSION; }

}  // namespace kansli
