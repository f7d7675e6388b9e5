#include "ledger/version_timeline.h"

#include <algorithm>

namespace kansli {

VersionTimeline BuildTimeline(const std::vector<LedgerRecord>& records) {
  VersionTimeline timeline;
  for (const LedgerRecord& record : records) {
    std::optional<Version> version = Version::Parse(record.version);
    if (!version) continue;  // ParseRecordLine refuses these; records made by kansli have one
    std::vector<OfficialVersion>& versions = timeline[record.id];
    auto it = std::find_if(versions.begin(), versions.end(),
                           [&](const OfficialVersion& v) { return v.version == *version; });
    const Instant at = Instant::Parse(record.time).value_or(Instant{});
    if (record.kind == RecordKind::kPublished && it == versions.end()) {
      versions.push_back(OfficialVersion{.id = record.id,
                                         .version = *version,
                                         .published = record,
                                         .published_at = at,
                                         .last_seq = record.seq});
      it = versions.end() - 1;
    }
    if (it == versions.end()) continue;
    it->status = ParseStatus(record.status).value_or(Status::kInForce);
    it->recorded_status = it->status;
    it->last_seq = record.seq;
    // A status record ends a version on the day it was recorded. A version first recorded
    // as already ended has no known end: the ledger never guesses one.
    it->valid_to = record.kind == RecordKind::kStatusChanged && it->status != Status::kInForce
                       ? at.date().ToString()
                       : std::string();
  }
  for (auto& [id, versions] : timeline) {
    std::stable_sort(versions.begin(), versions.end(),
                     [](const OfficialVersion& a, const OfficialVersion& b) {
                       return a.version < b.version;
                     });
    for (size_t i = 0; i + 1 < versions.size(); ++i) {
      OfficialVersion& older = versions[i];
      const OfficialVersion& newer = versions[i + 1];
      if (older.status == Status::kRepealed) continue;  // ended before the next one came
      older.status = Status::kSuperseded;
      older.replaced_by = newer.version.text();
      if (!newer.published.valid_from.empty() &&
          (older.valid_to.empty() || newer.published.valid_from < older.valid_to)) {
        older.valid_to = newer.published.valid_from;
      }
    }
  }
  return timeline;
}

const OfficialVersion* FindVersion(const VersionTimeline& timeline, const std::string& id,
                                   const Version& version) {
  auto found = timeline.find(id);
  if (found == timeline.end()) return nullptr;
  for (const OfficialVersion& v : found->second) {
    if (v.version == version) return &v;
  }
  return nullptr;
}

}  // namespace kansli
