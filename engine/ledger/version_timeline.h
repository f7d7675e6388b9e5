#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ledger/instant.h"
#include "ledger/ledger_record.h"
#include "validate/status.h"
#include "validate/version.h"

namespace kansli {

// One official version of a document as the ledger tells it, whatever the site holds now.
struct OfficialVersion {
  std::string id;
  Version version;
  LedgerRecord published;     // the record that made it official (PDF, source, adoption)
  Status status = Status::kInForce;  // now: ersatt once a later version exists
  Status recorded_status = Status::kInForce;  // as the newest record about it says
  Instant published_at;
  std::string valid_to;      // "YYYY-MM-DD" it stopped being in force, "" while it is
  std::string replaced_by;   // the later version that replaced it, or ""
  int64_t last_seq = 0;      // the newest record about this version
};

// Every document's official versions, oldest version first. A version ends when a later
// version of the same document takes effect (its valid_from), or when a status record
// repeals or supersedes it (that record's date).
using VersionTimeline = std::map<std::string, std::vector<OfficialVersion>>;
VersionTimeline BuildTimeline(const std::vector<LedgerRecord>& records);

// "pdf/<id>-v2.pdf": where a version's official PDF is published, below the output folder
// (the same name as in the archive).
inline std::string OfficialPdfPath(const OfficialVersion& version) {
  return ArchivedPdfName(version.id, version.published.version);
}

// The entry of `id` at `version`, or null.
const OfficialVersion* FindVersion(const VersionTimeline& timeline, const std::string& id,
                                   const Version& version);

}  // namespace kansli
