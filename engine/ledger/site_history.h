#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "ledger/archive_folder.h"
#include "ledger/ledger.h"
#include "ledger/version_timeline.h"
#include "site/site_graph.h"

namespace kansli {

// What publishing would do with a document's current version.
enum class VersionState {
  kUnofficial,  // a draft (or no version): never recorded
  kRecorded,    // this version is in the ledger with this text and status
  kNewVersion,  // decided and not yet in the ledger: publish records it
  kNewStatus,   // in the ledger, its status changed (repealed, superseded): publish records it
};

struct DocumentVersionState {
  VersionState state = VersionState::kUnofficial;
  std::string source_sha256;  // of the source text as read
  std::string text_sha256;    // of the source without its status line
  const OfficialVersion* official = nullptr;  // when the version is in the ledger
};

// An earlier official version's source, parsed again, for its own page and for diffs.
struct ArchivedDocument {
  std::unique_ptr<SourceFile> file;
  ParsedDocument parsed;
};

// The site's documents against the ledger: which versions are official, what publishing
// would record, and the archived text of every earlier version. Built after the site graph;
// renderers only read it.
class SiteHistory {
 public:
  SiteHistory(const SiteGraph& site, Ledger ledger);

  const Ledger& ledger() const { return ledger_; }
  const VersionTimeline& timeline() const { return timeline_; }
  // Oldest first; empty when the document has no official version.
  const std::vector<OfficialVersion>& Versions(const std::string& id) const;
  // By index into site.documents().
  const DocumentVersionState& State(size_t index) const { return states_[index]; }
  // The parsed archived source of an official version, or null (not read, or unreadable).
  const ParsedDocument* Archived(const std::string& id, const Version& version) const;
  // The version in force while the document at `index` is a draft of the next one, or null:
  // that version keeps pdf/<id>.pdf, the address printed copies and the register give.
  const OfficialVersion* InForceBehindDraft(size_t index) const;
  // The official PDF of a version, as checked against the ledger; null for a version this
  // run records (its PDF was just rendered).
  const std::string* OfficialPdf(const OfficialVersion& version) const;

  // The records publishing appends: a version for each kNewVersion, a status change for each
  // kNewStatus, at `now`. `pdf_bytes` by document index holds the PDFs rendered for them.
  std::vector<LedgerRecord> NewRecords(const std::vector<std::string>& pdf_bytes,
                                       const Instant& now) const;
  // Adds chained records as if they were in the ledger (after ChainRecords), so that the
  // pages rendered by this publish show them.
  void Add(std::vector<LedgerRecord> records);

 private:
  friend std::unique_ptr<SiteHistory> LoadHistory(const SiteGraph&, const ArchiveFolder&,
                                                  Diagnostics&);
  void Refresh();
  void CheckDiscipline(const ArchiveFolder& archive, Diagnostics& diags) const;
  void ParseArchivedSources(const ArchiveFolder& archive);

  const SiteGraph& site_;
  Ledger ledger_;
  VersionTimeline timeline_;
  std::vector<DocumentVersionState> states_;
  std::map<std::pair<std::string, std::string>, ArchivedDocument> archived_;  // id, version
  ArchivedFiles files_;
};

// Reads the ledger and checks it, the archived files and the version discipline of every
// document: version-unchanged (a recorded version whose text changed), version-lowered,
// status-reverted, ledger-broken and archive-mismatch are errors. Returns null then.
std::unique_ptr<SiteHistory> LoadHistory(const SiteGraph& site, const ArchiveFolder& archive,
                                         Diagnostics& diags);

// The source without the line that gives its status: the part of a version that never
// changes once it is official.
std::string TextWithoutStatus(std::string_view source, int status_line);

}  // namespace kansli
