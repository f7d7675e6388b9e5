#include "document/front_matter_schema.h"

#include <nlohmann/json.hpp>

#include "document/front_matter.h"

namespace kansli {
namespace {

using nlohmann::json;

constexpr char kIdPattern[] = "^[a-z0-9]+(-[a-z0-9]+)*$";
constexpr char kDatePattern[] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
constexpr char kVersionPattern[] = "^[1-9][0-9]*(\\.[0-9]+)?$";
constexpr char kParagraphPattern[] = "^(§ ?)?[1-9][0-9]{0,4}[a-z]?$";

json DateField() { return {{"type", "string"}, {"format", "date"}, {"pattern", kDatePattern}}; }

// kansli reads "implements: a" as a list of one.
json ListOrOne(json item) {
  return {{"anyOf", json::array({item, {{"type", "array"}, {"items", item}}})}};
}

json FieldSchema(const std::string& name, const SiteConfig& config) {
  const json text = {{"type", "string"}, {"minLength", 1}};
  const json id = {{"type", "string"}, {"pattern", kIdPattern}, {"maxLength", 100}};
  if (name == "id" || name == "adopted_in") return id;
  if (name == "type") {
    json types = json::array();
    for (const std::string& type : config.TypeNames()) types.push_back(type);
    return {{"enum", types}};
  }
  if (name == "status") return {{"enum", {"utkast", "gällande", "upphävd", "ersatt"}}};
  if (name == "version") {
    // An editor reads "version: 2" as a number; kansli keeps it as written.
    return {{"anyOf", json::array({{{"type", "integer"}, {"minimum", 1}},
                                   {{"type", "number"}, {"exclusiveMinimum", 0}},
                                   {{"type", "string"}, {"pattern", kVersionPattern}}})}};
  }
  if (name == "valid_from" || name == "revised" || name == "review_by" ||
      name == "adopted_date" || name == "meeting_date") {
    return DateField();
  }
  if (name == "paragraph") {
    // "paragraph: 127" is a number to an editor; "§ 127" text.
    return {{"anyOf", json::array({{{"type", "integer"}, {"minimum", 1}, {"maximum", 99999}},
                                   {{"type", "string"}, {"pattern", kParagraphPattern}}})}};
  }
  if (name == "implements" || name == "supersedes" || name == "adopts") return ListOrOne(id);
  if (name == "tags" || name == "send_to") return ListOrOne(text);
  return text;
}

// A site field's values as kansli checks them (validate/site_fields.cc).
json SiteFieldSchema(const SiteField& field) {
  const json text = {{"type", "string"}};
  switch (field.kind) {
    case SiteFieldKind::kText:
      return {{"type", {"string", "number", "boolean"}}};
    case SiteFieldKind::kDate:
      return DateField();
    case SiteFieldKind::kNumber:
      // An editor reads "12" as a number and "4,5" as text; kansli takes both.
      return {{"anyOf", json::array({{{"type", "number"}},
                                     {{"type", "string"}, {"pattern", "^-?[0-9]+([.,][0-9]+)?$"}}})}};
    case SiteFieldKind::kList:
      return ListOrOne({{"type", {"string", "number", "boolean"}}});
    case SiteFieldKind::kChoice: {
      // kansli compares the text as written: "values: [1, 2]" and "niva: 1" agree, though an
      // editor reads the 1 as a number.
      json values = json::array();
      for (const std::string& choice : field.choices) {
        values.push_back(choice);
        json number = json::parse(choice, nullptr, false);
        if (number.is_number() && number.dump() == choice) values.push_back(number);
      }
      return {{"enum", values}};
    }
    case SiteFieldKind::kPattern:
      // kansli matches the whole value; a JSON Schema pattern matches anywhere in it. A value
      // an editor reads as a number ("3.1") cannot be matched by a pattern: it is let through.
      return {{"anyOf", json::array({{{"type", "string"}, {"pattern", "^(?:" + field.pattern + ")$"}},
                                     {{"type", "number"}}})}};
  }
  return text;
}

// "if" the document has these field values, "then" it needs those fields.
json RequiredWhen(const json& values, const std::vector<std::string>& fields) {
  json properties = json::object();
  json required = json::array();
  for (const auto& [field, value] : values.items()) {
    properties[field] = {{"const", value}};
    required.push_back(field);
  }
  return {{"if", {{"properties", properties}, {"required", required}}},
          {"then", {{"required", fields}}}};
}

}  // namespace

std::string FrontMatterSchema(const SiteConfig& config) {
  json properties = json::object();
  for (const std::string& name : FrontMatterFieldNames()) {
    json field = FieldSchema(name, config);
    field["title"] = config.text.Field(name);
    field["description"] = config.text.Field(name) + ": " +
                           config.text.Get("new_document.fields." + name);
    properties[name] = std::move(field);
  }
  for (const SiteField& declared : config.fields) {
    json field = SiteFieldSchema(declared);
    field["title"] = config.text.Field(declared.name);
    field["description"] = config.text.Get("new_document.fields." + declared.name);
    properties[declared.name] = std::move(field);
  }
  json all_of = json::array();
  if (!config.required_when_in_force.empty()) {
    all_of.push_back(RequiredWhen({{"status", "gällande"}}, config.required_when_in_force));
  }
  for (const DocumentType& type : config.types) {
    if (!type.required.empty()) all_of.push_back(RequiredWhen({{"type", type.name}}, type.required));
    if (!type.required_when_in_force.empty()) {
      all_of.push_back(RequiredWhen({{"type", type.name}, {"status", "gällande"}},
                                    type.required_when_in_force));
    }
    if (!type.adopted_by.empty()) {
      all_of.push_back({{"if", {{"properties", {{"type", {{"const", type.name}}}}},
                                {"required", {"type"}}}},
                        {"then", {{"properties", {{"adopted_by", {{"enum", type.adopted_by}}}}}}}});
    }
  }
  for (const DiaryNumberRule& rule : config.diary_numbers) {
    if (rule.patterns.empty()) continue;
    json any = json::array();
    // kansli matches the whole number; a JSON Schema pattern matches anywhere in it.
    for (const std::string& pattern : rule.patterns) {
      any.push_back({{"pattern", "^(?:" + pattern + ")$"}});
    }
    all_of.push_back(
        {{"if", {{"properties", {{"organisation", {{"const", rule.organisation}}}}},
                 {"required", {"organisation"}}}},
         {"then", {{"properties", {{"diary_number", {{"type", "string"}, {"anyOf", any}}}}}}}});
  }
  json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", config.base_url + "front-matter.schema.json"},
      {"title", config.name},
      {"description", "The front matter of a document of " + config.name +
                          ", as kansli checks it. Generated by kansli schema from kansli.yaml."},
      {"type", "object"},
      {"properties", properties},
      {"required", config.required},
      {"additionalProperties", false},
  };
  if (!all_of.empty()) schema["allOf"] = all_of;
  return schema.dump(2) + "\n";
}

}  // namespace kansli
