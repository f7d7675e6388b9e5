// The words readers see, in one place: layouts/text/<language>.yaml, chosen by `language:` in
// kansli.yaml. Templates read them as {{t.section.key}}; the HTML, PDF and diagnostics code
// asks for the keys listed in kRequiredTextKeys, so a translation missing one is an error at
// load time rather than a blank on a published page.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"
#include "source/source_file.h"

namespace kansli {

class SiteText {
 public:
  SiteText() = default;
  explicit SiteText(std::map<std::string, std::string, std::less<>> entries)
      : entries_(std::move(entries)) {}

  // The text for a dotted key ("fields.owner"); the key itself if absent, which only
  // happens for keys a template asks for (those are reported by the theme).
  std::string Get(std::string_view key) const;
  bool Has(std::string_view key) const { return entries_.contains(key); }
  // "fields.<field>": what readers call a front-matter field ("owner" → "Dokumentansvarig").
  std::string Field(std::string_view field) const;
  // Get(key) with each "{name}" replaced by its value: Format("register.count",
  // {{"shown", "2"}, {"total", "5"}}).
  std::string Format(std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& values) const;

  void Set(std::string key, std::string text) { entries_[std::move(key)] = std::move(text); }

  // Every key, dotted, in key order.
  const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }

 private:
  std::map<std::string, std::string, std::less<>> entries_;
};

// The keys C++ code asks for, so each translation must have them.
extern const std::vector<std::string_view> kRequiredTextKeys;

// Reads a text file: a YAML map of maps whose leaves are text. Reports config-error at the
// line of a non-text leaf and at the top for each key of kRequiredTextKeys it lacks.
std::optional<SiteText> LoadSiteText(const SourceFile& file, Diagnostics& diags);

}  // namespace kansli
