#include "document/new_document.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <vector>

#include "document/front_matter.h"

namespace kansli {
namespace {

// A value as YAML writes it: yaml-cpp quotes only what would not read back as the same
// text ("Plan: 2024", "# 1").
std::string YamlScalar(const std::string& value) {
  YAML::Emitter out;
  out << value;
  return out.c_str();
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string NewDocumentText(const SiteConfig& config, const NewDocumentFields& fields) {
  const DocumentType* type = config.FindType(fields.type);
  std::vector<std::string> draft = config.required;
  std::vector<std::string> in_force = config.required_when_in_force;
  if (type != nullptr) {
    draft.insert(draft.end(), type->required.begin(), type->required.end());
    in_force.insert(in_force.end(), type->required_when_in_force.begin(),
                    type->required_when_in_force.end());
  }
  const std::vector<std::pair<std::string, std::string>> given = {
      {"id", fields.id},       {"title", fields.title},
      {"type", fields.type},   {"organisation", fields.organisation},
      {"status", "utkast"}};
  auto hint = [&](const std::string& name) {
    return config.text.Get("new_document.fields." + name);
  };
  // In the order README documents the fields, then the site's own in the order declared, so
  // every new document reads the same.
  std::vector<std::string> names = FrontMatterFieldNames();
  for (const std::string& name : config.FieldNames()) names.push_back(name);
  std::string text = "---\n";
  for (const std::string& name : names) {
    auto it = std::find_if(given.begin(), given.end(), [&](const auto& g) { return g.first == name; });
    const bool needed = Contains(draft, name) || it != given.end();
    if (!needed) continue;
    text += name + ":";
    if (it != given.end() && !it->second.empty()) text += " " + YamlScalar(it->second);
    text += "  # " + hint(name) + "\n";
  }
  std::string later;
  for (const std::string& name : names) {
    if (Contains(in_force, name) && !Contains(draft, name) && name != "status") {
      later += "# " + name + ":  # " + hint(name) + "\n";
    }
  }
  if (!later.empty()) text += "# " + config.text.Get("new_document.in_force") + "\n" + later;
  text += "---\n" + config.text.Get("new_document.body") + "\n";
  return text;
}

}  // namespace kansli
