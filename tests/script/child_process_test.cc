#include "script/child_process.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "script/script_outcome.h"
#include "support/process_end.h"

namespace kansli::script {
namespace {

using Status = ChildOutcome::Status;

TEST(RunInChild, HandsBackEveryLineTheWorkSent) {
  ChildOutcome out = RunInChild(
      [](const SendLine& send) {
        send("B 0");
        send(std::string(100'000, 'x'));  // more than a pipe holds at once
        send("R done");
      },
      5);
  EXPECT_EQ(out.status, Status::kFinished);
  ASSERT_EQ(out.lines.size(), 3u);
  EXPECT_EQ(out.lines[1].size(), 100'000u);
  EXPECT_EQ(out.lines[2], "R done");
}

// Work stuck where nothing can interrupt it is killed, and the lines sent before say where.
TEST(RunInChild, KillsWorkThatSendsNothingInTime) {
  const auto start = std::chrono::steady_clock::now();
  ChildOutcome out = RunInChild(
      [](const SendLine& send) {
        send("B 1");
        for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
      },
      0.3);
  EXPECT_EQ(out.status, Status::kStuck);
  EXPECT_EQ(out.lines, std::vector<std::string>{"B 1"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(RunInChild, EachLineGivesTheWorkTheTimeAgain) {
  ChildOutcome out = RunInChild(
      [](const SendLine& send) {
        for (int i = 0; i < 5; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(150));
          send("B " + std::to_string(i));
        }
      },
      0.5);  // 750 ms in all, never 500 ms without a line
  EXPECT_EQ(out.status, Status::kFinished);
  EXPECT_EQ(out.lines.size(), 5u);
}

TEST(RunInChild, SaysSoWhenTheChildDies) {
  ChildOutcome out = RunInChild([](const SendLine&) { std::raise(SIGKILL); }, 5);
  EXPECT_EQ(out.status, Status::kFailed);
  EXPECT_NE(out.problem.find("signal 9"), std::string::npos) << out.problem;
}

// A child stuck where its time limit cannot reach must not outlive a parent that is killed
// (kansli serve kills its build process when it stops).
TEST(RunInChild, EndsWhenItsParentIsKilled) {
  const pid_t child = testing::OrphanAProcess([](const std::function<void()>& announce) {
    RunInChild(
        [&](const SendLine&) {
          announce();
          for (;;) ::pause();
        },
        60);
  });
  ASSERT_GT(child, 0);
  EXPECT_TRUE(testing::ProcessEndsWithin(child, std::chrono::seconds(5)));
  ::kill(child, SIGKILL);  // should it not have ended, it must not outlive the test either
}

TEST(ScriptOutcome, RoundTripsRelationsLinksAndDiagnostics) {
  Collected collected;
  collected.relations.insert(
      Relation{.from = "plan", .to = "policy", .kind = RelationKind::kImplements});
  collected.links[{"plan", 3}] = "policy";
  Diagnostics diags;
  diags.Warning({"scripts/x.lua", 4, 2}, Code::kScriptError, "ö \"citat\"\nrad", {"tips"});
  const std::string line = EncodeOutcome(collected, diags);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  std::optional<ScriptOutcome> back = DecodeOutcome(line);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->collected.relations, collected.relations);
  EXPECT_EQ(back->collected.links, collected.links);
  ASSERT_EQ(back->diags.list().size(), 1u);
  const Diagnostic& d = back->diags.list()[0];
  EXPECT_EQ(d.pos, (SourcePos{"scripts/x.lua", 4, 2}));
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.code, Code::kScriptError);
  EXPECT_EQ(d.message, "ö \"citat\"\nrad");
  EXPECT_EQ(d.hints, std::vector<std::string>{"tips"});
  EXPECT_FALSE(DecodeOutcome("{\"relations\": 3}"));
  EXPECT_FALSE(DecodeOutcome("not json"));
}

}  // namespace
}  // namespace kansli::script
