// Ids are well-formed and unique; every id a document names exists.
#include <map>

#include "diag/spellcheck.h"
#include "document/document_id.h"
#include "document/lifecycle.h"
#include "validate/rules.h"

namespace kansli::rules {

void CheckIds(const std::vector<ParsedDocument>& docs, Diagnostics& diags) {
  std::map<std::string, const ParsedDocument*> first;
  for (const ParsedDocument& doc : docs) {
    const TextField& id = doc.document.meta.id;
    if (!id || id->value.empty()) continue;  // reported as a missing field
    if (!IsDocumentId(id->value)) {
      diags.Error(id->pos, Code::kInvalidId,
                  "id '" + id->value + "' must use only a-z, 0-9 and single '-'",
                  {"e.g. id: policy-internationellt-arbete (no å, ä, ö, spaces or capitals)"});
      continue;
    }
    // The site's own folders below html/: a document there would replace a site page.
    for (std::string_view folder :
         {"assets", "bilder", "granskning", "organisation", "tagg", "typ", "verifiera"}) {
      if (id->value == folder) {
        diags.Error(id->pos, Code::kInvalidId,
                    "id '" + id->value + "' is the name of one of the site's own folders",
                    {"choose a longer id, e.g. " + id->value + "-dokument"});
      }
    }
    auto [it, inserted] = first.emplace(id->value, &doc);
    if (!inserted) {
      const TextField& other = it->second->document.meta.id;
      diags.Error(id->pos, Code::kDuplicateId, "id '" + id->value + "' is already used",
                  {"first used at " + other->pos.file + ":" + std::to_string(other->pos.line)});
    }
  }
}

namespace {

// A document is adopted by one decision: a decision's adopts and the document's adopted_in
// name the same one, and no two decisions adopt the same document.
void CheckAdoptsAgrees(const ParsedDocument& decision,
                       const std::map<std::string, const ParsedDocument*>& by_id,
                       std::map<std::string, std::string>& adopted_by_decision,
                       Diagnostics& diags) {
  const std::string id = decision.document.id();
  for (const Spanned<std::string>& ref : decision.document.meta.adopts) {
    auto adopted = by_id.find(ref.value);
    if (adopted == by_id.end() || adopted->second == &decision) continue;  // reported above
    const std::string named = adopted->second->document.meta.Value("adopted_in");
    if (!named.empty() && named != id) {
      diags.Error(ref.pos, Code::kWrongReferenceType,
                  "adopts names '" + ref.value + "', whose adopted_in names another decision, '" +
                      named + "'",
                  {"a document is adopted by one decision: correct adopts here or adopted_in "
                   "in " + adopted->second->document.path()});
      continue;
    }
    auto [first, inserted] = adopted_by_decision.emplace(ref.value, id);
    if (!inserted && first->second != id) {
      diags.Error(ref.pos, Code::kWrongReferenceType,
                  "'" + ref.value + "' is adopted by two decisions, '" + first->second +
                      "' and this one",
                  {"a document is adopted by one decision; a later decision that changes it "
                   "adopts a new version"});
    }
  }
}

}  // namespace

void CheckReferences(const std::vector<ParsedDocument>& docs, Diagnostics& diags) {
  std::map<std::string, const ParsedDocument*> by_id;
  std::map<std::string, std::string> adopted_by_decision;  // document → the decision adopting it
  std::vector<std::string> ids;
  for (const ParsedDocument& doc : docs) {
    std::string id = doc.document.id();
    if (!id.empty() && by_id.emplace(id, &doc).second) ids.push_back(id);
  }
  for (const ParsedDocument& doc : docs) {
    const FrontMatter& meta = doc.document.meta;
    auto check = [&](const Spanned<std::string>& ref, std::string_view field) {
      auto it = by_id.find(ref.value);
      if (it == by_id.end()) {
        std::vector<std::string> hints;
        if (auto match = ClosestMatch(ref.value, ids)) {
          hints.push_back("did you mean '" + *match + "'?");
        }
        diags.Error(ref.pos, Code::kUnknownReference,
                    std::string(field) + " names '" + ref.value + "', but no document has that id",
                    hints);
      } else if (it->second == &doc) {
        diags.Error(ref.pos, Code::kSelfReference,
                    std::string(field) + " names the document itself");
      } else if (field == "adopted_in" && !IsDecision(it->second->document.meta)) {
        diags.Error(ref.pos, Code::kWrongReferenceType,
                    "adopted_in names '" + ref.value + "', which is a " +
                        it->second->document.meta.Value("type") + ", not a decision (beslut)");
      }
    };
    for (const auto& ref : meta.implements) check(ref, "implements");
    for (const auto& ref : meta.supersedes) check(ref, "supersedes");
    if (meta.adopted_in && !meta.adopted_in->value.empty()) check(*meta.adopted_in, "adopted_in");
    for (const auto& ref : meta.adopts) check(ref, "adopts");
    CheckAdoptsAgrees(doc, by_id, adopted_by_decision, diags);
    if (!meta.adopts.empty() && !IsDecision(meta)) {
      diags.Error(meta.adopts.front().pos, Code::kWrongReferenceType,
                  "only a decision (type beslut) adopts documents, and this is a " +
                      meta.Value("type"),
                  {"name the decision in this document's adopted_in instead"});
    }
  }
}

}  // namespace kansli::rules
