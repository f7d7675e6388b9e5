// A real preview server in the test process, on a free port, over a fresh copy of the site.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <libxml/parser.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "serve/preview_server.h"
#include "support/run_kansli.h"

namespace kansli::testing {

constexpr char kPolicyId[] = "ljungby-policy-internationellt-arbete";
constexpr char kPolicyFile[] = "content/ljungby/ljungby-policy-internationellt-arbete.md";

// Sanitizers make a build several times slower; the latency bound is the product's promise
// for a normal build.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr std::chrono::milliseconds kRebuildBound{8000};
#else
constexpr std::chrono::milliseconds kRebuildBound{2000};
#endif

class PreviewHarness {
 public:
  // `overlay` is laid over a copy of the checkout's site (see MakeSiteCopy).
  explicit PreviewHarness(const std::filesystem::path& overlay = {},
                          std::chrono::milliseconds wait_timeout = std::chrono::seconds(5))
      : site_(MakeSiteCopy(overlay, /*with_content=*/true)) {
    xmlInitParser();
    serve::ServeOptions options{.pipeline = {.root = site_, .today = Date::Parse("2026-01-01")},
                                .host = "127.0.0.1",
                                .port = 0,
                                .wait_timeout = wait_timeout};
    server_ = std::make_unique<serve::PreviewServer>(options, log_);
    started_ = server_->Start();
    if (started_) runner_ = std::thread([this] { server_->Run(); });
  }

  ~PreviewHarness() {
    Stop();
    // What the server said is often what explains a failure.
    if (::testing::Test::HasFailure())
      std::fprintf(stderr, "kansli serve's log:\n%s", log().c_str());
    std::filesystem::remove_all(site_);
  }

  // Stops the server and removes its output folder; returns how long that took.
  std::chrono::milliseconds Stop() {
    const auto start = std::chrono::steady_clock::now();
    if (server_ != nullptr) server_->Stop();
    if (runner_.joinable()) runner_.join();
    server_.reset();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 start);
  }

  bool started() const { return started_; }
  serve::PreviewServer& server() { return *server_; }
  const std::filesystem::path& site() const { return site_; }
  // Only once stopped: the build thread writes to it.
  std::string log() const { return log_.str(); }

  std::unique_ptr<httplib::Client> Client() const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client->set_read_timeout(std::chrono::seconds(10));
    return client;
  }

  nlohmann::json Status() const {
    httplib::Result res = Client()->Get("/__kansli/status");
    if (!res || res->status != 200) return nlohmann::json::object();
    return nlohmann::json::parse(res->body);
  }

  // Polls /__kansli/status until the generation passes `seen`; null JSON at the deadline.
  nlohmann::json WaitForGenerationAfter(uint64_t seen, std::chrono::milliseconds limit) const {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      nlohmann::json status = Status();
      if (status.value("generation", uint64_t{0}) > seen) return status;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return nullptr;
  }

  void Replace(const std::string& file, const std::string& from, const std::string& to) {
    std::string text = ReadFile(site_ / file);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << file;
    text.replace(at, from.size(), to);
    std::ofstream(site_ / file, std::ios::binary | std::ios::trunc) << text;
  }

 private:
  std::filesystem::path site_;
  std::ostringstream log_;
  std::unique_ptr<serve::PreviewServer> server_;
  std::thread runner_;
  bool started_ = false;
};

}  // namespace kansli::testing
