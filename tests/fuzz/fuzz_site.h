// What the harnesses share: a fuzz input made into a small site the way `kansli check` makes
// one (parsed, images checked, validated), with the settings and texts read once per process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/site_config.h"
#include "diag/diagnostics.h"
#include "site/site_graph.h"
#include "validate/validated_site.h"

namespace kansli::fuzz {

// tests/support's test settings (types policy, plan and beslut) with the checkout's texts.
const SiteConfig& Config();
inline constexpr Date kToday{2026, 1, 1};

inline std::string_view Input(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input as the file content/a.md: as given when it starts with "---" (it brings its own
// front matter), else as the body of "a", a policy in force with every field the PDF's panel
// and the page's metadata show.
std::string DocumentText(std::string_view input);

// content/a.md with the text given and content/b.md, a policy "b" that a.md may refer and
// link to. Two images are in content/ for a.md to show: bild.png and foto.jpg. a.md's wiki
// links and emphasised titles are linked as a script could link them: of every three, the
// first to b, the second to a.md itself and the third not at all.
class FuzzSite {
 public:
  explicit FuzzSite(std::string_view a_md);
  FuzzSite(const FuzzSite&) = delete;  // the site points into files_
  FuzzSite& operator=(const FuzzSite&) = delete;

  // Null when parsing or validation reported an error: the pipeline renders nothing then.
  const SiteGraph* graph() const { return graph_.get(); }
  const ValidatedSite* site() const { return site_ ? &*site_ : nullptr; }
  // a.md's document in graph(); null when graph() is.
  const SiteDocument* document() const;
  // a.md's file; null if it is not UTF-8.
  const SourceFile* file() const;

  Diagnostics diags;

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
  std::optional<ValidatedSite> site_;
  std::unique_ptr<SiteGraph> graph_;
};

// The harnesses of a rendered document: `check(graph, document)` for a.md made from `input`
// (DocumentText), when the pipeline would render it. Returns libFuzzer's 0.
template <typename Check>
int CheckRenderable(std::string_view input, Check check) {
  const FuzzSite site(DocumentText(input));
  if (const SiteDocument* doc = site.document()) check(*site.graph(), *doc);
  return 0;
}

}  // namespace kansli::fuzz
