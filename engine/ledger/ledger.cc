#include "ledger/ledger.h"

#include "source/sha256.h"

namespace kansli {

std::string Ledger::Head() const {
  return records.empty() ? Sha256Hex(kLedgerHeader) : records.back().hash;
}

Ledger ParseLedger(std::string_view text, const std::string& path, Diagnostics& diags) {
  Ledger ledger{.exists = true};
  size_t at = 0;
  int line_number = 0;
  std::string prev = Sha256Hex(kLedgerHeader);
  const auto broken = [&](const std::string& message) {
    diags.Error({path, line_number, 1}, Code::kLedgerBroken, message,
                {"the ledger is history and is never rewritten: restore archive/ from the "
                 "repository (git checkout archive/ or git log -p archive/ledger.jsonl shows "
                 "what changed)"});
  };
  while (at < text.size()) {
    ++line_number;
    const size_t end = text.find('\n', at);
    if (end == std::string_view::npos) {
      // Every append writes whole lines, so only a crash leaves a line without its newline.
      diags.Warning({path, line_number, 1}, Code::kLedgerTorn,
                    "the last line of the ledger is cut short (a publish was stopped while "
                    "writing it); it is ignored",
                    {"run kansli publish again: it records that version anew"});
      break;
    }
    const std::string_view line = text.substr(at, end - at);
    if (line_number == 1) {
      if (line != kLedgerHeader) {
        broken("the first line is not the ledger header " + std::string(kLedgerHeader));
        return ledger;
      }
    } else {
      std::string problem;
      std::optional<LedgerRecord> record = ParseRecordLine(line, problem);
      if (!record) {
        broken("line " + std::to_string(line_number) + " is not a ledger record: " + problem);
        return ledger;
      }
      const std::string name = "record " + std::to_string(record->seq) + " (" + record->id +
                               " version " + record->version + ")";
      if (record->seq != static_cast<int64_t>(ledger.records.size()) + 1) {
        broken(name + " is out of order: expected record " +
               std::to_string(ledger.records.size() + 1) + " here");
        return ledger;
      }
      if (record->prev != prev) {
        broken(name + " does not follow the record before it (its prev is not that record's "
                      "hash): a record was removed, reordered or changed");
        return ledger;
      }
      if (RecordHash(*record) != record->hash) {
        broken(name + " has been changed since it was written: its hash does not match its "
                      "contents");
        return ledger;
      }
      prev = record->hash;
      ledger.records.push_back(std::move(*record));
    }
    at = end + 1;
    ledger.good_bytes = at;
  }
  if (line_number == 0 || (line_number == 1 && ledger.good_bytes == 0)) {
    // An empty file, or a header cut short: nothing was ever recorded in it (the first
    // publish writes the header and its records in one file, renamed into place).
    broken("the ledger has no header line");
  }
  return ledger;
}

void ChainRecords(const Ledger& ledger, std::vector<LedgerRecord>& records) {
  std::string prev = ledger.Head();
  int64_t seq = static_cast<int64_t>(ledger.records.size());
  for (LedgerRecord& record : records) {
    record.seq = ++seq;
    record.prev = prev;
    record.hash = RecordHash(record);
    prev = record.hash;
  }
}

}  // namespace kansli
