#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "diag/diagnostics.h"
#include "ledger/ledger.h"

namespace kansli {

// The site's archive/ folder on disk: the ledger, archive/pdf/ and archive/source/. Writes
// are durable before they are visible (a temporary file, fsync, rename, fsync of the folder),
// so a publish killed at any moment leaves either the old or the new file, never half of one.
class ArchiveFolder {
 public:
  // `folder` is kansli.yaml's folders.archive, relative to the site root.
  ArchiveFolder(std::filesystem::path site_root, std::string folder);

  // site_root / folder; empty for a site held in memory.
  const std::filesystem::path& root() const { return root_; }
  // "archive/ledger.jsonl": how diagnostics name the ledger.
  std::string LedgerPath() const { return folder_ + "/ledger.jsonl"; }
  // "archive/pdf/<id>-v2.pdf" for a name from ArchivedPdfName.
  std::string DisplayPath(const std::string& name) const { return folder_ + "/" + name; }

  // The ledger, checked (ParseLedger). A missing file is an empty ledger that does not exist
  // yet; a file that cannot be read is read-failed and nullopt.
  std::optional<Ledger> LoadLedger(Diagnostics& diags) const;
  // The bytes of an archived file; nullopt when it is missing or unreadable.
  std::optional<std::string> Read(const std::string& name) const;

  // Exclusive for one publish at a time (blocks until the other one is done); released by
  // the destructor. Never taken by build, check or verify, which only read.
  std::error_code Lock();
  ~ArchiveFolder();
  ArchiveFolder(const ArchiveFolder&) = delete;
  ArchiveFolder& operator=(const ArchiveFolder&) = delete;

  // Creates archive/<name> durably. A file that is already there is left as it is when it
  // has these bytes, and refused (file_exists) when it has others: archived files are never
  // replaced.
  std::error_code Write(const std::string& name, const std::string& bytes) const;
  // Appends record lines after ledger.good_bytes (dropping a torn tail) and syncs. The first
  // append creates the file, header and records at once, by rename.
  std::error_code Append(const LedgerEnd& ledger, const std::vector<LedgerRecord>& records) const;

 private:
  std::filesystem::path root_;  // site_root / folder
  std::string folder_;
  int lock_fd_ = -1;
};

// The archived files the ledger names, by name ("pdf/<id>-v2.pdf"), as they were checked:
// later steps use these bytes rather than reading the disk again, so what is published is
// what was checked.
struct ArchivedFiles {
  std::map<std::string, std::string> pdfs;
  std::map<std::string, std::string> sources;
};

// Every archived PDF and source the ledger names exists with the recorded SHA-256 and
// size; archive-mismatch at the record's ledger line otherwise.
ArchivedFiles CheckArchivedFiles(const ArchiveFolder& archive, const Ledger& ledger,
                                 Diagnostics& diags);

}  // namespace kansli
