// The values of the site's own fields (kansli.yaml `fields:`), each checked against the kind
// of value its declaration names.
#include <algorithm>
#include <regex>

#include "diag/spellcheck.h"
#include "validate/rules.h"

namespace kansli::rules {
namespace {

// "12", "-3", "4.5" or, as Swedish writes it, "4,5".
bool IsNumber(const std::string& text) {
  static const std::regex number("-?[0-9]+([.,][0-9]+)?");
  return text.size() <= 40 && std::regex_match(text, number);
}

void CheckItem(const SiteField& field, const Spanned<std::string>& item, Diagnostics& diags) {
  const std::string& value = item.value;
  if (value.empty()) return;  // required-ness is CheckRequiredFields'
  switch (field.kind) {
    case SiteFieldKind::kText:
    case SiteFieldKind::kList:
      return;
    case SiteFieldKind::kDate:
      if (!Date::Parse(value)) {
        diags.Error(item.pos, Code::kInvalidDate,
                    field.name + " '" + value + "' is not a date written YYYY-MM-DD",
                    {"e.g. " + field.name + ": 2026-01-01"});
      }
      return;
    case SiteFieldKind::kNumber:
      if (!IsNumber(value)) {
        diags.Error(item.pos, Code::kInvalidFieldValue,
                    field.name + " '" + value + "' is not a number",
                    {"write digits, with a decimal point or comma if needed: 12 or 4,5"});
      }
      return;
    case SiteFieldKind::kChoice:
      if (std::find(field.choices.begin(), field.choices.end(), value) == field.choices.end()) {
        std::vector<std::string> hints;
        if (auto match = ClosestMatch(value, field.choices)) {
          hints.push_back("did you mean '" + *match + "'?");
        }
        hints.push_back(field.name + " is one of: " + JoinNames(field.choices));
        diags.Error(item.pos, Code::kInvalidFieldValue,
                    field.name + " '" + value + "' is not one of its values", hints);
      }
      return;
    case SiteFieldKind::kPattern:
      if (!MatchesWhole(field.compiled, value)) {
        diags.Error(item.pos, Code::kInvalidFieldValue,
                    field.name + " '" + value + "' is not written as the site writes it",
                    {"it must match " + field.pattern + " (fields." + field.name +
                     ".pattern in kansli.yaml)"});
      }
      return;
  }
}

}  // namespace

void CheckSiteFields(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags) {
  for (const SiteFieldValue& value : doc.document.meta.site_fields) {
    const SiteField* field = config.FindField(value.name);
    if (field == nullptr) continue;  // the parser only keeps declared ones
    if (value.written_as_list && field->kind != SiteFieldKind::kList) {
      diags.Error(value.items.empty() ? value.key_pos : value.items.front().pos,
                  Code::kWrongFieldType, "'" + value.name + "' must be a single value, not a list",
                  {"declare it with type: list in kansli.yaml to allow several"});
      continue;
    }
    for (const Spanned<std::string>& item : value.items) CheckItem(*field, item, diags);
  }
}

}  // namespace kansli::rules
