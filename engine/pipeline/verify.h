// `kansli verify`: is this PDF an official version? Read from the ledger alone, so the
// answer does not depend on the site as it is built today.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "ledger/pdf_claim.h"
#include "ledger/version_timeline.h"
#include "pipeline/pipeline.h"
#include "source/source_tree.h"

namespace kansli {

struct FileVerdict {
  std::string file;
  std::string sha256;
  size_t bytes = 0;
  std::optional<OfficialVersion> official;  // the version these bytes are
  std::optional<PdfClaim> claim;            // when not official: what the file says it is
  std::optional<OfficialVersion> claimed;   // …and that official version, if there is one
};

struct VerifyReport {
  int records = 0;
  std::string head;  // the ledger's newest hash
  int official_pdfs = 0;
  std::vector<FileVerdict> files;
};

// Checks the ledger's chain and every archived file (ledger-broken, archive-mismatch), then
// looks each file up by SHA-256. nullopt when the ledger or archive fails its checks: no
// answer is given from a history that does not hold. An unreadable file is read-failed.
std::optional<VerifyReport> Verify(SourceTree& tree, const PipelineOptions& options,
                                   const std::vector<std::string>& files, Diagnostics& diags);

// "official: Policy för internationellt arbete (ljungby-policy-internationellt-arbete),
// version 1, published 2026-01-10 09:00 UTC, in force 2013-11-01 – 2026-02-10, replaced by
// version 2", or "not an official version …".
std::string DescribeVerdict(const FileVerdict& verdict);

}  // namespace kansli
