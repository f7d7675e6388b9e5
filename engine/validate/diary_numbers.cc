// A diary number is written as its organisation's diary writes them (kansli.yaml's
// diary_numbers), so that a registrar finds the case from it.
#include "validate/rules.h"

namespace kansli::rules {

void CheckDiaryNumber(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags) {
  const FrontMatter& meta = doc.document.meta;
  if (!meta.diary_number || meta.diary_number->value.empty()) return;
  const DiaryNumberRule* rule = config.DiaryNumbersOf(meta.Value("organisation"));
  if (rule == nullptr || rule->compiled.empty()) return;
  const std::string& number = meta.diary_number->value;
  for (const std::regex& pattern : rule->compiled) {
    if (MatchesWhole(pattern, number)) return;
  }
  std::string patterns;
  for (const std::string& pattern : rule->patterns) {
    patterns += (patterns.empty() ? "" : " or ") + pattern;
  }
  diags.Error(meta.diary_number->pos, Code::kDiaryNumberFormat,
              "diary number '" + number + "' is not written as " + rule->organisation +
                  " writes its diary numbers",
              {"it must match " + patterns + " (diary_numbers in kansli.yaml)"});
}

}  // namespace kansli::rules
