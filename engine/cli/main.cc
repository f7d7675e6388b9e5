// cli/ owns the command line: arguments (CLI11), printing diagnostics, and exit codes
// 0 success (warnings allowed), 1 errors in the site, 2 usage errors, 3 I/O or internal errors.
#include <CLI/CLI.hpp>
#include <libxml/parser.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <utility>
#include <nlohmann/json.hpp>

#include "cli/version_text.h"
#include "diag/printer.h"
#include "diag/spellcheck.h"
#include "document/front_matter_schema.h"
#include "ledger/instant.h"
#include "pipeline/create_document.h"
#include "pipeline/pipeline.h"
#include "pipeline/verify.h"
#include "serve/serve_command.h"
#include "validate/validated_site.h"

namespace {

using kansli::Code;

enum ExitCode { kOk = 0, kSiteErrors = 1, kUsage = 2, kInternal = 3 };

// I/O and bugs are exit 3 so that automatic publishing can tell "fix the document" (1)
// from "fix the machine" (3).
int ExitCodeFor(const kansli::Diagnostics& diags) {
  if (!diags.HasErrors()) return kOk;
  for (const kansli::Diagnostic& d : diags.list()) {
    if (d.severity != kansli::Severity::kError) continue;
    if (kansli::IsEnvironmentCode(d.code)) return kInternal;
  }
  return kSiteErrors;
}

void PrintStageTimes(const kansli::StageTimes& times, std::ostream& out) {
  out << "Stage timings (wall):\n";
  double total = 0;
  for (const kansli::StageTimes::Stage& stage : times.stages()) {
    char line[128];
    std::snprintf(line, sizeof line, "  %-24s %9.1f ms\n", stage.name.c_str(), stage.ms);
    out << line;
    total += stage.ms;
  }
  char line[128];
  std::snprintf(line, sizeof line, "  %-24s %9.1f ms\n", "total", total);
  out << line;
  // kansli's own, without its children (Pagefind, the scripts' process), which GNU time's
  // figure for the whole command includes.
  rusage usage{};
  if (::getrusage(RUSAGE_SELF, &usage) == 0) {
    std::snprintf(line, sizeof line, "  %-24s %9ld MB\n", "peak memory (kansli)", usage.ru_maxrss / 1024);
    out << line;
  }
}

void PrintPdfTimings(const std::vector<kansli::PdfTiming>& pdfs, std::ostream& out) {
  out << "PDF timings (layout and writing, per document):\n";
  for (const kansli::PdfTiming& pdf : pdfs) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-50s %4d pages %9zu bytes %9.2f ms %7.2f ms/page\n",
                  pdf.id.c_str(), pdf.pages, pdf.bytes, pdf.ms,
                  pdf.pages > 0 ? pdf.ms / pdf.pages : 0.0);
    out << line;
  }
}

struct CommonFlags {
  std::string root = ".";
  std::string today;
  std::string format = "text";
  bool strict = false;
  unsigned jobs = 0;
  bool timings = false;
  bool quiet = false;
  bool no_cache = false;
};

// The site and how to build it: shared by check, build and serve.
void AddSiteFlags(CLI::App* command, CommonFlags& flags) {
  command->add_option("site", flags.root, "Site folder holding kansli.yaml")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  command->add_flag("--strict", flags.strict, "Treat warnings (e.g. overdue revision) as errors");
  command->add_option("--today", flags.today, "Fix today's date, YYYY-MM-DD, for reproducible runs")
      ->check([](const std::string& value) {
        return kansli::Date::Parse(value) ? std::string() : "--today must be a real YYYY-MM-DD date";
      });
  command->add_option("-j,--jobs", flags.jobs, "Parallel jobs (default: one per core)")
      ->envname("KANSLI_JOBS");
}

void AddCommonFlags(CLI::App* command, CommonFlags& flags) {
  AddSiteFlags(command, flags);
  command->add_option("--format", flags.format, "Diagnostics as text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_flag("-q,--quiet", flags.quiet,
                    "No progress line (shown on a terminal when a build takes over a second)");
}

