#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kansli {

enum class RecordKind {
  kPublished,      // a version became official: its PDF and source were frozen
  kStatusChanged,  // an official version was repealed or superseded (its PDF stays as it was)
};

// One line of the ledger. Every field is part of the record's hash, so changing any byte of
// a recorded line, or the order of lines, breaks the chain from there on.
struct LedgerRecord {
  int64_t seq = 0;   // 1, 2, 3, … in file order
  std::string time;  // publication, "2026-01-10T09:00:00Z"
  RecordKind kind = RecordKind::kPublished;
  std::string id;
  std::string title;
  std::string version;  // as the front matter writes it: "2", "1.3"
  std::string status;   // the front-matter word: gällande, upphävd, ersatt
  std::string valid_from;
  std::string adopted_by;
  std::string adopted_in;     // id of the adopting decision, or ""
  std::string source_sha256;  // of the archived source text
  // Of the source without its status line: a status change alone leaves it unchanged, any
  // other edit changes it.
  std::string text_sha256;
  std::string pdf_sha256;  // of the official PDF, the same for every record of one version
  int64_t pdf_bytes = 0;
  std::string prev;  // the previous record's hash; the first record's is the header's hash
  std::string hash;  // SHA-256 of CanonicalForm
};

std::string_view RecordKindName(RecordKind kind);  // "published", "status"

// The record as compact JSON with sorted keys and without "hash": the bytes that are hashed.
std::string CanonicalForm(const LedgerRecord& record);
std::string RecordHash(const LedgerRecord& record);
// The whole record, hash included, as one ledger line with its '\n'.
std::string RecordLine(const LedgerRecord& record);
// A ledger line (without '\n') back into a record; nullopt with `problem` set when it is not
// a well-formed record. The hash is not checked here.
std::optional<LedgerRecord> ParseRecordLine(std::string_view line, std::string& problem);

// Where the archive keeps a version's files, relative to the archive folder.
std::string ArchivedPdfName(std::string_view id, std::string_view version);     // pdf/<id>-v<v>.pdf
std::string ArchivedSourceName(std::string_view id, std::string_view version);  // source/<id>-v<v>.md

}  // namespace kansli
