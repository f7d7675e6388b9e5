// Who adopts what: kansli.yaml says which bodies may adopt each type (a policy by
// Kommunfullmäktige), and a document's adopted_by should be the body that took the decision
// named in its adopted_in.
#include <algorithm>
#include <map>

#include "validate/rules.h"

namespace kansli::rules {

void CheckAdoptingBodies(const std::vector<ParsedDocument>& docs, const SiteConfig& config,
                         Diagnostics& diags) {
  std::map<std::string, const FrontMatter*, std::less<>> by_id;
  for (const ParsedDocument& doc : docs) by_id.emplace(doc.document.id(), &doc.document.meta);
  for (const ParsedDocument& doc : docs) {
    const FrontMatter& meta = doc.document.meta;
    if (!meta.adopted_by || meta.adopted_by->value.empty()) continue;
    const std::string& body = meta.adopted_by->value;
    const DocumentType* type = config.FindType(meta.Value("type"));
    if (type != nullptr && !type->adopted_by.empty() &&
        std::find(type->adopted_by.begin(), type->adopted_by.end(), body) ==
            type->adopted_by.end()) {
      std::string allowed;
      for (const std::string& name : type->adopted_by) {
        allowed += (allowed.empty() ? "" : " or ") + name;
      }
      diags.Error(meta.adopted_by->pos, Code::kBodyNotAllowed,
                  "a " + type->name + " is adopted by " + allowed + ", not by " + body,
                  {"kansli.yaml says which bodies adopt each type (types: " + type->name +
                   ": adopted_by)"});
    }
    if (!meta.adopted_in || meta.adopted_in->value.empty()) continue;
    auto decision = by_id.find(meta.adopted_in->value);
    if (decision == by_id.end()) continue;  // reported as an unknown reference
    const std::string deciding = decision->second->Value("adopted_by");
    if (!deciding.empty() && deciding != body) {
      diags.Warning(meta.adopted_by->pos, Code::kAdoptingBodyMismatch,
                    "adopted_by says " + body + ", but the decision " + meta.adopted_in->value +
                        " that adopted it was taken by " + deciding,
                    {"write the body that took the decision named in adopted_in"});
    }
  }
}

}  // namespace kansli::rules
