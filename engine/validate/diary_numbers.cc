// A diary number is written as its organisation's diary writes them (kansli.yaml's
// diary_numbers), so that a registrar finds the case from it.
#include "validate/rules.h"

namespace kansli::rules {
namespace {

// std::regex matches by recursion: a value far longer than any diary number is refused
// before it is matched, so a hostile one cannot exhaust the stack.
constexpr size_t kMaxDiaryNumberBytes = 200;

}  // namespace

void CheckDiaryNumber(const ParsedDocument& doc, const SiteConfig& config, Diagnostics& diags) {
  const FrontMatter& meta = doc.document.meta;
  if (!meta.diary_number || meta.diary_number->value.empty()) return;
  const DiaryNumberRule* rule = config.DiaryNumbersOf(meta.Value("organisation"));
  if (rule == nullptr || rule->compiled.empty()) return;
  const std::string& number = meta.diary_number->value;
  bool matches = false;
  if (number.size() <= kMaxDiaryNumberBytes) {
    for (const std::regex& pattern : rule->compiled) {
      matches = matches || std::regex_match(number, pattern);
    }
  }
  if (matches) return;
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
