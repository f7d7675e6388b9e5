#include "pipeline/record_versions.h"

namespace kansli {

std::optional<Instant> PublicationTime(const PipelineOptions& options, const Ledger& ledger,
                                       Diagnostics& diags) {
  Instant now = Instant::Now();
  if (options.now) {
    std::optional<Instant> fixed = Instant::Parse(*options.now);
    if (!fixed) {
      diags.Error({}, Code::kConfigError, "--now " + *options.now + " is not a time",
                  {"write it as 2026-01-10T09:00:00Z"});
      return std::nullopt;
    }
    now = *fixed;
  }
  if (!ledger.records.empty()) {
    const LedgerRecord& last = ledger.records.back();
    if (now < Instant::Parse(last.time).value_or(Instant{})) {
      diags.Error({}, Code::kConfigError,
                  "the publication time " + now.ToString() + " is before the ledger's last record (" +
                      last.time + ")",
                  {"check the machine's clock, or give a later --now"});
      return std::nullopt;
    }
  }
  return now;
}

bool RecordVersions(const ArchiveFolder& archive, const LedgerEnd& end,
                    const std::vector<ArchivedFile>& files,
                    const std::vector<LedgerRecord>& records, Diagnostics& diags) {
  for (const ArchivedFile& file : files) {
    const std::string path = archive.DisplayPath(file.name);
    if (std::error_code ec = archive.Write(file.name, file.bytes); ec == std::errc::file_exists) {
      diags.Error({path, 0, 0}, Code::kArchiveMismatch,
                  path + " exists with other bytes, but the ledger has no record of it; nothing "
                         "was recorded",
                  {"if records were removed from the ledger, restore archive/ from the "
                   "repository; if a publish by another version of kansli was interrupted, the "
                   "file is not official: delete it and publish again"});
      return false;
    } else if (ec) {
      diags.Error({path, 0, 0}, Code::kPublishFailed,
                  "cannot write " + path + ": " + ec.message() + "; nothing was recorded");
      return false;
    }
  }
  if (std::error_code ec = archive.Append(end, records)) {
    diags.Error({archive.LedgerPath(), 0, 0}, Code::kPublishFailed,
                "cannot append to the ledger: " + ec.message());
    return false;
  }
  return true;
}

}  // namespace kansli
