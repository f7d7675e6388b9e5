// A front-matter field a site declares for itself under `fields:` in kansli.yaml ("Gäller
// för", "Sekretess"): its kind of value, what readers call it, where it is shown and which
// document types require it.
#pragma once

#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "source/source_file.h"

namespace YAML {
class Node;
}

namespace kansli {

class ConfigReader;
struct DocumentType;

enum class SiteFieldKind { kText, kDate, kNumber, kList, kChoice, kPattern };

struct SiteField {
  std::string name;  // as written in front matter: "galler_for"
  SiteFieldKind kind = SiteFieldKind::kText;
  // By language code ("sv", "en"); a label written as plain text is stored under "".
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> descriptions;  // what to write, for kansli new and editors
  std::vector<std::string> choices;  // kChoice: the values allowed
  std::string pattern;               // kPattern: ECMAScript, matched against the whole value
  std::regex compiled;               // pattern, compiled when kansli.yaml was read
  bool on_page = true;  // in the metadata box of its page (and so in the search index)
  bool in_pdf = true;   // in the PDF's title block
  SourcePos pos;        // where the field is declared in kansli.yaml

  // The label in `language`, else the plain one, else Swedish, else the field's name.
  std::string Label(std::string_view language) const;
  std::string Description(std::string_view language) const;
};

std::string_view SiteFieldKindName(SiteFieldKind kind);  // "text", "date", …

// How kansli.yaml's patterns (site fields, diary numbers) are compiled: JavaScript's syntax,
// matched in polynomial time (libstdc++'s breadth-first executor), so that no pattern and
// value can make a check take minutes; back-references are refused.
inline constexpr std::regex::flag_type kPatternSyntax =
    std::regex::ECMAScript | std::regex_constants::__polynomial;

// Whether `pattern` (compiled with kPatternSyntax) matches the whole of `value`. A value far
// longer than any diary number or field value is refused unmatched, so that no hostile one
// can exhaust the matcher's stack.
inline bool MatchesWhole(const std::regex& pattern, const std::string& value) {
  constexpr size_t kMaxBytes = 200;
  return value.size() <= kMaxBytes && std::regex_match(value, pattern);
}

// Reads `fields:`. Each field's `required` and `required_when_in_force` (type names, or
// `all`) are added to those types' lists, so a site field is required like a built-in one.
// That a site field does not take the name of one of kansli's own is checked by validate/.
std::vector<SiteField> ReadSiteFields(ConfigReader& reader, const YAML::Node& fields,
                                      std::vector<DocumentType>& types);

}  // namespace kansli
