// The process the preview builds in: forked once, before the server's threads, so the
// process a build forks for the scripts never inherits a lock another thread held.
#include "serve/build_process.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <future>
#include <mutex>
#include <thread>

#include "support/process_end.h"

namespace kansli::serve {
namespace {
using namespace std::chrono_literals;

TEST(BuildProcess, BuildsInAnotherProcessAndReportsEachBuild) {
  int builds = 0;  // the child's copy counts
  BuildProcess process([&] {
    ++builds;
    return BuildReport{.ok = builds == 1,
                       .documents = builds,
                       .diagnostics = std::to_string(::getpid()) + "\nö \"rad\"\n",
                       .milliseconds = 7};
  });
  ASSERT_TRUE(process.Start()) << process.problem();
  std::optional<BuildReport> first = process.Build();
  ASSERT_TRUE(first) << process.problem();
  EXPECT_TRUE(first->ok);
  EXPECT_EQ(first->documents, 1);
  EXPECT_EQ(first->milliseconds, 7);
  const std::string pid = first->diagnostics.substr(0, first->diagnostics.find('\n'));
  EXPECT_NE(pid, std::to_string(::getpid()));
  EXPECT_EQ(first->diagnostics, pid + "\nö \"rad\"\n");
  std::optional<BuildReport> second = process.Build();
  ASSERT_TRUE(second) << process.problem();
  EXPECT_FALSE(second->ok);
  EXPECT_EQ(second->documents, 2);
  EXPECT_EQ(second->diagnostics, first->diagnostics) << "one process for every build";
  EXPECT_EQ(builds, 0) << "the server's own state is untouched";
}

// What used to hang: a lock an HTTP thread held when the build forked stayed locked in the
// child for good. The build process was forked before the server had threads, so its copy
// of the lock is free.
TEST(BuildProcess, ALockTheServersThreadsHoldDoesNotReachABuild) {
  static std::timed_mutex lock;
  BuildProcess process([] { return BuildReport{.ok = lock.try_lock_for(2s)}; });
  ASSERT_TRUE(process.Start()) << process.problem();

  std::promise<void> held, release;
  std::thread http([&, released = release.get_future()] {
    lock.lock();
    held.set_value();
    released.wait();
    lock.unlock();
  });
  held.get_future().wait();
  std::optional<BuildReport> report = process.Build();
  release.set_value();
  http.join();
  ASSERT_TRUE(report) << process.problem();
  EXPECT_TRUE(report->ok) << "the build waited for a lock held by a thread of the server";
}

// SIGKILL, as the kernel's out-of-memory killer sends: a crash's SIGSEGV would be caught
// under AddressSanitizer, which then exits with status 1.
TEST(BuildProcess, ACrashIsReportedAndTheServerGoesOn) {
  BuildProcess process([]() -> BuildReport {
    std::raise(SIGKILL);
    return {};
  });
  ASSERT_TRUE(process.Start()) << process.problem();
  EXPECT_FALSE(process.Build());
  EXPECT_EQ(process.problem(), "died of signal 9 (Killed)");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(process.Build()) << "the process is gone: later builds say so at once";
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  EXPECT_EQ(process.problem(), "died of signal 9 (Killed)");
}

TEST(BuildProcess, KillEndsARunningBuildAtOnce) {
  BuildProcess process([] {
    std::this_thread::sleep_for(60s);
    return BuildReport{};
  });
  ASSERT_TRUE(process.Start()) << process.problem();
  const auto start = std::chrono::steady_clock::now();
  std::thread stopper([&] {
    std::this_thread::sleep_for(200ms);
    process.Kill();
  });
  EXPECT_FALSE(process.Build());
  stopper.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_EQ(process.problem(), "was stopped");
}

// Killed, the server closes nothing: the process must see to ending itself.
TEST(BuildProcess, EndsWhenTheServerIsKilled) {
  const pid_t builder = testing::OrphanAProcess([](const std::function<void()>& announce) {
    BuildProcess process([&] {
      announce();
      for (;;) ::pause();
      return BuildReport{};
    });
    if (process.Start()) process.Build();
  });
  ASSERT_GT(builder, 0);
  EXPECT_TRUE(testing::ProcessEndsWithin(builder, 5s));
  ::kill(builder, SIGKILL);  // should it not have ended, it must not outlive the test either
}

}  // namespace
}  // namespace kansli::serve
