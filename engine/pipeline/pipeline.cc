// The stages, in the order they run:
//   1. source     read kansli.yaml and content/ once                   (serial: I/O)
//   2. document   split front matter, parse YAML and Markdown          (parallel per document)
//   3. validate   fields, dates, versions, ids, references             (serial: site-wide)
//   4. script     Lua scripts relate and link documents                (serial: site-wide)
//   5. site       SiteGraph: relations both ways, permalinks           (serial)
//   6. ledger     the archive's ledger and files checked, each         (serial: site-wide)
//                 document's version against it
//   7. render     PDF (an official version's is the archived one)      (parallel per document)
//                 [publish: the new versions' ledger records]          (serial)
//                 the HTML page showing its SHA-256 and versions       (parallel per document)
//                 the search index (Pagefind, a child process)         (beside the renders)
//                 register, dashboard, pages per
//                 organisation/type/tag, versions and their changes,
//                 feeds, sitemap, verify page, 404, manifest           (serial: site-wide)
//                 each file goes into the staging folder as it is made
//   8. record     publish only: archived PDFs and sources, then the    (serial)
//                 ledger's new lines, each synced before the next step
//   9. publish    sync the staging folder, one rename                  (serial)
// Nothing is recorded or published unless every stage passed.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <system_error>

#include "cache/published_files.h"
#include "cache/render_cache.h"
#include "config/site_config.h"
#include "document/lifecycle.h"
#include "ledger/archive_folder.h"
#include "ledger/site_history.h"
#include "pipeline/parallel_for.h"
#include "pipeline/record_versions.h"
#include "pipeline/render_key.h"
#include "publish/manifest.h"
#include "publish/staged_output.h"
#include "render/html/html_site.h"
#include "render/html/published_images.h"
#include "render/html/version_pages.h"
#include "render/pdf/render_pdf.h"
#include "render/search/search_index.h"
#include "script/run_scripts.h"
#include "site/site_graph.h"
#include "source/sha256.h"
#include "validate/validated_site.h"

namespace kansli {
namespace {

void Mark(const PipelineOptions& options, const char* stage) {
  if (options.stage_times != nullptr) options.stage_times->Mark(stage);
}

unsigned Jobs(const PipelineOptions& options) {
  return options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
}

// What check produces and build goes on from. The graph points into site and config; the
// history into the graph.
struct CheckedSite {
  SiteConfig config;
  std::optional<ValidatedSite> site;
  std::unique_ptr<SiteGraph> graph;
  std::unique_ptr<ArchiveFolder> archive;
  std::unique_ptr<SiteHistory> history;
};

// Frees a checked site, or, when the process ends right after (options.free_memory false),
// leaves it to the operating system, as clang's -disable-free does: freeing a region's
// parsed documents one small allocation at a time took a sixth of check's time. Kept
// reachable from a global, so LeakSanitizer does not call it a leak.
struct SiteDisposer {
  bool free = true;
  void operator()(CheckedSite* site) const {
    static auto* const kept = new std::vector<CheckedSite*>;
    if (free) {
      delete site;
    } else {
      kept->push_back(site);
    }
  }
};
using CheckedSitePtr = std::unique_ptr<CheckedSite, SiteDisposer>;

std::filesystem::path SiteRoot(const SourceTree& tree, const PipelineOptions& options) {
  return tree.root().empty() ? options.root : tree.root();
}

CheckedSitePtr RunCheck(SourceTree& tree, const PipelineOptions& options, Diagnostics& diags,
                        bool lock_archive = false) {
  CheckedSitePtr checked(new CheckedSite, SiteDisposer{.free = options.free_memory});
  std::optional<SiteConfig> config = LoadSiteConfig(tree, diags);
  if (!config) return nullptr;
  checked->config = std::move(*config);
  // A site held in memory (tests) has no archive on disk.
  checked->archive = tree.root().empty()
                         ? std::make_unique<ArchiveFolder>(std::filesystem::path(), std::string())
                         : std::make_unique<ArchiveFolder>(tree.root(), checked->config.archive_dir);
  if (lock_archive) {
    if (std::error_code ec = checked->archive->Lock()) {
      diags.Error({checked->archive->LedgerPath(), 0, 0}, Code::kPublishFailed,
                  "cannot lock the archive for publishing: " + ec.message());
      return nullptr;
    }
  }

  std::vector<const SourceFile*> files = tree.Folder(checked->config.content_dir, ".md", diags);
  std::vector<std::optional<ParsedDocument>> parsed(files.size());
  std::vector<Diagnostics> parse_diags(files.size());
  // Only each document's outline is kept (markdown::Body): the renderers parse a tree again,
  // one document at a time, so the site's trees are never all in memory at once.
  const std::vector<std::string> site_fields = checked->config.FieldNames();
  ParallelFor(files.size(), Jobs(options), [&](size_t i) {
    parsed[i] = ParseDocument(*files[i], parse_diags[i], site_fields);
    if (parsed[i]) DropTree(*parsed[i]);
  });
  std::vector<ParsedDocument> documents;
  documents.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    diags.Append(parse_diags[i]);
    if (parsed[i]) documents.push_back(std::move(*parsed[i]));
  }
  // The moved-from documents' storage, 16 MB at 10,000 (`parsed = {}` would keep it).
  std::vector<std::optional<ParsedDocument>>().swap(parsed);

