#include "ledger/ledger.h"

#include "source/sha256.h"

namespace kansli {

std::string Ledger::Head() const {
  return records.empty() ? Sha256Hex(kLedgerHeader) : records.back().hash;
}

namespace {

// "record 3 (policy version 2)": how messages name a record.
std::string RecordName(const LedgerRecord& record) {
  return "record " + std::to_string(record.seq) + " (" + record.id + " version " +
         record.version + ")";
}

}  // namespace

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
  // A whole, chained record: the problem with it, or "" when it is one.
  const auto check = [&](std::string_view line, std::optional<LedgerRecord>& record) {
    std::string problem;
    record = ParseRecordLine(line, problem);
    if (!record) return "line " + std::to_string(line_number) + " is not a ledger record: " + problem;
    if (RecordLine(*record) != std::string(line) + "\n") {
      return RecordName(*record) + " is not written as kansli writes records (its JSON has "
                                   "been reformatted or edited)";
    }
    if (record->seq != static_cast<int64_t>(ledger.records.size()) + 1) {
      return RecordName(*record) + " is out of order: expected record " +
             std::to_string(ledger.records.size() + 1) + " here";
    }
    if (record->prev != prev) {
      return RecordName(*record) + " does not follow the record before it (its prev is not "
                                   "that record's hash): a record was removed, reordered or "
                                   "changed";
    }
    if (RecordHash(*record) != record->hash) {
      return RecordName(*record) + " has been changed since it was written: its hash does "
                                   "not match its contents";
    }
    return std::string();
  };
  while (at < text.size()) {
    ++line_number;
    size_t end = text.find('\n', at);
    const bool terminated = end != std::string_view::npos;
    if (!terminated) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (line_number == 1) {
      if (!terminated) break;  // reported below: no header
      if (line.ends_with('\r')) {
        diags.Error({path, 1, 1}, Code::kLedgerBroken,
                    "the ledger's lines end in CRLF: a tool (git's autocrlf?) rewrote it",
                    {"add 'archive/** -text' to .gitattributes and check the ledger out again"});
        return ledger;
      }
      if (line != kLedgerHeader) {
        broken("the first line is not the ledger header " + std::string(kLedgerHeader));
        return ledger;
      }
    } else {
      std::optional<LedgerRecord> record;
      const std::string problem = check(line, record);
      if (!terminated) {
        if (problem.empty()) {
          // Whole, only its newline missing: trusted, since its hash and chain hold.
          ledger.records.push_back(std::move(*record));
          ledger.good_bytes = text.size();
          ledger.needs_newline = true;
        } else {
          // Every append writes whole lines, so only a crash leaves a part of one.
          diags.Warning({path, line_number, 1}, Code::kLedgerTorn,
                        "the last line of the ledger is cut short (a publish was stopped while "
                        "writing it); it is ignored",
                        {"run kansli publish again: it records that version anew"});
        }
        break;
      }
      if (!problem.empty()) {
        broken(problem);
        return ledger;
      }
      prev = record->hash;
      ledger.records.push_back(std::move(*record));
    }
    at = end + 1;
    ledger.good_bytes = at;
  }
  if (ledger.good_bytes == 0) {
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
