// The preview: an HTTP server over the private output folder, a watcher thread that rebuilds
// on edits, and the /__kansli/ endpoints that let open pages reload.
//
// URLs (layout from kansli.yaml's base_url, see url_layout.h):
//   {base}...              html/ of the last good build; a folder URL serves its index.html
//   {base's parent}pdf/... pdf/ of the last good build
//   /                      302 to {base} when base is not "/"
//   /__kansli/live.js      the live-reload script (also under {base}__kansli/)
//   /__kansli/status       {"generation","ok","has_site","diagnostics","milliseconds"}
//   /__kansli/wait?generation=N   the same, once a build newer than N has finished (or after
//                          ServeOptions::wait_timeout, or at shutdown)
// Every response has Cache-Control: no-store. HTML responses get the live-reload script and,
// while the last build failed, the error overlay; the built files never contain them.
#pragma once

#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <ostream>
#include <string>
#include <thread>

#include "publish/temp_dir.h"
#include "serve/file_watcher.h"
#include "serve/serve_options.h"
#include "serve/site_builder.h"
#include "serve/url_layout.h"

namespace kansli::serve {

class PreviewServer {
 public:
  // Writes build progress, diagnostics and errors to `log`.
  PreviewServer(ServeOptions options, std::ostream& log);
  // Stops, ends a running build, and removes the temporary output folder.
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  // Makes the temporary output folder and the build process, builds once (a failed build
  // still serves), and binds the port. False, with the reason on `log`, if the folder, the
  // process or the port cannot be had. Call it before the process has other threads.
  bool Start();

  // Watches and serves until Stop(); call after a successful Start(). False if the server
  // failed rather than was stopped.
  bool Run();

  // From any thread but a request handler's; returns at once, Run() returns soon after.
  void Stop();

  // "http://127.0.0.1:8000/styrdokument/": where the site's register is.
  std::string Url() const;
  int port() const { return port_; }
  // The private folder builds publish to (html/, pdf/ and manifest.json below it).
  std::filesystem::path output_dir() const;

 private:
  void Handle(const httplib::Request& req, httplib::Response& res);
  bool HandleEndpoint(const std::string& name, const httplib::Request& req, httplib::Response& res);
  void ServeFrom(const std::filesystem::path& folder, std::string_view relative,
                 const BuildStatus& build, const httplib::Request& req, httplib::Response& res);
  void NotFound(const BuildStatus& build, httplib::Response& res);
  void SendHtml(const BuildStatus& build, int status, std::string html, httplib::Response& res);
  void WatchLoop();

  const ServeOptions options_;
  std::ostream& log_;
  TempDir temp_;
  UrlLayout layout_;
  std::unique_ptr<SiteBuilder> builder_;  // made in Start(), once the output folder exists
  FileWatcher watcher_;
  httplib::Server server_;
  int port_ = -1;
  std::thread watch_thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> running_{false};  // inside Run()
};

}  // namespace kansli::serve