  Mark(options, "read and parse");
  const Clock clock = options.today ? Clock::Fixed(*options.today) : Clock::System();
  // Images are binary, so they are read beside the SourceTree (which holds text).
  const std::filesystem::path root = SiteRoot(tree, options);
  SiteImages images = ResolveImages(
      documents, checked->config.content_dir,
      root.empty() ? ImageFiles::InMemory({}) : ImageFiles::OnDisk(root), diags);
  // Validation runs even after a parse error elsewhere, and the scripts run over the
  // documents without errors even when others have some: one run reports every problem.
  checked->site = Validate(std::move(documents), checked->config, clock, diags);
  if (!checked->site) return nullptr;
  checked->site->images = std::move(images);

  Mark(options, "validate");
  std::vector<const SourceFile*> scripts;
  bool scripts_read = true;
  for (const std::string& path : checked->config.scripts) {
    if (const SourceFile* script = tree.File(path, diags)) {
      scripts.push_back(script);
    } else {
      scripts_read = false;
    }
  }
  if (!scripts_read) return nullptr;
  std::optional<Relations> relations = RunScripts(
      *checked->site, scripts, ScriptLimits{.max_seconds = checked->config.script_seconds}, diags);
  if (!relations || diags.HasErrors()) return nullptr;
  Mark(options, "scripts");
  checked->graph = std::make_unique<SiteGraph>(*checked->site, std::move(*relations));
  checked->history = LoadHistory(*checked->graph, *checked->archive, diags);
  if (!checked->history) return nullptr;
  Mark(options, "site graph and history");

