#include "ledger/version_timeline.h"

#include <gtest/gtest.h>

#include "ledger/instant.h"
#include "ledger/ledger.h"

namespace kansli {
namespace {

LedgerRecord Record(const std::string& version, const std::string& valid_from,
                    const std::string& time, const std::string& status = "gällande",
                    RecordKind kind = RecordKind::kPublished) {
  return LedgerRecord{.time = time, .kind = kind, .id = "policy", .title = "Policy",
                      .version = version, .status = status, .valid_from = valid_from};
}

TEST(VersionTimeline, ALaterVersionEndsTheOneBefore) {
  VersionTimeline timeline = BuildTimeline({Record("1", "2013-11-01", "2026-01-10T09:00:00Z"),
                                            Record("1.10", "2026-05-01", "2026-04-01T09:00:00Z"),
                                            Record("1.9", "2026-02-10", "2026-03-01T09:00:00Z")});
  const std::vector<OfficialVersion>& versions = timeline.at("policy");
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0].version.text(), "1");
  EXPECT_EQ(versions[1].version.text(), "1.9");
  EXPECT_EQ(versions[2].version.text(), "1.10");
  EXPECT_EQ(versions[0].valid_to, "2026-02-10");
  EXPECT_EQ(versions[0].replaced_by, "1.9");
  EXPECT_EQ(versions[0].status, Status::kSuperseded);
  EXPECT_EQ(versions[0].recorded_status, Status::kInForce);
  EXPECT_EQ(versions[1].valid_to, "2026-05-01");
  EXPECT_EQ(versions[2].status, Status::kInForce);
  EXPECT_EQ(versions[2].valid_to, "");
  EXPECT_EQ(FindVersion(timeline, "policy", *Version::Parse("1.9")), &versions[1]);
  EXPECT_EQ(FindVersion(timeline, "policy", *Version::Parse("2")), nullptr);
}

TEST(VersionTimeline, AStatusRecordRepealsAVersionOnItsDate) {
  VersionTimeline timeline = BuildTimeline(
      {Record("1", "2013-11-01", "2026-01-10T09:00:00Z"),
       Record("1", "2013-11-01", "2026-06-30T15:00:00Z", "upphävd", RecordKind::kStatusChanged)});
  const OfficialVersion& v = timeline.at("policy").at(0);
  EXPECT_EQ(v.status, Status::kRepealed);
  EXPECT_EQ(v.valid_to, "2026-06-30");
  EXPECT_EQ(v.published.time, "2026-01-10T09:00:00Z") << "the PDF is the published one";
}

TEST(Instant, ParsesAndPrintsUtc) {
  std::optional<Instant> at = Instant::Parse("2026-01-10T09:00:00Z");
  ASSERT_TRUE(at);
  EXPECT_EQ(at->ToString(), "2026-01-10T09:00:00Z");
  EXPECT_EQ(at->Display(), "2026-01-10 09:00 UTC");
  EXPECT_EQ(at->date().ToString(), "2026-01-10");
  EXPECT_EQ(Instant::Parse("2026-01-10T09:00")->ToString(), "2026-01-10T09:00:00Z");
  for (const char* bad : {"2026-02-30T09:00:00Z", "2026-01-10 09:00", "2026-01-10T24:00Z", ""}) {
    EXPECT_FALSE(Instant::Parse(bad)) << bad;
  }
}

}  // namespace
}  // namespace kansli
