// The ledger's format: canonical form, chain, torn last line, tampering and reordering.
#include "ledger/ledger.h"

#include <gtest/gtest.h>

#include "source/sha256.h"

namespace kansli {
namespace {

LedgerRecord Record(const std::string& id, const std::string& version,
                    RecordKind kind = RecordKind::kPublished) {
  const std::string hex(64, 'a');
  return LedgerRecord{.time = "2026-01-10T09:00:00Z",
                      .kind = kind,
                      .id = id,
                      .title = "Policy för internationellt arbete",
                      .version = version,
                      .status = "gällande",
                      .valid_from = "2013-11-01",
                      .adopted_by = "Kommunfullmäktige",
                      .source_sha256 = hex,
                      .text_sha256 = hex,
                      .pdf_sha256 = std::string(64, 'b'),
                      .pdf_bytes = 31234};
}

// A ledger file with `records` appended to an empty ledger.
std::string LedgerText(std::vector<LedgerRecord> records) {
  ChainRecords(Ledger{}, records);
  std::string text = std::string(kLedgerHeader) + "\n";
  for (const LedgerRecord& record : records) text += RecordLine(record);
  return text;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

const std::vector<LedgerRecord> kThree = {Record("a", "1"), Record("b", "1"), Record("a", "2")};

TEST(Ledger, CanonicalFormHasSortedKeysAndNoHash) {
  LedgerRecord record = Record("a", "1");
  record.seq = 1;
  record.prev = std::string(64, 'c');
  const std::string canonical = CanonicalForm(record);
  EXPECT_EQ(canonical.find("\"hash\""), std::string::npos);
  EXPECT_LT(canonical.find("\"adopted_by\""), canonical.find("\"id\""));
  EXPECT_LT(canonical.find("\"id\""), canonical.find("\"version\""));
  EXPECT_NE(canonical.find("\"status\":\"gällande\""), std::string::npos) << "UTF-8 as is";
  EXPECT_EQ(RecordHash(record), Sha256Hex(canonical));
}

TEST(Ledger, AppendedRecordsFormAChainThatReadsBack) {
  Diagnostics diags;
  const std::string text = LedgerText(kThree);
  Ledger ledger = ParseLedger(text, "archive/ledger.jsonl", diags);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(ledger.records.size(), 3u);
  EXPECT_EQ(ledger.records[0].prev, Sha256Hex(kLedgerHeader));
  EXPECT_EQ(ledger.records[1].prev, ledger.records[0].hash);
  EXPECT_EQ(ledger.records[2].seq, 3);
  EXPECT_EQ(ledger.Head(), ledger.records[2].hash);
  EXPECT_EQ(ledger.good_bytes, text.size());

  // Appending continues the chain from the head.
  std::vector<LedgerRecord> more = {Record("c", "1")};
  ChainRecords(ledger, more);
  EXPECT_EQ(more[0].seq, 4);
  EXPECT_EQ(more[0].prev, ledger.Head());
  Ledger again = ParseLedger(text + RecordLine(more[0]), "archive/ledger.jsonl", diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(again.records.size(), 4u);
}

TEST(Ledger, ATornLastLineIsDroppedWithAWarning) {
  const std::string text = LedgerText(kThree);
  const std::string torn = text.substr(0, text.size() - 40);  // the last line cut short
  Diagnostics diags;
  Ledger ledger = ParseLedger(torn, "archive/ledger.jsonl", diags);
  EXPECT_FALSE(diags.HasErrors());
  ASSERT_EQ(diags.list().size(), 1u);
  EXPECT_EQ(diags.list()[0].code, Code::kLedgerTorn);
  EXPECT_EQ(diags.list()[0].pos.line, 4);
  EXPECT_EQ(ledger.records.size(), 2u);
  EXPECT_EQ(ledger.good_bytes, text.rfind('\n', text.size() - 2) + 1);
}

TEST(Ledger, AWholeLastRecordWithoutItsNewlineIsKept) {
  const std::string text = LedgerText(kThree);
  Diagnostics diags;
  Ledger ledger = ParseLedger(text.substr(0, text.size() - 1), "archive/ledger.jsonl", diags);
  EXPECT_TRUE(diags.empty()) << "its hash and chain hold: a crash took only the newline";
  EXPECT_EQ(ledger.records.size(), 3u);
  EXPECT_TRUE(ledger.needs_newline);
  EXPECT_EQ(ledger.good_bytes, text.size() - 1);
}

TEST(Ledger, AReformattedRecordIsRefused) {
  std::vector<std::string> lines = Lines(LedgerText(kThree));
  const size_t at = lines[2].find("\"seq\":");
  lines[2].insert(at + 6, " ");  // the same JSON value, written another way
  Diagnostics diags;
  ParseLedger(Join(lines), "archive/ledger.jsonl", diags);
  ASSERT_TRUE(diags.HasErrors());
  EXPECT_NE(diags.list()[0].message.find("not written as kansli writes records"), std::string::npos)
      << diags.list()[0].message;
}

TEST(Ledger, ALedgerWithCrlfLineEndsSaysWhy) {
  std::string text = LedgerText(kThree);
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) {
    text.insert(at, "\r");
  }
  Diagnostics diags;
  ParseLedger(text, "archive/ledger.jsonl", diags);
  ASSERT_TRUE(diags.HasErrors());
  EXPECT_NE(diags.list()[0].message.find("CRLF"), std::string::npos);
}

TEST(Ledger, AChangedRecordBreaksTheChainAtItsLine) {
  std::vector<std::string> lines = Lines(LedgerText(kThree));
  const size_t at = lines[2].find("Kommunfullmäktige");
  lines[2].replace(at, std::string("Kommunfullmäktige").size(), "Kommunstyrelsen");
  Diagnostics diags;
  Ledger ledger = ParseLedger(Join(lines), "archive/ledger.jsonl", diags);
  ASSERT_TRUE(diags.HasErrors());
  EXPECT_EQ(diags.list()[0].code, Code::kLedgerBroken);
  EXPECT_EQ(diags.list()[0].pos.line, 3);
  EXPECT_NE(diags.list()[0].message.find("record 2 (b version 1)"), std::string::npos)
      << diags.list()[0].message;
  EXPECT_EQ(ledger.records.size(), 1u) << "nothing after the break is trusted";
}

TEST(Ledger, ARecordRehashedAfterAChangeStillBreaksTheNextLink) {
  std::vector<LedgerRecord> records = kThree;
  ChainRecords(Ledger{}, records);
  records[1].adopted_by = "Kommunstyrelsen";
  records[1].hash = RecordHash(records[1]);  // a forger recomputes this record's hash…
  std::string text = std::string(kLedgerHeader) + "\n";
  for (const LedgerRecord& record : records) text += RecordLine(record);
  Diagnostics diags;
  ParseLedger(text, "archive/ledger.jsonl", diags);
  ASSERT_TRUE(diags.HasErrors());  // …but the next record's prev still names the old one
  EXPECT_EQ(diags.list()[0].pos.line, 4);
}

TEST(Ledger, ReorderedOrRemovedRecordsAreRefused) {
  std::vector<std::string> lines = Lines(LedgerText(kThree));
  std::swap(lines[2], lines[3]);
  Diagnostics swapped;
  ParseLedger(Join(lines), "archive/ledger.jsonl", swapped);
  EXPECT_TRUE(swapped.HasErrors());

  lines = Lines(LedgerText(kThree));
  lines.erase(lines.begin() + 2);
  Diagnostics removed;
  ParseLedger(Join(lines), "archive/ledger.jsonl", removed);
  ASSERT_TRUE(removed.HasErrors());
  EXPECT_NE(removed.list()[0].message.find("out of order"), std::string::npos);
}

TEST(Ledger, RefusesAMissingHeaderAndForeignLines) {
  Diagnostics no_header;
  ParseLedger(LedgerText(kThree).substr(std::string(kLedgerHeader).size() + 1),
              "archive/ledger.jsonl", no_header);
  EXPECT_TRUE(no_header.HasErrors());

  Diagnostics empty;
  ParseLedger("", "archive/ledger.jsonl", empty);
  EXPECT_TRUE(empty.HasErrors());

  for (const char* line : {"not json", "[1,2]", "{\"seq\":1}"}) {
    Diagnostics diags;
    ParseLedger(std::string(kLedgerHeader) + "\n" + line + "\n", "archive/ledger.jsonl", diags);
    EXPECT_TRUE(diags.HasErrors()) << line;
  }
}

TEST(Ledger, RefusesIdsAndVersionsThatWouldLeaveTheArchive) {
  for (const char* id : {"../../etc/passwd", "a/b", "A"}) {
    std::vector<std::string> lines = Lines(LedgerText({Record(id, "1")}));
    Diagnostics diags;
    ParseLedger(Join(lines), "archive/ledger.jsonl", diags);
    EXPECT_TRUE(diags.HasErrors()) << id;
  }
  Diagnostics diags;
  ParseLedger(LedgerText({Record("a", "1/../../x")}), "archive/ledger.jsonl", diags);
  EXPECT_TRUE(diags.HasErrors());
}

}  // namespace
}  // namespace kansli
