// What `kansli publish` adds to `kansli build`: the time it records, and writing the new
// versions into the archive and the ledger, in the order that keeps a crash harmless.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "ledger/archive_folder.h"
#include "ledger/instant.h"
#include "ledger/ledger.h"
#include "pipeline/pipeline.h"

namespace kansli {

// A file publish freezes into archive/: "pdf/<id>-v2.pdf" or "source/<id>-v2.md".
struct ArchivedFile {
  std::string name;
  std::string bytes;
};

// The time publish records: --now, else the clock, read once the archive is locked so that
// records follow each other in time. Never before the ledger's last record.
std::optional<Instant> PublicationTime(const PipelineOptions& options, const Ledger& ledger,
                                       Diagnostics& diags);

// Files before the records that name them, so that every record always has its files; each
// synced before the next step. An archived file already there with other bytes is
// archive-mismatch: nothing is recorded then.
bool RecordVersions(const ArchiveFolder& archive, const LedgerEnd& end,
                    const std::vector<ArchivedFile>& files,
                    const std::vector<LedgerRecord>& records, Diagnostics& diags);

}  // namespace kansli
