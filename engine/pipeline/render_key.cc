#include "pipeline/render_key.h"

#include <string_view>
#include <type_traits>

#include "cache/engine_fingerprint.h"
#include "render/pdf/layout/hyphenator.h"
#include "render/pdf/writer/pdfa.h"
#include "render/search/search_index.h"
#include "source/sha256.h"

namespace kansli {
namespace {

std::string_view FrontMatterText(const SiteDocument& doc) {
  const std::string_view text = doc.parsed->document.file->text();
  const std::string_view body = doc.parsed->document.body;
  if (body.data() < text.data() || body.data() > text.data() + text.size()) return text;
  return text.substr(0, static_cast<size_t>(body.data() - text.data()));
}

// Another document as a page or a PDF may show it: in a relation list, a graph, a link.
void AddShown(Sha256& hash, const SiteDocument& doc) {
  hash.Add(doc.id).Add(doc.title).Add(doc.type_label).Add(doc.html_path).Add(doc.pdf_path);
  hash.Add(doc.url).Add(doc.status ? StatusName(*doc.status) : "-");
  hash.Add(doc.version ? doc.version->text() : "-").Add(doc.in_force).Add(doc.overdue);
  hash.Add(FrontMatterText(doc));
}

void AddVersions(Sha256& hash, const SiteHistory& history, size_t index, const std::string& id) {
  const DocumentVersionState& state = history.State(index);
  hash.Add(static_cast<long long>(state.state)).Add(state.source_sha256).Add(state.text_sha256);
  hash.Add(state.official != nullptr ? state.official->published.hash : "-");
  const OfficialVersion* behind = history.InForceBehindDraft(index);
  hash.Add(behind != nullptr ? behind->published.hash : "-");
  for (const OfficialVersion& v : history.Versions(id)) {
    hash.Add(v.published.hash).Add(static_cast<long long>(v.status));
    hash.Add(static_cast<long long>(v.recorded_status)).Add(v.published_at.ToString());
    hash.Add(v.valid_to).Add(v.replaced_by).Add(v.last_seq);
  }
}

}  // namespace

std::string SiteRenderKey(const SourceTree& tree, const SiteGraph& site) {
  const SiteConfig& config = site.config();
  Sha256 hash;
  hash.Add("kansli render key 1").Add(EngineFingerprint()).Add(site.today().ToString());
  const std::string documents = config.content_dir + "/";
  for (const SourceFile* file : tree.ReadFiles()) {
    const bool document = file->path().starts_with(documents) && file->path().ends_with(".md");
    if (!document) hash.Add(file->path()).Add(file->text());
  }
  const PdfSettings& pdf = config.pdf;
  for (const std::string* font : {&pdf.font_regular, &pdf.font_bold, &pdf.font_italic,
                                  &pdf.font_bold_italic, &pdf.font_mono}) {
    const std::filesystem::path path(*font);
    hash.Add(*font).Add(FileStamp((path.is_relative() ? tree.root() / path : path).string()));
  }
  hash.Add(FileStamp(pdf::kHyphenationPatternsPath)).Add(FileStamp(pdf::kSrgbProfilePath));
  return hash.HexDigest();
}

std::string PdfRenderKey(const std::string& site_key, const SiteGraph& site,
                         const SiteHistory& history, size_t index) {
  const SiteDocument& doc = site.documents()[index];
  Sha256 hash;
  hash.Add("pdf").Add(site_key).Add(doc.parsed->document.path());
  hash.Add(doc.parsed->document.file->text());
  AddShown(hash, doc);
  if (auto images = site.images().find(doc.parsed->document.path());
      images != site.images().end()) {
    for (const auto& [target, image] : images->second) {
      hash.Add(target).Add(image.path).Add(image.bytes ? Sha256Hex(*image.bytes) : "-");
    }
  }
  for (const RelationLink& relation : doc.relations) {
    hash.Add(static_cast<long long>(relation.kind)).Add(relation.outgoing).Add(relation.label);
    AddShown(hash, *relation.other);
  }
  for (const auto& [slot, target] : site.LinkTargets(doc)) {
    hash.Add(slot);
    if (target != nullptr) AddShown(hash, *target);
  }
  for (const auto& [run, pieces] : site.TextLinks(doc)) {
    hash.Add(run);
    for (const markdown::TextPiece& piece : pieces) {
      hash.Add(piece.text).Add(piece.target);
      if (const SiteDocument* target = site.Find(piece.target)) AddShown(hash, *target);
    }
  }
  AddVersions(hash, history, index, doc.id);
  return hash.HexDigest();
}

std::string PageRenderKey(const std::string& pdf_key, const PdfFacts& pdf, const SiteGraph& site,
                          const SiteHistory& history, size_t index) {
  Sha256 hash;
  hash.Add("pages").Add(pdf_key).Add(pdf.sha256).Add(static_cast<long long>(pdf.bytes));
  hash.Add(pdf.path);
  AddVersions(hash, history, index, site.documents()[index].id);
  return hash.HexDigest();
}

std::string SearchShardKey(const search::SearchShard& shard, const std::string& language,
                           const std::string& pagefind_binary) {
  Sha256 hash;
  hash.Add("kansli search shard key 3").Add(EngineFingerprint());
  hash.Add(pagefind_binary).Add(FileStamp(pagefind_binary)).Add(language);
  hash.Add(search::ShardFolder(shard));
  const std::vector<search::SearchRecord>& records = shard.records;
  auto add_map = [&hash](const auto& map) {
    hash.Add(static_cast<long long>(map.size()));
    for (const auto& [name, value] : map) {
      hash.Add(name);
      if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::string>) {
        hash.Add(value);
      } else {
        hash.Add(static_cast<long long>(value.size()));
        for (const std::string& item : value) hash.Add(item);
      }
    }
  };
  hash.Add(static_cast<long long>(records.size()));
  for (const search::SearchRecord& record : records) {
    // A document's content is its body's text, known from its Markdown without parsing it.
    hash.Add(record.url).Add(record.document != nullptr ? record.document->body
                                                         : std::string_view(record.content));
    add_map(record.meta);
    add_map(record.filters);
  }
  return hash.HexDigest();
}

}  // namespace kansli
