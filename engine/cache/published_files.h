// The record of what the last build published and which render key each file came from,
// kept in the cache folder. A rebuild after one edit would otherwise read 10,000 cache
// entries and compare each with the previous output's file, only to link that file again:
// with the record, a file whose key is unchanged and that is still in the output folder as it
// was published (same inode, size and modification time) is linked without being read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cache/render_cache.h"

namespace kansli {

struct PublishedFile {
  std::string path;  // relative to the output folder, '/'-separated
  std::string key;   // the render key it came from
  std::string sha256;
  uint64_t bytes = 0;
  // Its identity in the output folder when it was published.
  uint64_t inode = 0;
  int64_t mtime_ns = 0;
};

class PublishedFiles {
 public:
  PublishedFiles() = default;

  // The record the last build that published into `output_dir` left in `cache`; empty when
  // the cache is off, there is none, it was for another output folder, or it is damaged.
  static PublishedFiles Load(const RenderCache& cache, const std::filesystem::path& output_dir);

  // The files that came from `key`, in path order, when every one of them is still in the
  // output folder as it was published; empty otherwise (then the caller renders them or
  // reads their cache entry, and never trusts a file changed since).
  std::vector<const PublishedFile*> Unchanged(const std::string& key) const;

  // Where a recorded file is now: in the output folder.
  std::filesystem::path Where(const PublishedFile& file) const { return output_ / file.path; }

  // Records the files just published into `output_dir`, each with its identity as staged.
  // A key is left out when any of its files is no longer so (changed during the build):
  // its hash could be stale, and the next build must not link part of a render. Written
  // whole under a temporary name and renamed, not synced: a record lost in a crash only
  // makes the next build read its cache entries.
  static void Save(const RenderCache& cache, const std::filesystem::path& output_dir,
                   std::vector<PublishedFile> files);

 private:
  std::filesystem::path output_;
  std::multimap<std::string, PublishedFile> by_key_;
};

}  // namespace kansli
