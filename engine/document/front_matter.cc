#include "document/front_matter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "config/yaml_parse.h"
#include "diag/spellcheck.h"

namespace kansli {
namespace {

struct TextSpec {
  const char* name;
  TextField FrontMatter::*field;
};
struct ListSpec {
  const char* name;
  ListField FrontMatter::*field;
};

constexpr TextSpec kTextFields[] = {
    {"id", &FrontMatter::id},
    {"title", &FrontMatter::title},
    {"type", &FrontMatter::type},
    {"organisation", &FrontMatter::organisation},
    {"version", &FrontMatter::version},
    {"status", &FrontMatter::status},
    {"valid_from", &FrontMatter::valid_from},
    {"revised", &FrontMatter::revised},
    {"review_by", &FrontMatter::review_by},
    {"adopted_by", &FrontMatter::adopted_by},
    {"adopted_date", &FrontMatter::adopted_date},
    {"author", &FrontMatter::author},
    {"owner", &FrontMatter::owner},
    {"diary_number", &FrontMatter::diary_number},
    {"document_number", &FrontMatter::document_number},
    {"adopted_in", &FrontMatter::adopted_in},
    {"meeting_date", &FrontMatter::meeting_date},
    {"paragraph", &FrontMatter::paragraph},
};
constexpr ListSpec kListFields[] = {
    {"implements", &FrontMatter::implements},
    {"supersedes", &FrontMatter::supersedes},
    {"tags", &FrontMatter::tags},
    {"adopts", &FrontMatter::adopts},
    {"send_to", &FrontMatter::send_to},
};

}  // namespace

const std::vector<std::string>& FrontMatterFieldNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const TextSpec& spec : kTextFields) all.push_back(spec.name);
    for (const ListSpec& spec : kListFields) all.push_back(spec.name);
    return all;
  }();
  return names;
}

const TextField* FrontMatter::Text(std::string_view name) const {
  for (const TextSpec& spec : kTextFields) {
    if (name == spec.name) return &(this->*spec.field);
  }
  return nullptr;
}

const ListField* FrontMatter::List(std::string_view name) const {
  for (const ListSpec& spec : kListFields) {
    if (name == spec.name) return &(this->*spec.field);
  }
  return nullptr;
}

