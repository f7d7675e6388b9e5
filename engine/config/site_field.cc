#include "config/site_field.h"

#include "config/config_reader.h"
#include "config/site_config.h"

namespace kansli {
namespace {

constexpr std::pair<SiteFieldKind, std::string_view> kKinds[] = {
    {SiteFieldKind::kText, "text"},     {SiteFieldKind::kDate, "date"},
    {SiteFieldKind::kNumber, "number"}, {SiteFieldKind::kList, "list"},
    {SiteFieldKind::kChoice, "choice"}, {SiteFieldKind::kPattern, "pattern"},
};

// Names a site field cannot take. Scripts see a document's table with a site field under its
// name beside these keys (docs/lua-api.md); the search index's records carry it beside
// "overdue" (the register's flag), "url", and Pagefind's own "image" and "image_alt".
// kansli's own front-matter fields are refused by validate/, which knows them.
constexpr std::string_view kTakenNames[] = {"path",    "headings", "links", "wiki_links",
                                            "emphases", "overdue",  "url",   "image",
                                            "image_alt"};

// A name front matter can carry and templates and Lua can use as a key: "galler_for".
bool IsFieldName(std::string_view name) {
  if (name.empty() || name.size() > 64 || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string InLanguage(const std::map<std::string, std::string>& texts, std::string_view language,
                       const std::string& fallback) {
  for (std::string_view key : {language, std::string_view(), std::string_view("sv")}) {
    if (auto it = texts.find(std::string(key)); it != texts.end()) return it->second;
  }
  return texts.empty() ? fallback : texts.begin()->second;
}

// `label: Gäller för`, or by language: `label: {sv: Gäller för, en: Applies to}`.
void ReadTexts(ConfigReader& reader, const YAML::Node& map, const char* key,
               std::map<std::string, std::string>& out) {
  YAML::Node node = map[key];
  if (!node) return;
  if (node.IsScalar()) {
    out[""] = node.Scalar();
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      if (!entry.second.IsScalar()) {
        reader.Error(entry.second, std::string(key) + " in each language must be text");
        continue;
      }
      out[entry.first.Scalar()] = entry.second.Scalar();
    }
  } else {
    reader.Error(node, std::string(key) + " must be text, or text by language",
                 {std::string(key) + ": {sv: Gäller för, en: Applies to}"});
  }
}

// `required: [policy, plan]` or `required: all`: the named types' lists gain the field.
void AddRequired(ConfigReader& reader, const YAML::Node& map, const char* key,
                 const std::string& field, std::vector<DocumentType>& types) {
  YAML::Node node = map[key];
  if (!node) return;
  const bool in_force = std::string_view(key) == "required_when_in_force";
  auto add = [&](DocumentType& type) {
    (in_force ? type.required_when_in_force : type.required).push_back(field);
  };
  if (node.IsScalar() && node.Scalar() == "all") {
    for (DocumentType& type : types) add(type);
    return;
  }
  if (!node.IsSequence()) {
    reader.Error(node, std::string(key) + " must be a list of document types, or all");
    return;
  }
  std::vector<std::string> known;
  for (const DocumentType& type : types) known.push_back(type.name);
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      reader.Error(item, std::string(key) + " must be a list of document types");
      continue;
    }
    const std::string& name = item.Scalar();
    auto type = std::find_if(types.begin(), types.end(),
                             [&](const DocumentType& t) { return t.name == name; });
    if (type != types.end()) {
      add(*type);
      continue;
    }
    std::vector<std::string> hints;
    if (auto match = ClosestMatch(name, known)) hints.push_back("did you mean '" + *match + "'?");
    hints.push_back("list document types from types:, or write " + std::string(key) + ": all");
    reader.Error(item, "field '" + field + "': " + key + " names '" + name +
                           "', which is not a document type",
                 hints);
  }
}

}  // namespace

std::string SiteField::Label(std::string_view language) const {
  return InLanguage(labels, language, name);
}

std::string SiteField::Description(std::string_view language) const {
  return InLanguage(descriptions, language, Label(language));
}

std::string_view SiteFieldKindName(SiteFieldKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "text";
}

