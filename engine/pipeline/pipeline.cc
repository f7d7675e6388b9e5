// The stages, in the order they run:
//   1. source     read kansli.yaml and content/ once                   (serial: I/O)
//   2. document   split front matter, parse YAML and Markdown          (parallel per document)
//   3. validate   fields, dates, versions, ids, references             (serial: site-wide)
//   4. script     Lua scripts relate and link documents                (serial: site-wide)
//   5. site       SiteGraph: relations both ways, permalinks           (serial)
//   6. render     PDF, then the HTML page showing its SHA-256          (parallel per document)
//                 register, search index, dashboard, pages per
//                 organisation/type/tag, feeds, sitemap, 404, manifest (serial: site-wide)
//   7. publish    staging folder, fsync, one rename                    (serial)
// Nothing is published unless every stage passed.
#include "pipeline/pipeline.h"

#include <chrono>
#include <future>
#include <memory>
#include <system_error>

#include "config/site_config.h"
#include "document/lifecycle.h"
#include "pipeline/parallel_for.h"
#include "publish/manifest.h"
#include "publish/publish.h"
#include "render/html/html_site.h"
#include "render/html/published_images.h"
#include "render/pdf/layout/hyphenator.h"
#include "render/pdf/writer/render_pdf.h"
#include "script/run_scripts.h"
#include "site/site_graph.h"
#include "source/sha256.h"
#include "validate/validated_site.h"