const SiteFieldValue* FrontMatter::SiteField(std::string_view name) const {
  for (const SiteFieldValue& field : site_fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

bool FrontMatter::Has(std::string_view name) const {
  if (const TextField* text = Text(name)) return text->has_value() && !(*text)->value.empty();
  if (const ListField* list = List(name)) return !list->empty();
  if (const SiteFieldValue* field = SiteField(name)) {
    return !field->items.empty() && !(field->items.size() == 1 && field->items[0].value.empty());
  }
  return false;
}

std::string FrontMatter::Value(std::string_view name) const {
  if (const TextField* text = Text(name)) return text->has_value() ? (*text)->value : std::string();
  const SiteFieldValue* field = SiteField(name);
  if (field == nullptr) return {};
  std::string value;
  for (const Spanned<std::string>& item : field->items) {
    if (!value.empty()) value += ", ";
    value += item.value;
  }
  return value;
}

std::optional<FrontMatterSplit> SplitFrontMatter(const SourceFile& file, Diagnostics& diags) {
  std::string_view text = file.text();  // CRLF normalised and BOM stripped when loaded
  size_t close = std::string_view::npos;
  size_t body = 0;
  if (text.starts_with("---\n")) {
    if (text.substr(4).starts_with("---\n") || text.substr(4) == "---") {
      close = 3;  // empty front matter
    } else {
      close = text.find("\n---\n", 3);
      if (close == std::string_view::npos && text.ends_with("\n---")) close = text.size() - 4;
    }
  }
  if (close == std::string_view::npos) {
    diags.Error(file.At(1, 1), Code::kMissingFrontMatter,
                text.starts_with("---")
                    ? "front matter is not closed: no '---' line after it"
                    : "a document must start with front matter between two '---' lines",
                {"the first line must be '---', then the fields, then '---' and the text"});
    return std::nullopt;
  }
  body = std::min(close + 5, text.size());
  std::string_view yaml = close > 3 ? text.substr(4, close - 3) : std::string_view();
  return FrontMatterSplit{.yaml = yaml,
                          .yaml_first_line = 2,
                          .body = text.substr(body),
                          .body_first_line = file.LineAt(body) + (body == text.size() ? 1 : 0)};
}

std::optional<FrontMatter> ParseFrontMatter(const SourceFile& file, const FrontMatterSplit& split,
                                            Diagnostics& diags,
                                            const std::vector<std::string>& site_fields) {
  auto pos = [&](const YAML::Mark& mark) { return YamlPos(file, mark, split.yaml_first_line); };
  std::variant<YAML::Node, YamlError> parsed = ParseYaml(file, split.yaml, split.yaml_first_line);
  if (YamlError* error = std::get_if<YamlError>(&parsed)) {
    if (error->hints.empty()) {
      error->hints.push_back("values with ':' or '#' need quotes, e.g. title: \"Plan: 2024\"");
    }
    diags.Error(error->pos, Code::kMalformedYaml,
                "front matter is not valid YAML: " + error->message, std::move(error->hints));
    return std::nullopt;
  }
  YAML::Node root = std::get<YAML::Node>(std::move(parsed));
  FrontMatter meta;
  meta.pos = file.At(1, 1);
  if (root.IsNull()) return meta;
  if (!root.IsMap()) {
    diags.Error(pos(root.Mark()), Code::kMalformedYaml,
                "front matter must be fields written 'name: value'");
    return std::nullopt;
  }
  std::set<std::string> seen;
  for (const auto& entry : root) {
    const YAML::Node& key = entry.first;
    const YAML::Node& value = entry.second;
    const std::string name = key.IsScalar() ? key.Scalar() : std::string();
    if (!seen.insert(name).second) {
      diags.Error(pos(key.Mark()), Code::kDuplicateField, "field '" + name + "' is given twice");
      continue;
    }
    // yaml-cpp keeps scalars as written, so "1.10" stays "1.10" and dates stay text.
    auto scalar_of = [&](const YAML::Node& node) -> std::optional<Spanned<std::string>> {
      if (node.IsNull()) return std::nullopt;
      if (!node.IsScalar()) return std::nullopt;
      return Spanned<std::string>{node.Scalar(), pos(node.Mark())};
    };
    bool known = false;
    for (const TextSpec& spec : kTextFields) {
      if (name != spec.name) continue;
      known = true;
      if (value.IsSequence() || value.IsMap()) {
        diags.Error(pos(value.Mark()), Code::kWrongFieldType,
                    "'" + name + "' must be a single value, not a list");
      } else if (value.IsNull()) {
        // "owner:" with nothing after it (as kansli new writes a field to fill in): empty,
        // and placed at its key, so that a missing-field error points at the line to fill.
        meta.*spec.field = Spanned<std::string>{"", pos(key.Mark())};
      } else {
        meta.*spec.field = scalar_of(value);
      }
    }
    for (const ListSpec& spec : kListFields) {
      if (name != spec.name) continue;
      known = true;
      ListField& list = meta.*spec.field;
      if (value.IsScalar()) {  // "implements: policy-x" means a list of one
        list.push_back({value.Scalar(), pos(value.Mark())});
      } else if (value.IsSequence()) {
        for (const YAML::Node& item : value) {
          if (auto text = scalar_of(item)) {
            list.push_back(std::move(*text));
          } else {
            diags.Error(pos(item.Mark()), Code::kWrongFieldType,
                        "each item of '" + name + "' must be a single value");
          }
        }
      } else if (value.IsMap()) {
        diags.Error(pos(value.Mark()), Code::kWrongFieldType,
                    "'" + name + "' must be a list, e.g. " + name + ": [a, b]");
      }
    }
    if (!known && std::find(site_fields.begin(), site_fields.end(), name) != site_fields.end()) {
      known = true;
      SiteFieldValue field{.name = name, .key_pos = pos(key.Mark())};
      if (value.IsSequence()) {
        field.written_as_list = true;
        for (const YAML::Node& item : value) {
          if (auto text = scalar_of(item)) {
            field.items.push_back(std::move(*text));
          } else {
            diags.Error(pos(item.Mark()), Code::kWrongFieldType,
                        "each item of '" + name + "' must be a single value");
          }
        }
      } else if (value.IsMap()) {
        diags.Error(pos(value.Mark()), Code::kWrongFieldType,
                    "'" + name + "' must be a value or a list, not fields of its own");
      } else if (auto text = scalar_of(value)) {
        field.items.push_back(std::move(*text));
      }
      meta.site_fields.push_back(std::move(field));
    }
    if (!known) {
      std::vector<std::string> names = FrontMatterFieldNames();
      names.insert(names.end(), site_fields.begin(), site_fields.end());
      std::vector<std::string> hints;
      if (auto match = ClosestMatch(name, names)) hints.push_back("did you mean '" + *match + "'?");
      hints.push_back(
          "a field of the site's own is declared under fields: in kansli.yaml, e.g. "
          "fields: {galler_for: {type: text, label: Gäller för}}");
      diags.Error(pos(key.Mark()), Code::kUnknownField, "unknown field '" + name + "'", hints);
    }
  }
  return meta;
}

}  // namespace kansli
