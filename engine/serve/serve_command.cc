#include "serve/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <thread>

#include "serve/preview_server.h"

namespace kansli::serve {
namespace {

constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kInternal = 3;

// Signals are taken synchronously with sigtimedwait on this thread, so no handler runs in
// the middle of a build or a request, and stopping is ordinary code.
sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

int RunServeCommand(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  const sigset_t signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);  // a browser closing a connection must not end the server

  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.pipeline.root / "kansli.yaml", ec)) {
    err << "kansli serve: " << options.pipeline.root.string()
        << " has no kansli.yaml; give the site folder as the first argument\n";
    return kUsage;
  }
  int code = kOk;
  {
    PreviewServer server(options, err);
    if (!server.Start()) return kInternal;
    out << "kansli serve: " << server.Url() << std::endl;  // flushed: tests wait for this line

    std::atomic<bool> finished{false};
    bool clean = true;
    std::thread runner([&] {
      clean = server.Run();
      finished = true;
    });
    const timespec poll{.tv_sec = 0, .tv_nsec = 200'000'000};
    while (!finished) {
      siginfo_t info;
      if (sigtimedwait(&signals, &info, &poll) > 0) break;
    }
    server.Stop();
    runner.join();
    if (!clean) {
      err << "kansli serve: the server stopped unexpectedly\n";
      code = kInternal;
    }
  }  // the temporary output folder goes here
  err << "kansli serve: stopped\n";
  return code;
}

}  // namespace kansli::serve
