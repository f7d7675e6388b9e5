// A Lua script (the input, as scripts/fuzz.lua) run against a small site by the code the
// scripts' child process runs: ScriptRun in a fresh sandboxed state, its hooks, the kansli
// table and the document tables, under the sandbox's instruction, clock and memory limits.
// The script must never crash the process or reach outside the sandbox (sandbox_alarm.c
// aborts on any file, program or environment call while it runs), and what it produced must
// come back unchanged through the child's one line of JSON.
#include <string>
#include <tuple>

#include "fuzz/expect.h"
#include "fuzz/fuzz_site.h"
#include "fuzz/sandbox_alarm.h"
#include "script/run_context.h"
#include "script/script_outcome.h"
#include "script/script_run.h"
#include "site/site_graph.h"

namespace kansli::fuzz {
namespace {

// Headings, links, wiki links (to b, to nothing) and emphases (b's title, other text) for
// the hooks and the document tables.
constexpr char kBody[] = R"(## Syfte

Se [[b]], [[b|den andra policyn]] och [[saknas]], samt *Policy för länkar* och *annat*.

### Mål och medel

En [länk](https://intra.test/a) och ![Karta](bild.png).
)";

// Small enough that a runaway script costs milliseconds, not the production limits' seconds.
constexpr ScriptLimits kLimits{.max_instructions = 500'000,
                               .max_memory_bytes = 32u << 20,
                               .max_seconds = 1,
                               .max_reports = 50};

// Lua's pattern matcher backtracks inside C, where no instruction count reaches it: a pattern
// like ".-.-.-x" on a long subject runs for hours. kansli stops such a script by killing the
// child process that runs it (script/child_process.h, tested in tests/script); here, in one
// process, the four matching functions refuse a subject and pattern whose worst case is over
// ten million steps, (length + 1) ^ (quantifiers + 1). One line, so script lines stay the same.
constexpr char kPatternGuard[] =
    "do local find, match, gmatch, gsub, tostring, type, error = string.find, string.match, "
    "string.gmatch, string.gsub, tostring, type, error "
    "local function guard(f) return function(s, p, ...) "
    "if type(s) ~= 'table' and type(p) ~= 'table' then local n, q = #tostring(s), 0 "
    "for _ in gmatch(tostring(p), '[%*%+%-%?]') do q = q + 1 end "
    "if q > 0 and (n + 1) ^ (q + 1) > 1e7 then "
    "error('the fuzz harness refuses a pattern that could backtrack for long', 2) end end "
    "return f(s, p, ...) end end "
    "string.find, string.match, string.gmatch, string.gsub = "
    "guard(find), guard(match), guard(gmatch), guard(gsub) end ";

const FuzzSite& Site() {
  FrontMatterFieldNames();  // as RunScripts: built here, not first inside a function Lua calls
  static const FuzzSite site(DocumentText(kBody));
  Expect(site.site() != nullptr, "the Lua harness's site is not valid");
  return site;
}

auto Fields(const Diagnostic& d) { return std::tie(d.pos, d.severity, d.code, d.message, d.hints); }

// What the child sends is what the parent reads.
void ExpectRoundTrip(const script::Collected& collected, const Diagnostics& diags) {
  const std::string line = script::EncodeOutcome(collected, diags);
  Expect(line.find('\n') == std::string::npos, "the scripts' result line has a line break");
  std::optional<script::ScriptOutcome> back = script::DecodeOutcome(line);
  Expect(back.has_value(), "the scripts' result line cannot be read back", line);
  Expect(
      back->collected.relations == collected.relations && back->collected.links == collected.links,
      "relations or links change on their way back from the child", line);
  const std::vector<Diagnostic>& sent = diags.list();
  const std::vector<Diagnostic>& read = back->diags.list();
  bool same = sent.size() == read.size();
  for (size_t i = 0; same && i < sent.size(); ++i) same = Fields(sent[i]) == Fields(read[i]);
  Expect(same, "diagnostics change on their way back from the child", line);
}

}  // namespace
}  // namespace kansli::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kansli;
  const ValidatedSite& site = *fuzz::Site().site();
  static const script::SiteIndex index(site);
  Diagnostics diags;
  std::optional<SourceFile> script = SourceFile::FromBytes(
      "scripts/fuzz.lua", fuzz::kPatternGuard + std::string(fuzz::Input(data, size)), diags);
  if (!script) return 0;  // invalid-utf8: the pipeline runs no script then
  script::Collected collected;
  {
    fuzz::SandboxAlarm alarm;
    script::ScriptRun run(index, *script, fuzz::kLimits, collected, diags);
    run.Run();
  }
  fuzz::ExpectRoundTrip(collected, diags);
  // As RunScripts hands the result on.
  Relations relations;
  relations.relations.assign(collected.relations.begin(), collected.relations.end());
  relations.links = std::move(collected.links);
  SiteGraph graph(site, std::move(relations));
  return 0;
}
