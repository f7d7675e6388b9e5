#include "ledger/ledger_record.h"

#include <nlohmann/json.hpp>

#include "ledger/instant.h"
#include "source/sha256.h"
#include "validate/status.h"
#include "validate/version.h"

namespace kansli {
namespace {

using Json = nlohmann::json;

// Every key a record has, besides "hash". A line with any other key, or without one of
// these, is not a record this version of kansli wrote.
constexpr const char* kTextKeys[] = {"time",       "kind",       "id",         "title",
                                     "version",    "status",     "valid_from", "adopted_by",
                                     "adopted_in", "source_sha256", "text_sha256", "pdf_sha256",
                                     "prev"};

Json ToJson(const LedgerRecord& r) {
  // nlohmann::json keeps object keys sorted, so dump() is already the canonical order.
  return Json{{"seq", r.seq},
              {"time", r.time},
              {"kind", std::string(RecordKindName(r.kind))},
              {"id", r.id},
              {"title", r.title},
              {"version", r.version},
              {"status", r.status},
              {"valid_from", r.valid_from},
              {"adopted_by", r.adopted_by},
              {"adopted_in", r.adopted_in},
              {"source_sha256", r.source_sha256},
              {"text_sha256", r.text_sha256},
              {"pdf_sha256", r.pdf_sha256},
              {"pdf_bytes", r.pdf_bytes},
              {"prev", r.prev}};
}

bool IsHex64(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

std::string_view RecordKindName(RecordKind kind) {
  return kind == RecordKind::kPublished ? "published" : "status";
}

std::string CanonicalForm(const LedgerRecord& record) {
  // Invalid UTF-8 cannot reach a record (sources are checked when read); replace rather than
  // throw if it ever did.
  return ToJson(record).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string RecordHash(const LedgerRecord& record) { return Sha256Hex(CanonicalForm(record)); }

std::string RecordLine(const LedgerRecord& record) {
  Json json = ToJson(record);
  json["hash"] = record.hash;
  return json.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<LedgerRecord> ParseRecordLine(std::string_view line, std::string& problem) {
  Json json = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    problem = "the line is not a JSON object";
    return std::nullopt;
  }
  for (const char* key : kTextKeys) {
    if (!json.contains(key) || !json[key].is_string()) {
      problem = std::string("\"") + key + "\" is missing or not text";
      return std::nullopt;
    }
  }
  for (const char* key : {"seq", "pdf_bytes"}) {
    if (!json.contains(key) || !json[key].is_number_integer() || json[key].get<int64_t>() < 0) {
      problem = std::string("\"") + key + "\" is missing or not a whole number";
      return std::nullopt;
    }
  }
  if (!json.contains("hash") || !json["hash"].is_string()) {
    problem = "\"hash\" is missing";
    return std::nullopt;
  }
  if (json.size() != std::size(kTextKeys) + 3) {
    problem = "the record has fields kansli does not know";
    return std::nullopt;
  }
  LedgerRecord r;
  r.seq = json["seq"].get<int64_t>();
  r.time = json["time"];
  const std::string kind = json["kind"];
  if (kind != "published" && kind != "status") {
    problem = "kind \"" + kind + "\" is neither published nor status";
    return std::nullopt;
  }
  r.kind = kind == "published" ? RecordKind::kPublished : RecordKind::kStatusChanged;
  r.id = json["id"];
  r.title = json["title"];
  r.version = json["version"];
  r.status = json["status"];
  r.valid_from = json["valid_from"];
  r.adopted_by = json["adopted_by"];
  r.adopted_in = json["adopted_in"];
  r.source_sha256 = json["source_sha256"];
  r.text_sha256 = json["text_sha256"];
  r.pdf_sha256 = json["pdf_sha256"];
  r.pdf_bytes = json["pdf_bytes"].get<int64_t>();
  r.prev = json["prev"];
  r.hash = json["hash"];
  // Ids and versions name files in the archive: a forged one must not lead out of it.
  if (r.id.empty() || r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") !=
                          std::string::npos) {
    problem = "id \"" + r.id + "\" is not an id";
    return std::nullopt;
  }
  if (!Version::Parse(r.version)) {
    problem = "version \"" + r.version + "\" is not a version";
    return std::nullopt;
  }
  if (!Instant::Parse(r.time)) {
    problem = "time \"" + r.time + "\" is not a time";
    return std::nullopt;
  }
  if (std::optional<Status> status = ParseStatus(r.status); !status || !IsDecided(*status)) {
    problem = "status \"" + r.status + "\" is not the status of a decided version";
    return std::nullopt;
  }
  if (!r.valid_from.empty() && !Date::Parse(r.valid_from)) {
    problem = "valid_from \"" + r.valid_from + "\" is not a date";
    return std::nullopt;
  }
  for (const std::string* hex : {&r.source_sha256, &r.text_sha256, &r.pdf_sha256, &r.prev, &r.hash}) {
    if (!IsHex64(*hex)) {
      problem = "a SHA-256 is not 64 lower-case hex digits";
      return std::nullopt;
    }
  }
  return r;
}

std::string ArchivedPdfName(std::string_view id, std::string_view version) {
  return "pdf/" + std::string(id) + "-v" + std::string(version) + ".pdf";
}

std::string ArchivedSourceName(std::string_view id, std::string_view version) {
  return "source/" + std::string(id) + "-v" + std::string(version) + ".md";
}

}  // namespace kansli
