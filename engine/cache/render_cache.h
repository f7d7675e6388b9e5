// cache/ owns the build cache: rendered outputs kept between builds, by content-hash keys.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "site/output_file.h"

namespace kansli {

// What one render produced: its files and the warnings it reported, replayed on a hit so an
// incremental build says what a clean one says.
struct CachedRender {
  std::vector<OutputFile> files;
  std::vector<Diagnostic> diagnostics;
  long long pages = 0;  // a PDF's page count, for --timings
};

// One entry per key in <folder>/<key[0..2]>/<key>, written whole under a temporary name and
// renamed into place, so a reader sees an entry complete or not at all: a checksum line, then
// CBOR (nlohmann::json). Thread-safe.
class RenderCache {
 public:
  // A cache that never hits and stores nothing (`--no-cache`, a site held in memory).
  RenderCache() = default;
  explicit RenderCache(std::filesystem::path folder);

  bool enabled() const { return !folder_.empty(); }
  const std::filesystem::path& folder() const { return folder_; }

  std::optional<CachedRender> Get(const std::string& key);
  void Put(const std::string& key, const CachedRender& render);
  // Keeps `key`'s entry through RemoveUnused without reading it: its files were taken from
  // the previous output instead (PublishedFiles).
  void Keep(const std::string& key) { Use(key); }

  // After a build that published: removes every entry not got or put since this cache was
  // made, so the folder holds one build's worth.
  void RemoveUnused();

  int hits() const { return hits_; }
  int misses() const { return misses_; }

 private:
  std::filesystem::path EntryPath(const std::string& key) const;
  void Use(const std::string& key);
  // Writes <folder>/.gitignore ignoring everything, so that a site in git never shows the
  // cache as a change (as pytest's and ruff's caches do).
  void MarkIgnored();

  std::filesystem::path folder_;
  std::mutex mutex_;
  std::set<std::string> used_;
  bool marked_ignored_ = false;
  int hits_ = 0;
  int misses_ = 0;
};

}  // namespace kansli
