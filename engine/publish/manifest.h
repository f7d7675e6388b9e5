#pragma once

#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "site/output_file.h"
#include "source/date.h"

namespace kansli {

// Which version of which document a published file is, so an auditor can tie a hash to a
// decision.
struct PublishedVersion {
  std::string path;             // the file's OutputFile::path: "pdf/<id>.pdf"
  std::string id;               // the document's id
  std::string version;          // as written in the front matter; empty when there is none
  std::optional<Date> revised;  // the version's date (VersionDate): revised, else adopted
};

// The ledger as the published site saw it: its newest hash pins every version before it.
struct LedgerSummary {
  std::string head;  // hex SHA-256; empty when the site has no ledger
  int records = 0;
};

// One published file as the manifest lists it; its bytes are on disk, not in memory.
struct WrittenFile {
  std::string path;  // relative to the output folder, '/'-separated
  size_t bytes = 0;
  std::string sha256;  // hex
  // Its identity as staged, which the swap keeps (not in the manifest): the record of
  // published files compares it with the file's later, to trust nothing changed since.
  uint64_t inode = 0;
  int64_t mtime_ns = 0;
};

// "manifest.json": path, size and SHA-256 of every published file, sorted by path, so an
// auditor can prove a PDF is the one published. A file named in `versions` also carries
// "id", "version" (null when empty) and "revised" ("YYYY-MM-DD", or null). "ledger" gives
// the ledger's head and record count.
OutputFile MakeManifest(const std::vector<WrittenFile>& files,
                        const std::vector<PublishedVersion>& versions = {},
                        const LedgerSummary& ledger = {});
// The same, of files in memory.
OutputFile MakeManifest(const std::vector<OutputFile>& files,
                        const std::vector<PublishedVersion>& versions = {},
                        const LedgerSummary& ledger = {});

}  // namespace kansli
