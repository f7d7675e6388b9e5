// Faces by path, read once per process: every document of a build (rendered in parallel)
// and every rebuild of `kansli serve` uses the same few files.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "render/pdf/font/font_file.h"

namespace kansli::pdf {

class FontCache {
 public:
  // The process's cache.
  static FontCache& Shared();

  // The face in `path`, loaded on first use and again when the file changes (size or time).
  // Null with `problem` set if it cannot be used; a failure is not cached.
  std::shared_ptr<const FontFile> Get(const std::filesystem::path& path, std::string& problem);

 private:
  struct Entry {
    std::filesystem::file_time_type time;
    std::uintmax_t size = 0;
    std::shared_ptr<const FontFile> file;
  };
  std::mutex mutex_;
  std::map<std::filesystem::path, Entry> entries_;
};

}  // namespace kansli::pdf