// `kansli serve` has no --format (its diagnostics are shown in the browser) and adds where
// to listen.
void AddServeFlags(CLI::App* command, CommonFlags& flags, kansli::serve::ServeOptions& serve) {
  AddSiteFlags(command, flags);
  command->add_option("--host", serve.host, "Address to listen on (loopback unless you mean it)")
      ->capture_default_str();
  command->add_option("--port", serve.port, "Port to listen on; 0 picks a free one")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
}

void PrintDiagnostics(const CommonFlags& flags, const kansli::SourceTree& tree,
                      const kansli::Diagnostics& diags) {
  std::vector<kansli::Diagnostic> sorted = diags.Sorted();
  if (flags.format == "json") {
    kansli::PrintJson(std::cout, sorted);
    return;
  }
  kansli::PrintText(std::cerr, sorted, [&](const std::string& file, int line) {
    return tree.Line(file, line);
  });
  // Counted after duplicates are merged: a font missing for every document is one problem.
  auto count = [&](kansli::Severity severity) {
    return std::count_if(sorted.begin(), sorted.end(),
                         [&](const kansli::Diagnostic& d) { return d.severity == severity; });
  };
  if (diags.HasErrors() || diags.warning_count() > 0) {
    std::cerr << count(kansli::Severity::kError) << " error(s), "
              << count(kansli::Severity::kWarning) << " warning(s)\n";
  }
}