  if (options.strict) diags.PromoteWarnings();
  if (diags.HasErrors()) return nullptr;
  return checked;
}

struct RenderedSite {
  std::vector<LedgerRecord> new_records;  // publish only: chained, not yet written
  std::vector<ArchivedFile> archive_files;
  LedgerEnd ledger_end;  // of the ledger as read, where the new records go
  int rendered = 0;      // documents not wholly from the cache
  // The files clean renders (no diagnostics) published, with their keys, for the record
  // the next build links unchanged files by (sha256 and identity added after the swap).
  std::vector<PublishedFile> keyed;
};

// The official PDF of a version in the ledger is the archived one, byte for byte, whatever
// kansli's layout does today.
const std::string* ArchivedPdf(const SiteHistory& history, const OfficialVersion& v,
                               Diagnostics& diags) {
  if (const std::string* bytes = history.OfficialPdf(v)) return bytes;
  diags.Error({}, Code::kArchiveMismatch,
              "the official PDF of " + v.id + " version " + v.version.text() + " is missing");
  return nullptr;
}

// One PDF file a document publishes; `archived` null for the PDF of the document as it
// stands (rendered, or its official version's).
struct DocumentPdf {
  PublishedVersion version;
  const OfficialVersion* archived = nullptr;
};

// Every official version at its own address (the one in force also at pdf/<id>.pdf); a
// draft of a new version leaves the version in force at pdf/<id>.pdf, the address printed
// copies and the register give, and is itself at `draft_path`.
std::vector<DocumentPdf> DocumentPdfs(const SiteHistory& history, const SiteDocument& doc,
                                      size_t i, const std::string& draft_path) {
  std::vector<DocumentPdf> pdfs;
  for (const OfficialVersion& official : history.Versions(doc.id)) {
    pdfs.push_back({.version = {.path = OfficialPdfPath(official),
                                .id = doc.id,
                                .version = official.published.version,
                                .revised = Date::Parse(official.published.valid_from)},
                    .archived = &official == history.State(i).official ? nullptr : &official});
  }
  if (const OfficialVersion* in_force = history.InForceBehindDraft(i)) {
    pdfs.push_back({.version = {.path = doc.pdf_path,
                                .id = doc.id,
                                .version = in_force->published.version,
                                .revised = Date::Parse(in_force->published.valid_from)},
                    .archived = in_force});
  }
  pdfs.push_back({.version = {.path = draft_path.empty() ? doc.pdf_path : draft_path,
                              .id = doc.id,
                              .version = doc.meta().Value("version"),
                              .revised = VersionDate(doc.meta())}});
  return pdfs;
}

// Writes a document's PDFs (DocumentPdfs) into the output. `sha256` is that of `bytes`; an
// archived PDF's is its record's, which the archive check compared with its bytes. Null
// `bytes`: the document's own PDF is in the output already.
void WriteDocumentPdfs(const SiteHistory& history, const SiteDocument& doc, size_t i,
                       const std::string& draft_path, const std::string* bytes,
                       const std::string& sha256, StagedOutput& output, Diagnostics& diags) {
  for (const DocumentPdf& pdf : DocumentPdfs(history, doc, i, draft_path)) {
    if (pdf.archived == nullptr) {
      if (bytes != nullptr) output.Add(pdf.version.path, *bytes, sha256);
    } else if (const std::string* file = ArchivedPdf(history, *pdf.archived, diags)) {
      output.Add(pdf.version.path, *file, pdf.archived->published.pdf_sha256);
    }
  }
}

// The search index, and the files of it that came from the cache or Pagefind with their keys,
// for the next build to link (RenderedSite::keyed).
struct SearchIndexed {
  std::optional<std::vector<OutputFile>> files;
  std::vector<PublishedFile> keyed;
};

// Pagefind indexes every record afresh, seconds for each thousand documents; a part of the
// index is the same while its records are, so a build takes from the cache every part whose
// documents' text and register fields did not change: an edit re-indexes one part, and a
// template, a script, a PDF setting none. A part is cached as two entries, its files and its
// notes (page ids and words): a part whose files are still in the output as they were
// published is linked from there, and only its notes are read (its files are 6 MB a thousand
// documents).
SearchIndexed SearchIndex(const SiteGraph& graph, RenderCache& cache,
                          const PublishedFiles& published, StagedOutput& output,
                          Diagnostics& diags) {
  const std::string binary = search::PagefindBinary().string();
  const std::string language = graph.config().text.Get("lang");
  SearchIndexed out;
  std::mutex keyed_mutex;  // the parts and the words index are indexed on two threads
  auto record = [&](const std::string& key, const std::string& path) {
    std::lock_guard lock(keyed_mutex);
    out.keyed.push_back({.path = path, .key = key});
  };
  auto find = [&](const search::SearchShard& shard) -> std::optional<search::IndexedShard> {
    const std::string key = SearchShardKey(shard, language, binary);
    std::optional<CachedRender> notes = cache.Get(key + "-notes");
    search::IndexedShard indexed;
    if (!notes || !search::ReadShardNotes(std::move(notes->files), indexed)) return std::nullopt;
    if (std::vector<const PublishedFile*> same = published.Unchanged(key); !same.empty()) {
      cache.Keep(key);
      for (const PublishedFile* file : same) {
        output.Link(file->path, published.Where(*file), file->bytes, file->sha256);
        record(key, file->path);
      }
      indexed.placed = true;
      return indexed;
    }
    std::optional<CachedRender> hit = cache.Get(key);
    if (!hit) return std::nullopt;
    indexed.files = std::move(hit->files);
    for (const OutputFile& file : indexed.files) record(key, file.path);
    return indexed;
  };
  auto keep = [&](const search::SearchShard& shard, const search::IndexedShard& indexed) {
    const std::string key = SearchShardKey(shard, language, binary);
    cache.Put(key, CachedRender{.files = indexed.files});
    cache.Put(key + "-notes", CachedRender{.files = search::ShardNotes(indexed)});
    for (const OutputFile& file : indexed.files) record(key, file.path);
  };
  auto place = [&output](std::vector<OutputFile> files) {
    for (const OutputFile& file : files) output.Add(file.path, file.bytes);
  };
  out.files = search::IndexSearch(graph, diags, {.find = find, .keep = keep, .place = place});
  return out;
}

// Pagefind needs only the checked site, so it indexes in its own process while the documents
// render, rather than after them: whatever cores the renders leave idle (waiting on the cache,
// the serial steps between them) it uses. The future's destructor waits for it on every way
// out of Render.
std::future<SearchIndexed> StartSearchIndex(const SiteGraph& graph, RenderCache& cache,
                                            const PublishedFiles& published,
                                            StagedOutput& output, Diagnostics& diags) {
  auto index = [&graph, &cache, &published, &output, &diags] {
    return SearchIndex(graph, cache, published, output, diags);
  };
  try {
    return std::async(std::launch::async, index);
  } catch (const std::system_error&) {
    return std::async(std::launch::deferred, index);  // no thread to spare: after the pages
  }
}

// Every file goes into `output` as soon as it is made, so memory holds one document's
// renders per thread, not the site's: at a region's scale the PDFs and pages are gigabytes.
std::optional<RenderedSite> Render(SourceTree& tree, CheckedSite& checked, RenderCache& cache,
                                   const PublishedFiles& published,
                                   const PipelineOptions& options, const Instant* record_at,
                                   StagedOutput& output, std::vector<PdfTiming>& timings,
                                   Diagnostics& diags) {
  const SiteGraph& graph = *checked.graph;
  SiteHistory& history = *checked.history;
  std::optional<HtmlTheme> theme = LoadHtmlTheme(tree, graph.config(), diags);
  if (!theme) return std::nullopt;
  const std::vector<SiteDocument>& docs = graph.documents();
  // A document's PDF, kept in memory only until its records are made when publish records
  // its version; every other PDF is written as soon as it is rendered.
  std::vector<std::string> pdfs(docs.size());
  std::vector<PdfFacts> facts(docs.size());
  timings.assign(docs.size(), PdfTiming{});
  std::vector<Diagnostics> doc_diags(docs.size());
  const std::filesystem::path root = SiteRoot(tree, options);
  const std::string site_key = SiteRenderKey(tree, graph);
  std::vector<std::string> pdf_keys(docs.size());
  // Documents whose PDF or pages were rendered, not taken from the cache (char: written by
  // many threads at once, which vector<bool> would not allow).
  std::vector<char> rendered(docs.size(), 0);
  // A draft of a new version is published at pdf/<id>-utkast.pdf. A draft is never recorded,
  // so the records publish makes below do not change which documents these are.
  std::vector<std::string> draft_paths(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    if (history.InForceBehindDraft(i) != nullptr) draft_paths[i] = "pdf/" + docs[i].id + "-utkast.pdf";
  }
  // Decided before the records change the history's states.
  std::vector<char> recorded_now(docs.size(), 0);
  for (size_t i = 0; record_at != nullptr && i < docs.size(); ++i) {
    recorded_now[i] = history.State(i).state == VersionState::kNewVersion;
  }
  // Per document, the files its clean renders published (RenderedSite::keyed).
  std::vector<std::vector<PublishedFile>> keyed(docs.size());
  Diagnostics index_diags;
  auto index = StartSearchIndex(graph, cache, published, output, index_diags);
  ParallelFor(docs.size(), Jobs(options), [&](size_t i) {
    pdf_keys[i] = PdfRenderKey(site_key, graph, history, i);
    const std::string& own_path = draft_paths[i].empty() ? docs[i].pdf_path : draft_paths[i];
    // A PDF published from the same key and untouched since is linked, not read again. Not
    // when publish records it now: the archive and the ledger need its bytes.
    const bool may_link = !recorded_now[i] && history.State(i).official == nullptr;
    if (std::vector<const PublishedFile*> same =
            may_link ? published.Unchanged(pdf_keys[i]) : std::vector<const PublishedFile*>();
        same.size() == 1 && same[0]->path == own_path) {
      cache.Keep(pdf_keys[i]);
      output.Link(own_path, published.Where(*same[0]), same[0]->bytes, same[0]->sha256);
      facts[i] = PdfFacts{.sha256 = same[0]->sha256, .bytes = same[0]->bytes, .path = draft_paths[i]};
      WriteDocumentPdfs(history, docs[i], i, draft_paths[i], nullptr, facts[i].sha256, output,
                        doc_diags[i]);
      keyed[i].push_back({.path = own_path, .key = pdf_keys[i]});
      if (options.progress != nullptr) options.progress->Done(docs.size());
      return;
    }
    std::string pdf;
    std::string sha256;  // known without hashing for an official PDF: its record's
    if (const OfficialVersion* official = history.State(i).official) {
      if (const std::string* bytes = ArchivedPdf(history, *official, doc_diags[i])) {
        pdf = *bytes;
        sha256 = official->published.pdf_sha256;
      }
    } else if (std::optional<CachedRender> hit = cache.Get(pdf_keys[i]);
               hit && hit->files.size() == 1) {
      for (const Diagnostic& d : hit->diagnostics) doc_diags[i].Report(d);
      pdf = std::move(hit->files.front().bytes);
    } else {
      rendered[i] = 1;
      // Parsed before the clock starts: the timing is the PDF's layout and writing alone.
      const markdown::Body body = graph.Tree(docs[i]);
      const auto start = std::chrono::steady_clock::now();
      std::optional<RenderedPdf> rendered_pdf =
          RenderPdf(graph, docs[i], body, root, doc_diags[i], history.Versions(docs[i].id));
      if (rendered_pdf) {
        timings[i] = PdfTiming{
            .id = docs[i].id,
            .pages = rendered_pdf->pages,
            .bytes = rendered_pdf->file.bytes.size(),
            .ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                            start)
                      .count()};
        pdf = std::move(rendered_pdf->file.bytes);
        if (!doc_diags[i].HasErrors()) {
          cache.Put(pdf_keys[i], CachedRender{.files = {{docs[i].pdf_path, pdf}},
                                              .diagnostics = doc_diags[i].list(),
                                              .pages = rendered_pdf->pages});
        }
      }
    }
    if (sha256.empty()) sha256 = Sha256Hex(pdf);
    facts[i] = PdfFacts{.sha256 = std::move(sha256), .bytes = pdf.size(), .path = draft_paths[i]};
    if (history.State(i).official == nullptr && doc_diags[i].empty()) {
      keyed[i].push_back({.path = own_path, .key = pdf_keys[i]});
    }
    if (recorded_now[i]) {
      pdfs[i] = std::move(pdf);
    } else if (!doc_diags[i].HasErrors()) {
      WriteDocumentPdfs(history, docs[i], i, draft_paths[i], &pdf, facts[i].sha256, output,
                        doc_diags[i]);
    }
    if (options.progress != nullptr) options.progress->Done(docs.size());
  });
  if (options.progress != nullptr) options.progress->Clear();
  Mark(options, "document PDFs");
  for (const Diagnostics& d : doc_diags) diags.Append(d);
  if (diags.HasErrors()) return std::nullopt;
  std::erase_if(timings, [](const PdfTiming& t) { return t.id.empty(); });

