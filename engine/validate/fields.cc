// Required fields per type and status, and the closed vocabularies (type, status).
#include <algorithm>

#include "document/lifecycle.h"
#include "diag/spellcheck.h"
#include "validate/rules.h"
#include "validate/status.h"

namespace kansli::rules {
namespace {

constexpr std::string_view kStatuses[] = {"utkast", "gällande", "upphävd", "ersatt"};

// Every later stage relies on these (the id names the page and the PDF), so they are required
// whatever kansli.yaml says.
constexpr const char* kAlwaysRequired[] = {"id", "title", "type"};

}  // namespace

void CheckConfigFields(const SiteConfig& config, Diagnostics& diags) {
  std::vector<std::string> known = FrontMatterFieldNames();
  for (const SiteField& field : config.fields) {
    if (std::find(known.begin(), known.end(), field.name) != known.end()) {
      diags.Error(field.pos, Code::kConfigError,
                  "field '" + field.name + "' is one of kansli's own fields",
                  {"give the site's field another name"});
    }
  }
  for (const std::string& name : config.FieldNames()) known.push_back(name);
  auto check = [&](const std::vector<std::string>& fields, const std::string& where) {
    for (const std::string& field : fields) {
      if (std::find(known.begin(), known.end(), field) != known.end()) continue;
      std::vector<std::string> hints;
      if (auto match = ClosestMatch(field, known)) hints.push_back("did you mean '" + *match + "'?");
      diags.Error({"kansli.yaml", 0, 0}, Code::kConfigError,
                  where + " names '" + field + "', which is not a front-matter field", hints);
    }
  };
  check(config.required, "required");
  check(config.required_when_in_force, "required_when_in_force");
  for (const DocumentType& type : config.types) {
    check(type.required, "types." + type.name + ".required");
    check(type.required_when_in_force, "types." + type.name + ".required_when_in_force");
  }
}

void CheckRequiredFields(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags) {
  const FrontMatter& meta = doc.document.meta;
  const DocumentType* type = config.FindType(meta.Value("type"));
  const bool in_force = InForce(meta);
  std::vector<std::pair<std::string, std::string>> required;  // field, why
  for (const char* f : kAlwaysRequired) required.push_back({f, ""});
  for (const std::string& f : config.required) required.push_back({f, ""});
  if (type != nullptr) {
    for (const std::string& f : type->required) required.push_back({f, "for type " + type->name});
  }
  if (in_force) {
    for (const std::string& f : config.required_when_in_force) {
      required.push_back({f, "once status is gällande"});
    }
    if (type != nullptr) {
      for (const std::string& f : type->required_when_in_force) {
        required.push_back({f, "for a " + type->name + " in force (status gällande)"});
      }
    }
  }
  std::vector<std::string> reported;
  for (const auto& [field, why] : required) {
    if (meta.Has(field) || std::find(reported.begin(), reported.end(), field) != reported.end()) {
      continue;
    }
    reported.push_back(field);
    std::string message = "missing " + field + " (" + config.text.Field(field) + ")";
    if (!why.empty()) message += ", required " + why;
    SourcePos pos = meta.pos;
    std::string hint = "add a line '" + field + ": …' to the front matter";
    if (const TextField* text = meta.Text(field); text != nullptr && text->has_value()) {
      pos = (*text)->pos;  // present but empty
      hint = "write its value after '" + field + ":'";
    } else if (const SiteFieldValue* value = meta.SiteField(field)) {
      pos = value->key_pos;
      hint = "write its value after '" + field + ":'";
    }
    diags.Error(pos, Code::kMissingField, message, {hint});
  }
}

void CheckTypeAndStatus(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags) {
  const FrontMatter& meta = doc.document.meta;
  if (meta.type && !meta.type->value.empty() && config.FindType(meta.type->value) == nullptr) {
    std::vector<std::string> hints;
    if (auto match = ClosestMatch(meta.type->value, config.TypeNames())) {
      hints.push_back("did you mean '" + *match + "'?");
    }
    hints.push_back("the types in kansli.yaml are: " + JoinNames(config.TypeNames()));
    diags.Error(meta.type->pos, Code::kUnknownType,
                "unknown document type '" + meta.type->value + "'", hints);
  }
  if (meta.status && !meta.status->value.empty()) {
    if (!ParseStatus(meta.status->value)) {
      const std::vector<std::string> statuses(std::begin(kStatuses), std::end(kStatuses));
      std::vector<std::string> hints;
      if (auto match = ClosestMatch(meta.status->value, statuses)) {
        hints.push_back("did you mean '" + *match + "'?");
      }
      hints.push_back("status is one of: utkast, gällande, upphävd, ersatt");
      diags.Error(meta.status->pos, Code::kUnknownStatus,
                  "unknown status '" + meta.status->value + "'", hints);
    }
  }
}

}  // namespace kansli::rules
