#include "pipeline/progress_line.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kansli {
namespace {

using namespace std::chrono_literals;

struct FakeClock {
  ProgressLine::Clock::time_point now{};
  std::function<ProgressLine::Clock::time_point()> Fn() {
    return [this] { return now; };
  }
};

TEST(ProgressLine, SaysNothingDuringTheFirstSecond) {
  std::ostringstream out;
  FakeClock clock;
  {
    ProgressLine line(out, true, clock.Fn());
    clock.now += 900ms;
    for (int i = 0; i < 10; ++i) line.Done(10);
  }
  EXPECT_EQ(out.str(), "");
}

TEST(ProgressLine, ShowsDoneOfTotalAndAnEstimateOnOneLineThenClearsIt) {
  std::ostringstream out;
  FakeClock clock;
  ProgressLine line(out, true, clock.Fn());
  clock.now += 2s;
  line.Done(4);  // 1 of 4 in 2 s: about 6 s left
  EXPECT_EQ(out.str(), "\rDokument 1 av 4 (25 %), cirka 6 s kvar\x1b[K");
  line.Done(4);  // within 100 ms of the last drawing: not drawn again
  EXPECT_EQ(out.str().find("Dokument 2"), std::string::npos);
  clock.now += 1s;
  line.Done(4);
  EXPECT_NE(out.str().find("\rDokument 3 av 4 (75 %), cirka 1 s kvar"), std::string::npos);
  EXPECT_EQ(out.str().find('\n'), std::string::npos);  // always the same line
  line.Clear();
  EXPECT_TRUE(out.str().ends_with("\r\x1b[K"));
}

TEST(ProgressLine, NeverWritesWhenNotShown) {
  std::ostringstream out;
  FakeClock clock;
  {
    ProgressLine line(out, false, clock.Fn());
    clock.now += 10s;
    for (int i = 0; i < 10; ++i) line.Done(10);
    line.Clear();
  }
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace kansli
