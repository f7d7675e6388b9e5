// How kansli.yaml is read: each setting checked for its shape, and every problem a
// config-error at the setting's line, so that one run reports all of them.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "config/yaml_parse.h"
#include "diag/diagnostics.h"
#include "diag/spellcheck.h"

namespace kansli {

class ConfigReader {
 public:
  ConfigReader(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  SourcePos Pos(const YAML::Node& node) const { return YamlPos(file_, node.Mark(), 1); }

  void Error(const YAML::Node& node, std::string message, std::vector<std::string> hints = {}) {
    diags_.Error(Pos(node), Code::kConfigError, std::move(message), std::move(hints));
  }

  void Text(const YAML::Node& map, const char* key, std::string& out) {
    YAML::Node node = map[key];
    if (!node) return;
    if (!node.IsScalar()) return Error(node, std::string(key) + " must be text");
    out = node.Scalar();
  }

  void Number(const YAML::Node& map, const char* key, double& out, double min, double max) {
    YAML::Node node = map[key];
    if (!node) return;
    try {
      double value = node.as<double>();
      if (!(value >= min && value <= max)) throw YAML::Exception(node.Mark(), "range");  // NaN too
      out = value;
    } catch (const YAML::Exception&) {
      Error(node, std::string(key) + " must be a number from " + std::to_string(int(min)) +
                      " to " + std::to_string(int(max)));
    }
  }

  void Integer(const YAML::Node& map, const char* key, int& out, int min, int max) {
    YAML::Node node = map[key];
    if (!node) return;
    int value = 0;
    if (node.IsScalar() && YAML::convert<int>::decode(node, value) && value >= min &&
        value <= max) {
      out = value;
      return;
    }
    Error(node, std::string(key) + " must be a whole number from " + std::to_string(min) +
                    " to " + std::to_string(max),
          {std::string(key) + ": " + std::to_string(out)});
  }

  void List(const YAML::Node& map, const char* key, std::vector<std::string>& out) {
    YAML::Node node = map[key];
    if (!node) return;
    if (!node.IsSequence()) return Error(node, std::string(key) + " must be a list");
    out.clear();
    for (const YAML::Node& item : node) {
      if (!item.IsScalar()) {
        Error(item, std::string(key) + " must be a list of text");
        continue;
      }
      out.push_back(item.Scalar());
    }
  }

  void CheckKeys(const YAML::Node& map, const std::vector<std::string>& known) {
    for (const auto& entry : map) {
      std::string key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::vector<std::string> hints;
      if (auto match = ClosestMatch(key, known)) hints.push_back("did you mean '" + *match + "'?");
      Error(entry.first, "unknown setting '" + key + "'", hints);
    }
  }

 private:
  const SourceFile& file_;
  Diagnostics& diags_;
};

}  // namespace kansli
