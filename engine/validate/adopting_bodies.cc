// Who adopts what: kansli.yaml says which bodies may adopt each type (a policy by
// Kommunfullmäktige), and a document's adopted_by should be the body that took the decision
// that adopted it (named in its adopted_in, or naming it in its adopts).
#include <algorithm>
#include <map>

#include "validate/rules.h"

namespace kansli::rules {

void CheckAdoptingBodies(const std::vector<ParsedDocument>& docs, const SiteConfig& config,
                         Diagnostics& diags) {
  std::map<std::string, const FrontMatter*, std::less<>> by_id;
  for (const ParsedDocument& doc : docs) by_id.emplace(doc.document.id(), &doc.document.meta);
  // The decision that adopted each document: named in its adopted_in, or naming it in the
  // decision's adopts.
  std::map<std::string, std::string, std::less<>> adopted_in;
  for (const ParsedDocument& doc : docs) {
    for (const auto& adopted : doc.document.meta.adopts) {
      adopted_in.emplace(adopted.value, doc.document.id());
    }
  }
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
    std::string decision_id = meta.Value("adopted_in");
    if (decision_id.empty()) {
      auto named = adopted_in.find(doc.document.id());
      if (named == adopted_in.end()) continue;
      decision_id = named->second;
    }
    auto decision = by_id.find(decision_id);
    if (decision == by_id.end()) continue;  // reported as an unknown reference
    const std::string deciding = decision->second->Value("adopted_by");
    if (!deciding.empty() && deciding != body) {
      diags.Warning(meta.adopted_by->pos, Code::kAdoptingBodyMismatch,
                    "adopted_by says " + body + ", but the decision " + decision_id +
                        " that adopted it was taken by " + deciding,
                    {"write the body that took the decision that adopted it"});
    }
  }
}

}  // namespace kansli::rules
