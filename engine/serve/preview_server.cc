#include "serve/preview_server.h"

#include <charconv>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "config/site_config.h"
#include "serve/live_reload.h"
#include "serve/serve_command.h"
#include "serve/static_file.h"
#include "source/source_tree.h"

namespace kansli::serve {
namespace fs = std::filesystem;
namespace {

// Each open page holds one thread in /__kansli/wait and a browser opens up to six connections
// per host, so httplib's default of eight would leave two tabs waiting for a free thread.
constexpr size_t kThreads = 32;
constexpr std::string_view kEndpointPrefix = "/__kansli/";

// The base path is fixed at start: the printed URL and open pages keep working even if an
// edit breaks kansli.yaml (the build then fails and says why).
UrlLayout LayoutOf(const fs::path& root) {
  SourceTree tree = SourceTree::OnDisk(root);
  Diagnostics ignored;  // the first build reports them
  if (const SourceFile* file = tree.File("kansli.yaml", ignored)) {
    if (std::optional<SiteConfig> config = LoadSiteConfig(*file, ignored)) {
      return UrlLayout::FromBaseUrl(config->base_url);
    }
  }
  return UrlLayout{};
}

std::optional<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return bytes;
}

std::string StatusJson(const BuildStatus& status) {
  nlohmann::json json = {{"generation", status.generation},
                         {"ok", status.ok},
                         {"has_site", status.has_site},
                         {"diagnostics", status.diagnostics},
                         {"milliseconds", status.milliseconds}};
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string HostForUrl(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

PreviewServer::PreviewServer(ServeOptions options, std::ostream& log)
    : options_(std::move(options)),
      log_(log),
      temp_("kansli-serve-"),
      layout_(LayoutOf(options_.pipeline.root)),
      watcher_(options_.pipeline.root) {
  // httplib deletes the queue it is given.
  server_.new_task_queue = [] { return std::make_unique<httplib::ThreadPool>(kThreads).release(); };
  // An idle keep-alive connection holds a thread and delays stop() by this much.
  server_.set_keep_alive_timeout(1);
  server_.set_default_headers(
      {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
  server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    Handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  server_.set_exception_handler([this](const httplib::Request& req, httplib::Response& res,
                                       std::exception_ptr error) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    log_ << "kansli serve: internal error answering " << req.path << ": " << what << "\n";
    res.status = 500;
    res.set_content("internal error in kansli serve: " + what + "\n", "text/plain; charset=utf-8");
  });
}

PreviewServer::~PreviewServer() {
  Stop();
  if (watch_thread_.joinable()) watch_thread_.join();
}

bool PreviewServer::Start() {
  if (!temp_.ok()) {
    log_ << "kansli serve: cannot make a temporary output folder: " << temp_.error().message()
         << "\n";
    return false;
  }
  PipelineOptions pipeline = options_.pipeline;
  pipeline.output = output_dir();
  builder_ = std::make_unique<SiteBuilder>(std::move(pipeline), log_);
  // Before the port is bound (the build process must not hold the listening socket) and
  // before Run() starts any thread.
  if (!builder_->Start()) return false;
  watcher_.Rebase();
  builder_->Build();
  if (options_.port == 0) {
    port_ = server_.bind_to_any_port(options_.host);
  } else if (server_.bind_to_port(options_.host, options_.port)) {
    port_ = options_.port;
  }
  if (port_ < 0) {
    log_ << "kansli serve: cannot listen on " << options_.host << ":" << options_.port
         << " (is the port in use, or the host not an address of this machine?)\n";
    return false;
  }
  return true;
}

bool PreviewServer::Run() {
  running_ = true;
  bool stopped_cleanly = true;
  if (!stopping_ && builder_ != nullptr && port_ >= 0) {
    watch_thread_ = std::thread([this] { WatchLoop(); });
    stopped_cleanly = server_.listen_after_bind() || stopping_;
  }
  watcher_.Stop();
  if (builder_ != nullptr) builder_->Stop();
  if (watch_thread_.joinable()) watch_thread_.join();
  running_ = false;
  return stopped_cleanly;
}

void PreviewServer::Stop() {
  stopping_ = true;
  watcher_.Stop();
  if (builder_ != nullptr) builder_->Stop();  // ends open long-polls, so the pool can drain
  // Run() may not have reached listen yet; httplib's stop() only acts on a running server,
  // and must be called once.
  while (running_) {
    if (server_.is_running()) {
      server_.stop();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

std::string PreviewServer::Url() const {
  return "http://" + HostForUrl(options_.host) + ":" + std::to_string(port_) + layout_.base;
}

fs::path PreviewServer::output_dir() const { return temp_.path() / "out"; }

void PreviewServer::WatchLoop() {
  while (watcher_.WaitForChange()) {
    watcher_.Rebase();
    builder_->Build();
  }
}

void PreviewServer::Handle(const httplib::Request& req, httplib::Response& res) {
  if (req.method != "GET" && req.method != "HEAD") {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content("kansli serve only reads: use GET\n", "text/plain; charset=utf-8");
    return;
  }
  const std::string& path = req.path;  // already percent-decoded by httplib
  for (const std::string& prefix : {std::string(kEndpointPrefix), layout_.base + "__kansli/"}) {
    if (path.starts_with(prefix)) {
      if (!HandleEndpoint(path.substr(prefix.size()), req, res)) NotFound(builder_->Status(), res);
      return;
    }
  }
  if (layout_.base != "/" && (path == "/" || path + "/" == layout_.base)) {
    res.set_redirect(EncodePath(layout_.base), 302);
    return;
  }
  // Taken before any file is read: should a build finish meanwhile, the page carries the
  // older generation and reloads at once rather than show stale content.
  const BuildStatus build = builder_->Status();
  if (path.starts_with(layout_.pdf)) {
    ServeFrom(output_dir() / "pdf", std::string_view(path).substr(layout_.pdf.size()), build, req,
              res);
  } else if (path.starts_with(layout_.base)) {
    ServeFrom(output_dir() / "html", std::string_view(path).substr(layout_.base.size()), build, req,
              res);
  } else {
    NotFound(build, res);
  }
}

bool PreviewServer::HandleEndpoint(const std::string& name, const httplib::Request& req,
                                   httplib::Response& res) {
  if (name == "live.js") {
    res.set_content(std::string(LiveReloadScript()), "text/javascript; charset=utf-8");
  } else if (name == "status") {
    res.set_content(StatusJson(builder_->Status()), "application/json");
  } else if (name == "wait") {
    uint64_t seen = 0;
    const std::string text = req.get_param_value("generation");
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seen);
    BuildStatus status = error == std::errc() && end == text.data() + text.size() && !stopping_
                             ? builder_->WaitForChange(seen, options_.wait_timeout)
                             : builder_->Status();
    res.set_content(StatusJson(status), "application/json");
  } else {
    return false;
  }
  return true;
}

void PreviewServer::ServeFrom(const fs::path& folder, std::string_view relative,
                              const BuildStatus& build, const httplib::Request& req,
                              httplib::Response& res) {
  FileLookup found = LookUpFile(folder, relative);
  if (found.kind == FileLookup::Kind::kFolder) {
    std::string location = EncodePath(req.path + "/");
    if (!req.params.empty()) location += req.target.substr(req.target.find('?'));
    res.set_redirect(location, 302);
    return;
  }
  std::optional<std::string> bytes;
  if (found.kind == FileLookup::Kind::kFile) bytes = ReadWholeFile(found.file);
  if (!bytes) {  // also when a rebuild swapped the folder between lookup and read
    NotFound(build, res);
    return;
  }
  std::string_view type = ContentTypeFor(found.file);
  if (type.starts_with("text/html")) {
    SendHtml(build, 200, std::move(*bytes), res);
  } else {
    res.status = 200;
    res.set_content(std::move(*bytes), std::string(type));
  }
}

void PreviewServer::NotFound(const BuildStatus& build, httplib::Response& res) {
  if (!build.has_site) {
    SendHtml(build, 503,
             PlainPage("Bygget misslyckades",
                       "Webbplatsen har inte kunnat byggas ännu. Felen visas ovan; rätta dem och "
                       "spara, så laddas sidan om."),
             res);
    return;
  }
  std::optional<std::string> page = ReadWholeFile(output_dir() / "html" / "404.html");
  SendHtml(build, 404,
           page ? std::move(*page)
                : PlainPage("Sidan finns inte", "Det finns ingen sida på den här adressen."),
           res);
}

void PreviewServer::SendHtml(const BuildStatus& build, int status, std::string html,
                             httplib::Response& res) {
  std::optional<std::string> failure;
  if (!build.ok) failure = build.diagnostics;
  res.status = status;
  res.set_content(InjectLiveReload(std::move(html), build.generation, failure),
                  "text/html; charset=utf-8");
}

std::string CppHttplibVersion() { return CPPHTTPLIB_VERSION; }

}  // namespace kansli::serve