  RenderedSite out;
  if (record_at != nullptr) {
    // The records are made before any page, so the pages this publish writes show them.
    out.ledger_end = history.ledger().End();
    out.new_records = history.NewRecords(pdfs, *record_at);
    ChainRecords(history.ledger(), out.new_records);
    for (const LedgerRecord& record : out.new_records) {
      if (record.kind != RecordKind::kPublished) continue;
      const size_t i = graph.Find(record.id) - docs.data();
      out.archive_files.push_back({ArchivedPdfName(record.id, record.version), pdfs[i]});
      out.archive_files.push_back({ArchivedSourceName(record.id, record.version),
                                   std::string(docs[i].parsed->document.file->text())});
    }
    history.Add(out.new_records);
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!recorded_now[i]) continue;
      WriteDocumentPdfs(history, docs[i], i, draft_paths[i], &pdfs[i], facts[i].sha256, output,
                        diags);
      pdfs[i] = std::string();
    }
    if (diags.HasErrors()) return std::nullopt;
  }

  std::vector<Diagnostics> page_diags(docs.size());
  ParallelFor(docs.size(), Jobs(options), [&](size_t i) {
    const std::string key = PageRenderKey(pdf_keys[i], facts[i], graph, history, i);
    auto record = [&keyed, &key, i](const std::string& path) {
      keyed[i].push_back({.path = path, .key = key});
    };
    if (std::vector<const PublishedFile*> same = published.Unchanged(key); !same.empty()) {
      cache.Keep(key);
      for (const PublishedFile* file : same) {
        output.Link(file->path, published.Where(*file), file->bytes, file->sha256);
        record(file->path);
      }
      return;
    }
    if (std::optional<CachedRender> hit = cache.Get(key); hit && !hit->files.empty()) {
      for (const Diagnostic& d : hit->diagnostics) page_diags[i].Report(d);
      for (const OutputFile& file : hit->files) {
        output.Add(file.path, file.bytes);
        if (hit->diagnostics.empty()) record(file.path);
      }
      return;
    }
    rendered[i] = 1;
    const markdown::Body body = graph.Tree(docs[i]);
    CachedRender render{.files = {RenderDocumentPage(graph, docs[i], body, facts[i], *theme,
                                                     page_diags[i], &history)}};
    for (OutputFile& page : RenderVersionPages(graph, history, i, body, *theme, page_diags[i])) {
      render.files.push_back(std::move(page));
    }
    if (page_diags[i].HasErrors()) return;
    for (const OutputFile& file : render.files) {
      output.Add(file.path, file.bytes);
      if (page_diags[i].empty()) record(file.path);
    }
    render.diagnostics = page_diags[i].list();
    cache.Put(key, render);
  });
  for (const Diagnostics& d : page_diags) diags.Append(d);
  if (diags.HasErrors()) return std::nullopt;
  Mark(options, "document pages");

  out.rendered = static_cast<int>(std::count(rendered.begin(), rendered.end(), 1));
  for (std::vector<PublishedFile>& files : keyed) {
    std::move(files.begin(), files.end(), std::back_inserter(out.keyed));
  }
  std::vector<PublishedVersion> versions;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (DocumentPdf& pdf : DocumentPdfs(history, docs[i], i, draft_paths[i])) {
      versions.push_back(std::move(pdf.version));
    }
  }
  auto add = [&output](const std::vector<OutputFile>& files) {
    for (const OutputFile& file : files) output.Add(file.path, file.bytes);
  };
  {
    const std::vector<SitePageRender> renders = SitePageRenders(graph, *theme, &history);
    std::vector<std::vector<OutputFile>> pages(renders.size());
    std::vector<Diagnostics> site_diags(renders.size());
    ParallelFor(renders.size(), Jobs(options),
                [&](size_t i) { pages[i] = renders[i](site_diags[i]); });
    for (size_t i = 0; i < renders.size(); ++i) {
      diags.Append(site_diags[i]);
      add(pages[i]);
    }
  }
  add(RenderVerifyPage(graph, history, *theme, diags));
  add(RenderAssets(*theme));
  add(html::RenderImageFiles(graph));
  add({WriteSitemap(graph, &history)});
  Mark(options, "site pages");
  SearchIndexed indexed = index.get();
  diags.Append(index_diags);
  if (options.strict) diags.PromoteWarnings();  // renderers may warn too
  if (diags.HasErrors() || !indexed.files) return std::nullopt;
  add(*indexed.files);
  std::move(indexed.keyed.begin(), indexed.keyed.end(), std::back_inserter(out.keyed));
  add({MakeManifest(
      output.Files(), versions,
      LedgerSummary{.head = history.ledger().records.empty() ? "" : history.ledger().Head(),
                    .records = static_cast<int>(history.ledger().records.size())})});
  Mark(options, "search index (what was left of it after the renders)");
  return out;
}

}  // namespace