namespace kansli {
namespace {

unsigned Jobs(const PipelineOptions& options) {
  return options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

// What check produces and build goes on from. The graph points into site and config.
struct CheckedSite {
  SiteConfig config;
  std::optional<ValidatedSite> site;
  std::unique_ptr<SiteGraph> graph;
};

std::unique_ptr<CheckedSite> RunCheck(SourceTree& tree, const PipelineOptions& options,
                                      Diagnostics& diags) {
  auto checked = std::make_unique<CheckedSite>();
  std::optional<SiteConfig> config = LoadSiteConfig(tree, diags);
  if (!config) return nullptr;
  checked->config = std::move(*config);

  std::vector<const SourceFile*> files = tree.Folder(checked->config.content_dir, ".md", diags);
  std::vector<std::optional<ParsedDocument>> parsed(files.size());
  std::vector<Diagnostics> parse_diags(files.size());
  ParallelFor(files.size(), Jobs(options),
              [&](size_t i) { parsed[i] = ParseDocument(*files[i], parse_diags[i]); });
  std::vector<ParsedDocument> documents;
  for (size_t i = 0; i < files.size(); ++i) {
    diags.Append(parse_diags[i]);
    if (parsed[i]) documents.push_back(std::move(*parsed[i]));
  }

  const Clock clock = options.today ? Clock::Fixed(*options.today) : Clock::System();
  // Images are binary, so they are read beside the SourceTree (which holds text).
  const std::filesystem::path root = tree.root().empty() ? options.root : tree.root();
  SiteImages images = ResolveImages(
      documents, checked->config.content_dir,
      root.empty() ? ImageFiles::InMemory({}) : ImageFiles::OnDisk(root), diags);
  // Validation runs even after a parse error elsewhere, so one run reports every problem.
  checked->site = Validate(std::move(documents), checked->config, clock, diags);
  if (!checked->site || diags.HasErrors()) return nullptr;
  checked->site->images = std::move(images);

  std::vector<const SourceFile*> scripts;
  for (const std::string& path : checked->config.scripts) {
    if (const SourceFile* script = tree.File(path, diags)) scripts.push_back(script);
  }
  if (diags.HasErrors()) return nullptr;
  std::optional<Relations> relations = RunScripts(
      *checked->site, scripts, ScriptLimits{.max_seconds = checked->config.script_seconds}, diags);
  if (!relations) return nullptr;
  checked->graph = std::make_unique<SiteGraph>(*checked->site, std::move(*relations));

  if (options.strict) diags.PromoteWarnings();
  if (diags.HasErrors()) return nullptr;
  return checked;
}

std::optional<std::vector<OutputFile>> Render(SourceTree& tree, const SiteGraph& graph,
                                              const PipelineOptions& options,
                                              std::vector<PdfTiming>& timings, Diagnostics& diags) {
  std::optional<HtmlTheme> theme = LoadHtmlTheme(tree, graph.config(), diags);
  if (!theme) return std::nullopt;
  const std::vector<SiteDocument>& docs = graph.documents();
  std::vector<OutputFile> pages(docs.size());
  std::vector<std::optional<RenderedPdf>> pdfs(docs.size());
  timings.assign(docs.size(), PdfTiming{});
  std::vector<Diagnostics> doc_diags(docs.size());
  const std::filesystem::path root = tree.root().empty() ? options.root : tree.root();
  // The PDF first: the page shows its SHA-256 and size.
  ParallelFor(docs.size(), Jobs(options), [&](size_t i) {
    const auto start = std::chrono::steady_clock::now();
    pdfs[i] = RenderPdf(graph, docs[i], root, doc_diags[i]);
    if (!pdfs[i]) return;
    const std::string& bytes = pdfs[i]->file.bytes;
    timings[i] = PdfTiming{
        .id = docs[i].id,
        .pages = pdfs[i]->pages,
        .bytes = bytes.size(),
        .ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                  .count()};
    const PdfFacts facts{.sha256 = Sha256Hex(bytes), .bytes = bytes.size()};
    pages[i] = RenderDocumentPage(graph, docs[i], facts, *theme, doc_diags[i]);
  });
  for (const Diagnostics& d : doc_diags) diags.Append(d);
  if (diags.HasErrors()) return std::nullopt;

  std::vector<OutputFile> files;
  std::vector<PublishedVersion> versions;
  for (size_t i = 0; i < docs.size(); ++i) {
    versions.push_back(PublishedVersion{.path = pdfs[i]->file.path,
                                        .id = docs[i].id,
                                        .version = docs[i].meta().Value("version"),
                                        .revised = VersionDate(docs[i].meta())});
    files.push_back(std::move(pages[i]));
    files.push_back(std::move(pdfs[i]->file));
  }
  for (OutputFile& page : RenderSitePages(graph, *theme, diags)) files.push_back(std::move(page));
  for (OutputFile& asset : RenderAssets(*theme)) files.push_back(std::move(asset));
  for (OutputFile& image : html::RenderImageFiles(graph)) files.push_back(std::move(image));
  files.push_back(WriteSitemap(graph));
  if (options.strict) diags.PromoteWarnings();  // renderers may warn too
  if (diags.HasErrors()) return std::nullopt;
  files.push_back(MakeManifest(files, versions));
  return files;
}

// The Swedish hyphenation patterns take some 16 ms to load, once per process, and the first
// PDF waits for them. Loaded on another thread while the site is checked, they are ready by
// then. The future's destructor waits for the load, on every way out of Build.
std::future<void> LoadHyphenationPatterns() {
  try {
    return std::async(std::launch::async, [] { pdf::HyphenationAvailable(); });
  } catch (const std::system_error&) {
    return {};  // no thread to spare: the first PDF loads them
  }
}

}  // namespace

bool Check(SourceTree& tree, const PipelineOptions& options, Diagnostics& diags) {
  return RunCheck(tree, options, diags) != nullptr;
}

std::optional<BuildSummary> Build(SourceTree& tree, const PipelineOptions& options,
                                  Diagnostics& diags) {
  const std::future<void> patterns = LoadHyphenationPatterns();
  std::unique_ptr<CheckedSite> checked = RunCheck(tree, options, diags);
  if (!checked) return std::nullopt;
  std::vector<PdfTiming> timings;
  std::optional<std::vector<OutputFile>> files =
      Render(tree, *checked->graph, options, timings, diags);
  if (!files) return std::nullopt;
  std::filesystem::path output =
      options.output ? *options.output : options.root / checked->config.output_dir;
  if (!Publish(output, *files, diags)) return std::nullopt;
  return BuildSummary{.documents = static_cast<int>(checked->graph->documents().size()),
                      .files = static_cast<int>(files->size()),
                      .output = output,
                      .pdfs = std::move(timings)};
}

}  // namespace kansli
