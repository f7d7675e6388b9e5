#include "script/run_scripts.h"

#include <cstdio>

#include "script/child_process.h"
#include "script/run_context.h"
#include "script/script_outcome.h"
#include "script/script_run.h"

namespace kansli {
namespace {

void RunEach(const script::SiteIndex& index, const std::vector<const SourceFile*>& scripts,
             const ScriptLimits& limits, script::Collected& collected, Diagnostics& diags,
             const script::SendLine* send) {
  for (size_t i = 0; i < scripts.size(); ++i) {
    if (scripts[i] == nullptr) continue;
    if (send != nullptr) (*send)("B " + std::to_string(i));  // which script is running
    script::ScriptRun run(index, *scripts[i], limits, collected, diags);
    run.Run();
  }
}

}  // namespace

std::optional<Relations> RunScripts(const ValidatedSite& site,
                                    const std::vector<const SourceFile*>& scripts,
                                    const ScriptLimits& limits, Diagnostics& diags) {
  const int errors_before = diags.error_count();
  FrontMatterFieldNames();  // a static built now, not first inside a function Lua calls
  const script::SiteIndex index(site);
  script::Collected collected;
  // The in-Lua time limit stops ordinary runaways with a line number; the child process is
  // killed only if that limit could not act (a script inside C code), so it gets a margin.
  const double allowance = limits.max_seconds * 2 + 1;
  const script::ChildOutcome child = script::RunInChild(
      [&](const script::SendLine& send) {
        Diagnostics child_diags;
        RunEach(index, scripts, limits, collected, child_diags, &send);
        send("R " + script::EncodeOutcome(collected, child_diags));
      },
      allowance);
  const std::string* result =
      !child.lines.empty() && child.lines.back().starts_with("R ") ? &child.lines.back() : nullptr;
  // The script the child was running when it stopped: the last one it began.
  std::string running;
  for (const std::string& line : child.lines) {
    if (!line.starts_with("B ")) continue;
    const size_t i = std::stoul(line.substr(2));
    if (i < scripts.size() && scripts[i] != nullptr) running = scripts[i]->path();
  }
  if (child.status == script::ChildOutcome::Status::kFinished && result != nullptr) {
    std::optional<script::ScriptOutcome> outcome = script::DecodeOutcome(result->substr(2));
    if (!outcome) {
      diags.Error({running}, Code::kInternalError, "the scripts' results could not be read back");
      return std::nullopt;
    }
    collected = std::move(outcome->collected);
    diags.Append(outcome->diags);
  } else if (child.status == script::ChildOutcome::Status::kStuck) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.0f", allowance);
    diags.Error({running}, Code::kScriptTimeout,
                std::string("script did not return within ") + seconds +
                    " seconds and was stopped; it is stuck inside a library function, e.g. a "
                    "string pattern that backtracks",
                {"simplify the pattern: several '.-' or '.*' in one pattern try every way to "
                 "split the text"});
  } else if (child.lines.empty() && child.problem.find("fork") != std::string::npos) {
    // No process to spare (fork failed): run here, where the in-Lua limits still hold.
    RunEach(index, scripts, limits, collected, diags, nullptr);
  } else {
    diags.Error({running}, Code::kInternalError,
                "the process running the scripts ended unexpectedly: " + child.problem);
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  Relations relations;
  relations.relations.assign(collected.relations.begin(), collected.relations.end());
  relations.links = std::move(collected.links);
  relations.text_links = std::move(collected.texts);
  return relations;
}

}  // namespace kansli