std::vector<SiteField> ReadSiteFields(ConfigReader& reader, const YAML::Node& fields,
                                      std::vector<DocumentType>& types) {
  std::vector<SiteField> out;
  if (fields.IsNull()) return out;
  if (!fields.IsMap()) {
    reader.Error(fields, "fields must be a map of field name: settings",
                 {"e.g. fields: {galler_for: {type: text, label: Gäller för}}"});
    return out;
  }
  for (const auto& entry : fields) {
    SiteField field{.name = entry.first.Scalar(), .pos = reader.Pos(entry.first)};
    if (!IsFieldName(field.name)) {
      reader.Error(entry.first, "field name '" + field.name +
                                    "' must be a-z, 0-9 and '_', starting with a letter",
                   {"e.g. galler_for"});
      continue;
    }
    if (std::find(std::begin(kTakenNames), std::end(kTakenNames), field.name) !=
        std::end(kTakenNames)) {
      reader.Error(entry.first, "field name '" + field.name +
                                    "' is taken: scripts or the search index use it already",
                   {"give the field another name"});
      continue;
    }
    if (std::any_of(out.begin(), out.end(), [&](const SiteField& f) { return f.name == field.name; })) {
      reader.Error(entry.first, "field '" + field.name + "' is declared twice");
      continue;
    }
    const YAML::Node& settings = entry.second;
    if (!settings.IsMap()) {
      reader.Error(settings.IsNull() ? entry.first : settings,
                   "field '" + field.name + "' must be a map of settings (type, label, …)");
      continue;
    }
    reader.CheckKeys(settings, {"type", "label", "description", "values", "pattern", "show",
                                "required", "required_when_in_force"});
    std::string kind = "text";
    reader.Text(settings, "type", kind);
    auto known = std::find_if(std::begin(kKinds), std::end(kKinds),
                              [&](const auto& k) { return k.second == kind; });
    if (known == std::end(kKinds)) {
      std::vector<std::string> names;
      for (const auto& k : kKinds) names.emplace_back(k.second);
      std::vector<std::string> hints;
      if (auto match = ClosestMatch(kind, names)) hints.push_back("did you mean '" + *match + "'?");
      hints.push_back("type is one of: text, date, number, list, choice, pattern");
      reader.Error(settings["type"], "unknown field type '" + kind + "'", hints);
    } else {
      field.kind = known->first;
    }
    ReadTexts(reader, settings, "label", field.labels);
    ReadTexts(reader, settings, "description", field.descriptions);
    reader.List(settings, "values", field.choices);
    if (field.kind == SiteFieldKind::kChoice && field.choices.empty()) {
      reader.Error(settings["values"] ? settings["values"] : entry.first,
                   "field '" + field.name + "' is a choice: list its values",
                   {"values: [Offentlig, Intern]"});
    } else if (field.kind != SiteFieldKind::kChoice && settings["values"]) {
      reader.Error(settings["values"], "values is for a field of type choice");
    }
    reader.Text(settings, "pattern", field.pattern);
    if (field.kind == SiteFieldKind::kPattern) {
      if (field.pattern.empty()) {
        reader.Error(settings["pattern"] ? settings["pattern"] : entry.first,
                     "field '" + field.name + "' is a pattern: give the pattern",
                     {"pattern: '\\d{1,2}\\.\\d{1,2}'"});
      } else {
        try {
          field.compiled = std::regex(field.pattern, kPatternSyntax);
        } catch (const std::regex_error& e) {
          reader.Error(settings["pattern"],
                       "'" + field.pattern + "' is not a regular expression: " + e.what(),
                       {"write it as in JavaScript, e.g. '\\d{1,2}\\.\\d{1,2}'"});
        }
      }
    } else if (settings["pattern"]) {
      reader.Error(settings["pattern"], "pattern is for a field of type pattern");
    }
    if (YAML::Node show = settings["show"]) {
      field.on_page = field.in_pdf = false;
      if (!show.IsSequence()) {
        reader.Error(show, "show lists where the field is shown: [page, pdf], [page], [pdf] or []");
      } else {
        for (const YAML::Node& place : show) {
          if (place.IsScalar() && place.Scalar() == "page") {
            field.on_page = true;
          } else if (place.IsScalar() && place.Scalar() == "pdf") {
            field.in_pdf = true;
          } else {
            reader.Error(place, "show lists where the field is shown: page, pdf (or neither: [])");
          }
        }
      }
    }
    AddRequired(reader, settings, "required", field.name, types);
    AddRequired(reader, settings, "required_when_in_force", field.name, types);
    out.push_back(std::move(field));
  }
  return out;
}

}  // namespace kansli
