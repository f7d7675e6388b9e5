#include "ledger/site_history.h"

#include <algorithm>

#include "source/sha256.h"

namespace kansli {
namespace {

const std::vector<OfficialVersion> kNoVersions;

std::string VersionKey(const Version& version) {
  return std::to_string(version.major()) + "." + std::to_string(version.minor());
}

}  // namespace

std::string TextWithoutStatus(std::string_view source, int status_line) {
  if (status_line <= 0) return std::string(source);
  size_t start = 0;
  for (int line = 1; line < status_line && start != std::string_view::npos; ++line) {
    start = source.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return std::string(source);
  const size_t end = source.find('\n', start);
  std::string text(source.substr(0, start));
  if (end != std::string_view::npos) text += source.substr(end + 1);
  return text;
}

SiteHistory::SiteHistory(const SiteGraph& site, Ledger ledger)
    : site_(site), ledger_(std::move(ledger)) {
  Refresh();
}

const std::vector<OfficialVersion>& SiteHistory::Versions(const std::string& id) const {
  auto found = timeline_.find(id);
  return found == timeline_.end() ? kNoVersions : found->second;
}

const ParsedDocument* SiteHistory::Archived(const std::string& id, const Version& version) const {
  auto found = archived_.find({id, VersionKey(version)});
  return found == archived_.end() ? nullptr : &found->second.parsed;
}

void SiteHistory::Refresh() {
  timeline_ = BuildTimeline(ledger_.records);
  const std::vector<SiteDocument>& docs = site_.documents();
  states_.assign(docs.size(), DocumentVersionState{});
  for (size_t i = 0; i < docs.size(); ++i) {
    const SiteDocument& doc = docs[i];
    DocumentVersionState& state = states_[i];
    const std::string_view source = doc.parsed->document.file->text();
    const TextField& status = doc.meta().status;
    state.source_sha256 = Sha256Hex(source);
    state.text_sha256 = Sha256Hex(TextWithoutStatus(source, status ? status->pos.line : 0));
    if (doc.version) state.official = FindVersion(timeline_, doc.id, *doc.version);
    if (state.official != nullptr) {
      state.state = !doc.status || doc.status == state.official->recorded_status ? VersionState::kRecorded
                                                                  : VersionState::kNewStatus;
    } else if (doc.version && doc.status && IsDecided(*doc.status)) {
      state.state = VersionState::kNewVersion;
    }
  }
}

void SiteHistory::CheckDiscipline(const ArchiveFolder& archive, Diagnostics& diags) const {
  const std::vector<SiteDocument>& docs = site_.documents();
  for (size_t i = 0; i < docs.size(); ++i) {
    const SiteDocument& doc = docs[i];
    const std::vector<OfficialVersion>& versions = Versions(doc.id);
    if (versions.empty()) continue;
    const OfficialVersion& newest = versions.back();
    const std::string newest_text = "version " + newest.version.text() + " was published " +
                                    newest.published_at.Display();
    if (!doc.version) {
      diags.Error(doc.meta().pos, Code::kVersionLowered,
                  "'" + doc.id + "' has no version, but " + newest_text,
                  {"give the document a version higher than " + newest.version.text()});
      continue;
    }
    const SourcePos at = doc.meta().version->pos;
    if (*doc.version < newest.version) {
      diags.Error(at, Code::kVersionLowered,
                  "version " + doc.version->text() + " is lower than the published version " +
                      newest.version.text() + " (" + newest_text + ")",
                  {"a new version needs a number above " + newest.version.text()});
      continue;
    }
    const DocumentVersionState& state = states_[i];
    if (state.official == nullptr) continue;
    const OfficialVersion& official = *state.official;
    if (doc.version->text() != official.published.version) {
      diags.Error(at, Code::kVersionUnchanged,
                  "version " + doc.version->text() + " is version " + official.published.version +
                      ", published " + official.published_at.date().ToString() +
                      ", written another way",
                  {"write version: " + official.published.version +
                   " as it was published, or raise the version for a new text"});
    } else if (official.published.text_sha256 != state.text_sha256) {
      diags.Error(at, Code::kVersionUnchanged,
                  "version " + official.version.text() + " was published " +
                      official.published_at.date().ToString() +
                      " with other text; raise the version or restore the text",
                  {"its official text is " + archive.DisplayPath(ArchivedSourceName(
                                                  doc.id, official.published.version))});
    } else if (doc.status == Status::kDraft) {
      diags.Error(doc.meta().status->pos, Code::kStatusReverted,
                  "version " + official.version.text() + " was published " +
                      official.published_at.date().ToString() +
                      " and cannot become a draft again",
                  {"for a new draft, raise the version"});
    } else if (doc.status == Status::kInForce && official.recorded_status != Status::kInForce) {
      diags.Error(doc.meta().status->pos, Code::kStatusReverted,
                  "version " + official.version.text() + " was recorded as " +
                      std::string(StatusName(official.recorded_status)) + " on " +
                      official.valid_to + " and cannot come into force again",
                  {"a new decision is a new version: raise the version"});
    }
  }
  // pdf/<id>-v<version>.pdf is a version's address: a document whose own id has that form
  // would take it over (id "plan-v1" beside version 1 of "plan").
  std::map<std::string, std::string> version_paths;  // path → "version 1 of 'plan'"
  for (const auto& [id, versions] : timeline_) {
    for (const OfficialVersion& v : versions) {
      version_paths[OfficialPdfPath(v)] = "version " + v.version.text() + " of '" + id + "'";
    }
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    if (states_[i].state == VersionState::kNewVersion) {
      version_paths[ArchivedPdfName(docs[i].id, docs[i].version->text())] =
          "version " + docs[i].version->text() + " of '" + docs[i].id + "'";
    }
  }
  for (const SiteDocument& doc : docs) {
    auto clash = version_paths.find(doc.pdf_path);
    if (clash == version_paths.end()) continue;
    diags.Error(doc.meta().id->pos, Code::kInvalidId,
                "id '" + doc.id + "' would publish its PDF at " + doc.pdf_path + ", the address of " +
                    clash->second,
                {"choose an id that does not end in -v and a version number"});
  }
  // A document's history stays on the intranet: the QR code of every printed copy leads to
  // its page, and the page to its versions.
  for (const auto& [id, versions] : timeline_) {
    if (site_.Find(id) != nullptr) continue;
    const OfficialVersion& newest = versions.back();
    diags.Error({archive.LedgerPath(), static_cast<int>(newest.last_seq) + 1, 1},
                Code::kDocumentRemoved,
                "'" + id + "' has official versions (the newest, version " +
                    newest.version.text() + ", published " + newest.published_at.Display() +
                    ") but is no longer in the content folder",
                {"put the document back; to end it, set status: upphävd (or ersatt) and publish"});
  }
}

const OfficialVersion* SiteHistory::InForceBehindDraft(size_t index) const {
  const SiteDocument& doc = site_.documents()[index];
  const std::vector<OfficialVersion>& official = Versions(doc.id);
  if (doc.status != Status::kDraft || official.empty()) return nullptr;
  return official.back().status == Status::kInForce ? &official.back() : nullptr;
}

const std::string* SiteHistory::OfficialPdf(const OfficialVersion& version) const {
  auto found = files_.pdfs.find(ArchivedPdfName(version.id, version.published.version));
  return found == files_.pdfs.end() ? nullptr : &found->second;
}

void SiteHistory::ParseArchivedSources(const ArchiveFolder& archive) {
  const std::vector<SiteDocument>& docs = site_.documents();
  for (size_t i = 0; i < docs.size(); ++i) {
    for (const OfficialVersion& version : Versions(docs[i].id)) {
      if (&version == states_[i].official) continue;  // the live document is that text
      const std::string name = ArchivedSourceName(version.id, version.version.text());
      auto bytes = files_.sources.find(name);
      if (bytes == files_.sources.end()) continue;  // CheckArchivedFiles reported it
      Diagnostics ignored;  // the text passed every check when it was published
      std::optional<SourceFile> file =
          SourceFile::FromBytes(archive.DisplayPath(name), bytes->second, ignored);
      if (!file) continue;
      auto owned = std::make_unique<SourceFile>(std::move(*file));
      std::optional<ParsedDocument> parsed = ParseDocument(*owned, ignored, site_.config().FieldNames());
      if (!parsed) continue;
      archived_.emplace(std::pair(version.id, VersionKey(version.version)),
                        ArchivedDocument{std::move(owned), std::move(*parsed)});
    }
  }
}

std::vector<LedgerRecord> SiteHistory::NewRecords(const std::vector<std::string>& pdf_bytes,
                                                  const Instant& now) const {
  std::vector<LedgerRecord> records;
  const std::vector<SiteDocument>& docs = site_.documents();
  for (size_t i = 0; i < docs.size(); ++i) {
    const DocumentVersionState& state = states_[i];
    if (state.state != VersionState::kNewVersion && state.state != VersionState::kNewStatus) {
      continue;
    }
    const SiteDocument& doc = docs[i];
    LedgerRecord record{.time = now.ToString(),
                        .id = doc.id,
                        .title = doc.title,
                        .version = doc.version->text(),
                        .status = std::string(StatusName(*doc.status)),
                        .valid_from = doc.meta().Value("valid_from"),
                        .adopted_by = doc.meta().Value("adopted_by"),
                        .adopted_in = doc.meta().Value("adopted_in"),
                        .source_sha256 = state.source_sha256,
                        .text_sha256 = state.text_sha256};
    if (state.state == VersionState::kNewVersion) {
      record.kind = RecordKind::kPublished;
      record.pdf_sha256 = Sha256Hex(pdf_bytes[i]);
      record.pdf_bytes = static_cast<int64_t>(pdf_bytes[i].size());
    } else {
      // The official PDF of a version never changes, whatever its status becomes.
      const LedgerRecord& published = state.official->published;
      record.kind = RecordKind::kStatusChanged;
      record.version = published.version;
      record.pdf_sha256 = published.pdf_sha256;
      record.pdf_bytes = published.pdf_bytes;
    }
    records.push_back(std::move(record));
  }
  return records;
}

void SiteHistory::Add(std::vector<LedgerRecord> records) {
  for (LedgerRecord& record : records) ledger_.records.push_back(std::move(record));
  Refresh();
}

std::unique_ptr<SiteHistory> LoadHistory(const SiteGraph& site, const ArchiveFolder& archive,
                                         Diagnostics& diags) {
  const int errors_before = diags.error_count();
  std::optional<Ledger> ledger = archive.LoadLedger(diags);
  if (!ledger || diags.error_count() > errors_before) return nullptr;
  ArchivedFiles files = CheckArchivedFiles(archive, *ledger, diags);
  auto history = std::make_unique<SiteHistory>(site, std::move(*ledger));
  history->files_ = std::move(files);
  history->CheckDiscipline(archive, diags);
  if (diags.error_count() > errors_before) return nullptr;
  history->ParseArchivedSources(archive);
  history->files_.sources.clear();  // parsed now; only the PDFs are published
  return history;
}

}  // namespace kansli
