#include "script/run_scripts.h"

#include "script/run_context.h"
#include "script/script_run.h"
#include "script/watchdog.h"

namespace kansli {

std::optional<Relations> RunScripts(const ValidatedSite& site,
                                    const std::vector<const SourceFile*>& scripts,
                                    const ScriptLimits& limits, Diagnostics& diags) {
  const int errors_before = diags.error_count();
  FrontMatterFieldNames();  // a static built now, not first inside a function Lua calls
  const script::SiteIndex index(site);
  script::Collected collected;
  for (const SourceFile* file : scripts) {
    if (file == nullptr) continue;
    // The in-Lua time limit stops ordinary runaways with a line number; the watchdog only
    // fires if that limit could not act, so it gets a generous margin.
    script::Watchdog watchdog(file->path(), limits.max_seconds * 2 + 1);
    script::ScriptRun run(index, *file, limits, collected, diags);
    run.Run();
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  Relations relations;
  relations.relations.assign(collected.relations.begin(), collected.relations.end());
  relations.links = std::move(collected.links);
  return relations;
}

}  // namespace kansli
