#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "ledger/instant.h"
#include "ledger/ledger_record.h"

namespace kansli {

// The first line of every ledger: what the file is and which version of the format, as
// ninja's .ninja_log starts. The first record's `prev` is this line's SHA-256.
inline constexpr std::string_view kLedgerHeader = R"({"format":"kansli-ledger","version":1})";

// Where the next append goes: what ArchiveFolder::Append needs of a ledger.
struct LedgerEnd {
  bool exists = false;
  size_t good_bytes = 0;
  bool needs_newline = false;
};

// The records of archive/ledger.jsonl whose chain holds, in file order.
struct Ledger {
  std::vector<LedgerRecord> records;
  // Bytes of the file up to the end of the last good line. Smaller than the file when a torn
  // last line was dropped: the next append starts here, so the torn bytes are overwritten.
  size_t good_bytes = 0;
  bool exists = false;  // the file is there (a site that never published has none)
  // The last record is whole but its '\n' is missing (a crash between the two): the next
  // append writes the newline first.
  bool needs_newline = false;

  // The newest record's hash; the header's hash when there is no record. Pinned on the
  // register page and in manifest.json.
  std::string Head() const;
  LedgerEnd End() const { return {exists, good_bytes, needs_newline}; }
};

// Reads and checks a ledger's text. Any line that is not a record, a record whose hash is
// not its canonical form's, a `prev` that is not the previous hash or a `seq` out of order is
// ledger-broken at its line (never repaired: history is not rewritten). A last line without
// its '\n' that is a whole record continuing the chain is kept; one that is not was cut
// short by a crash: ledger-torn, a warning, and the line is dropped. Lines must be exactly
// as kansli writes them (canonical JSON), so no two texts of one record are accepted.
// `path` is the file as diagnostics name it ("archive/ledger.jsonl").
Ledger ParseLedger(std::string_view text, const std::string& path, Diagnostics& diags);

// Gives new records their seq, prev and hash, continuing the chain after `ledger`.
void ChainRecords(const Ledger& ledger, std::vector<LedgerRecord>& records);

}  // namespace kansli