bool Check(SourceTree& tree, const PipelineOptions& options, Diagnostics& diags) {
  return RunCheck(tree, options, diags) != nullptr;
}

namespace {

// After the swap: the files published from clean renders, for the next build to link.
void RecordPublished(const RenderCache& cache, const std::filesystem::path& output,
                     const std::vector<WrittenFile>& written, std::vector<PublishedFile> keyed) {
  if (!cache.enabled()) return;
  std::map<std::string_view, const WrittenFile*> by_path;
  for (const WrittenFile& file : written) by_path[file.path] = &file;
  std::vector<PublishedFile> files;
  for (PublishedFile& file : keyed) {
    auto found = by_path.find(file.path);
    if (found == by_path.end()) continue;
    file.sha256 = found->second->sha256;
    file.bytes = found->second->bytes;
    file.inode = found->second->inode;
    file.mtime_ns = found->second->mtime_ns;
    files.push_back(std::move(file));
  }
  PublishedFiles::Save(cache, output, std::move(files));
}

std::optional<BuildSummary> BuildOrPublish(SourceTree& tree, const PipelineOptions& options,
                                           bool record, Diagnostics& diags) {
  CheckedSitePtr checked = RunCheck(tree, options, diags, record);
  if (!checked) return std::nullopt;
  std::optional<Instant> record_at;
  if (record) {
    record_at = PublicationTime(options, checked->history->ledger(), diags);
    if (!record_at) return std::nullopt;
  }
  std::vector<PdfTiming> timings;
  // A site held in memory (tests) has no folder to keep a cache in.
  RenderCache cache = options.cache && !tree.root().empty()
                          ? RenderCache(tree.root() / kCacheFolder)
                          : RenderCache();
  std::filesystem::path output =
      options.output ? *options.output : options.root / checked->config.output_dir;
  // The archive is committed with the content, and publishing locks the archive folder and
  // the folder holding the output: an output inside the archive would wait for its own lock.
  if (const std::filesystem::path archive = checked->archive->root(); !archive.empty()) {
    std::error_code ec;
    const std::filesystem::path out = std::filesystem::weakly_canonical(output, ec);
    const std::filesystem::path in = std::filesystem::weakly_canonical(archive, ec);
    if (auto [a, o] = std::mismatch(in.begin(), in.end(), out.begin(), out.end());
        !ec && a == in.end()) {
      diags.Error({}, Code::kPublishFailed,
                  "the output folder " + output.string() + " is inside the archive folder " +
                      checked->config.archive_dir + "/, which is committed with the content",
                  {"publish to a folder outside the archive, e.g. -o output"});
      return std::nullopt;
    }
  }
  std::unique_ptr<StagedOutput> staged = StagedOutput::Open(output, diags);
  if (!staged) return std::nullopt;
  const PublishedFiles published = PublishedFiles::Load(cache, output);
  std::optional<RenderedSite> rendered = Render(tree, *checked, cache, published, options,
                                                record_at ? &*record_at : nullptr, *staged,
                                                timings, diags);
  if (!rendered) return std::nullopt;
  if (!rendered->new_records.empty()) {
    if (!RecordVersions(*checked->archive, rendered->ledger_end, rendered->archive_files,
                        rendered->new_records, diags)) {
      return std::nullopt;
    }
  }
  Mark(options, "record versions");
  if (!staged->Commit(diags)) return std::nullopt;
  RecordPublished(cache, output, staged->Files(), std::move(rendered->keyed));
  Mark(options, "publish");
  cache.RemoveUnused();
  Mark(options, "cache cleanup");
  return BuildSummary{.documents = static_cast<int>(checked->graph->documents().size()),
                      .files = static_cast<int>(staged->Files().size()),
                      .output = output,
                      .pdfs = std::move(timings),
                      .rendered = rendered->rendered,
                      .recorded = static_cast<int>(rendered->new_records.size()),
                      .ledger = checked->archive->LedgerPath()};
}

}  // namespace

std::optional<BuildSummary> Build(SourceTree& tree, const PipelineOptions& options,
                                  Diagnostics& diags) {
  return BuildOrPublish(tree, options, /*record=*/false, diags);
}

std::optional<BuildSummary> PublishSite(SourceTree& tree, const PipelineOptions& options,
                                        Diagnostics& diags) {
  return BuildOrPublish(tree, options, /*record=*/true, diags);
}

}  // namespace kansli