// A build allocates and frees about the same memory for every document. By default glibc
// hands freed memory back to the kernel (and serves blocks over 128 KB by mmap), so the next
// document faults the same pages in again, at some 10 us a page on a virtual machine: 0.4 ms
// of a 3-page PDF. Kept in the process instead, it is reused. The price: `kansli serve` holds
// on to what its largest rebuild used (tens of MB for a municipality's documents) until it
// stops; each rebuild reuses it.
void KeepFreedMemoryForReuse() {
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

void PrintVerifyJson(const kansli::VerifyReport& report, std::ostream& out) {
  nlohmann::json files = nlohmann::json::array();
  for (const kansli::FileVerdict& verdict : report.files) {
    nlohmann::json entry = {{"file", verdict.file},
                            {"sha256", verdict.sha256},
                            {"bytes", verdict.bytes},
                            {"official", verdict.official.has_value()},
                            {"answer", kansli::DescribeVerdict(verdict)}};
    auto version = [](const kansli::OfficialVersion& v) {
      return nlohmann::json{{"id", v.id},
                            {"title", v.published.title},
                            {"version", v.version.text()},
                            {"published", v.published.time},
                            {"valid_from", v.published.valid_from},
                            {"valid_to", v.valid_to},
                            {"status", std::string(kansli::StatusName(v.status))},
                            {"replaced_by", v.replaced_by},
                            {"pdf_sha256", v.published.pdf_sha256},
                            {"record", v.published.seq}};
    };
    if (verdict.official) entry["version"] = version(*verdict.official);
    if (verdict.claimed) entry["claims"] = version(*verdict.claimed);
    files.push_back(std::move(entry));
  }
  out << nlohmann::json{{"ledger", {{"records", report.records}, {"head", report.head}}},
                        {"official_pdfs", report.official_pdfs},
                        {"files", files}}
             .dump(2)
      << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  KeepFreedMemoryForReuse();
  CLI::App app{"kansli: publishes governance documents (styrdokument) as an intranet site and "
               "official PDFs"};
  app.require_subcommand(1);
  CommonFlags flags;
  std::string output;
  CLI::App* check = app.add_subcommand("check", "Validate the site and run its scripts; write nothing");
  AddCommonFlags(check, flags);
  CLI::App* build = app.add_subcommand("build", "Check, then publish HTML and PDF to the output folder");
  AddCommonFlags(build, flags);
  build->add_option("-o,--output", output, "Output folder (default: kansli.yaml's folders.output)");
  build->add_flag("--timings", flags.timings,
                  "Print each stage's wall time, and each official PDF's pages, bytes and "
                  "milliseconds (with -j1 for figures that do not share cores; with --no-cache "
                  "for every PDF)");
  build->add_flag("--no-cache", flags.no_cache,
                  "Render every document afresh, neither reading nor writing .kansli-cache/");
  CLI::App* publish = app.add_subcommand(
      "publish", "Build, and record every newly decided version in the archive and its ledger");
  AddCommonFlags(publish, flags);
  publish->add_option("-o,--output", output, "Output folder (default: kansli.yaml's folders.output)");
  publish->add_flag("--no-cache", flags.no_cache,
                    "Render every document afresh, neither reading nor writing .kansli-cache/");
  std::string now;
  publish->add_option("--now", now, "Fix the publication time, e.g. 2026-01-10T09:00:00Z (tests)")
      ->check([](const std::string& value) {
        return kansli::Instant::Parse(value) ? std::string()
                                             : "--now must be a time like 2026-01-10T09:00:00Z";
      });
  CLI::App* verify = app.add_subcommand(
      "verify", "Tell whether PDF files are official versions; without files, check the ledger "
                "and the archive");
  std::vector<std::string> verify_files;
  verify->add_option("files", verify_files, "PDF files to look up in the ledger");
  verify->add_option("--site", flags.root, "Site folder holding kansli.yaml")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  verify->add_option("--format", flags.format, "Answers as text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  kansli::NewDocumentFields new_fields;
  CLI::App* create = app.add_subcommand(
      "new", "Start a new document: a draft under content/ with every field its type needs");
  create->add_option("--type", new_fields.type, "Document type, one of kansli.yaml's types")
      ->required();
  create->add_option("--title", new_fields.title, "The document's title")->required();
  create->add_option("--organisation", new_fields.organisation,
                     "The organisation it applies to; it goes beside that organisation's documents");
  create->add_option("--id", new_fields.id, "Its id (default: made from the title)");
  create->add_option("--site", flags.root, "Site folder holding kansli.yaml")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  std::string schema_output;
  CLI::App* schema = app.add_subcommand(
      "schema", "Write the JSON Schema of the front matter, for an editor to check documents");
  schema->add_option("-o,--output", schema_output, "File to write (default: standard output)");
  schema->add_option("--site", flags.root, "Site folder holding kansli.yaml")
      ->check(CLI::ExistingDirectory)
      ->capture_default_str();
  kansli::serve::ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand(
      "serve", "Preview the site on a local web server; rebuild and reload on every edit");
  AddServeFlags(serve, flags, serve_options);
  app.set_version_flag("--version", [] { return kansli::VersionText(); },
                       "Print kansli's version and the versions of the libraries it links");
  // CLI11 would say only "A subcommand is required" for a command it does not know.
  std::vector<std::string> names;
  for (const CLI::App* command :
       std::as_const(app).get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  if (argc > 1 && argv[1][0] != '-' && std::find(names.begin(), names.end(), argv[1]) == names.end()) {
    std::cerr << "kansli: unknown command '" << argv[1] << "'\n";
    if (auto match = kansli::ClosestMatch(argv[1], names)) {
      std::cerr << "  hint: did you mean '" << *match << "'?\n";
    }
    std::cerr << "  the commands are: " << kansli::JoinNames(names)
              << " (kansli --help says what each does)\n";
    return kUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }

  kansli::PipelineOptions options{
      .root = flags.root, .strict = flags.strict, .jobs = flags.jobs, .cache = !flags.no_cache};
  if (!flags.today.empty()) options.today = kansli::Date::Parse(flags.today);
  if (!output.empty()) options.output = output;
  if (!now.empty()) {
    options.now = now;
    // A fixed publication time fixes "today" too, unless --today says otherwise.
    if (!options.today) options.today = kansli::Instant::Parse(now)->date();
  }

  xmlInitParser();  // libxml2's globals, once, before any thread uses it
  if (serve->parsed()) {
    serve_options.pipeline = options;
    try {
      return kansli::serve::RunServeCommand(serve_options, std::cout, std::cerr);
    } catch (const std::exception& e) {
      std::cerr << "kansli serve: internal error: " << e.what() << "\n";
      return kInternal;
    }
  }
  // On a terminal, a long build says how far it has come; logs and pipes never see it.
  kansli::ProgressLine progress(std::cerr, !flags.quiet && flags.format == "text" &&
                                               ::isatty(STDERR_FILENO) == 1);
  options.progress = &progress;
  kansli::StageTimes stage_times;
  if (flags.timings) options.stage_times = &stage_times;
  options.free_memory = false;  // this process ends when the command is done
  kansli::SourceTree tree = kansli::SourceTree::OnDisk(options.root);
  kansli::Diagnostics diags;
  std::optional<kansli::BuildSummary> summary;
  std::optional<kansli::VerifyReport> report;
  if (schema->parsed()) {
    std::optional<kansli::SiteConfig> config = kansli::LoadSiteConfig(tree, diags);
    if (config && kansli::CheckSiteSettings(*config, diags)) {
      const std::string text = kansli::FrontMatterSchema(*config);
      if (schema_output.empty()) {
        std::cout << text;
      } else if (!(std::ofstream(schema_output, std::ios::binary) << text)) {
        diags.Error({schema_output, 0, 0}, Code::kWriteFailed, "cannot write the schema");
      }
    }
    PrintDiagnostics(flags, tree, diags);
    return ExitCodeFor(diags);
  }
  if (create->parsed()) {
    std::optional<std::string> path = kansli::CreateDocument(tree, new_fields, diags);
    PrintDiagnostics(flags, tree, diags);
    if (path) {
      std::cout << "Wrote " << path->c_str() << ": fill in the fields whose comment says what to "
                << "write, then run kansli check\n";
    }
    return ExitCodeFor(diags);
  }
  try {
    if (check->parsed()) {
      kansli::Check(tree, options, diags);
    } else if (verify->parsed()) {
      report = kansli::Verify(tree, options, verify_files, diags);
    } else if (publish->parsed()) {
      summary = kansli::PublishSite(tree, options, diags);
    } else {
      summary = kansli::Build(tree, options, diags);
    }
  } catch (const std::exception& e) {
    diags.Error({}, Code::kInternalError, std::string("internal error: ") + e.what());
  }
  PrintDiagnostics(flags, tree, diags);
  int code = ExitCodeFor(diags);
  if (report) {
    // A file that is not official is the answer "no", exit 1, as grep says "not found".
    for (const kansli::FileVerdict& verdict : report->files) {
      if (!verdict.official && code == kOk) code = kSiteErrors;
    }
    if (flags.format == "json") {
      PrintVerifyJson(*report, std::cout);
    } else if (verify_files.empty()) {
      const bool torn = std::any_of(diags.list().begin(), diags.list().end(),
                                    [](const kansli::Diagnostic& d) {
                                      return d.code == kansli::Code::kLedgerTorn;
                                    });
      std::cout << "ledger intact: " << report->records << " records, head " << report->head
                << (torn ? " (its last line was cut short and is ignored)" : "") << "\n"
                << "archive intact: " << report->official_pdfs
                << " official PDFs and their sources match the ledger\n";
    } else {
      for (const kansli::FileVerdict& verdict : report->files) {
        std::cout << verdict.file << ": " << kansli::DescribeVerdict(verdict) << "\n";
      }
    }
    return code;
  }
  if (code == kOk && summary && summary->recorded > 0 && flags.format == "text") {
    std::cout << "Recorded " << summary->recorded << " new official version(s) or status "
              << "change(s) in " << summary->ledger << "\n";
  }
  if (code == kOk && summary && flags.format == "text") {
    std::cout << "Published " << summary->documents << " documents (" << summary->files
              << " files) to " << summary->output.string() << "/\n"
              << "  rendered: " << summary->rendered << " of " << summary->documents
              << " documents (the others unchanged, from " << kansli::kCacheFolder << "/)\n"
              << "  site: " << (summary->output / "html" / "index.html").string() << "\n"
              << "  PDFs: " << (summary->output / "pdf").string() << "/\n";
    if (flags.timings) {
      PrintPdfTimings(summary->pdfs, std::cout);
      PrintStageTimes(stage_times, std::cout);
    }
  }
  return code;
}
