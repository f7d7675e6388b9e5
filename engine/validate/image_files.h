// Where image bytes come from. SourceTree holds text files only (UTF-8 checked, 4 MiB), so
// images, which are binary, are read through this: below the site's root on disk, or from a
// map in tests.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "diag/diagnostic.h"

namespace kansli {

class ImageFiles {
 public:
  // Files below `root`; a link is followed only if it stays inside the folder Load names.
  static ImageFiles OnDisk(std::filesystem::path root);
  // path → bytes, paths relative to the site root with '/' separators.
  static ImageFiles InMemory(std::map<std::string, std::string> files);

  struct Loaded {
    std::shared_ptr<const std::string> bytes;  // null on failure
    Code code = Code::kImageMissing;           // on failure
    std::string problem;                       // on failure: "no such file"
  };

  // Reads `path`, which must resolve to a regular file inside `folder` (both relative to the
  // root) of at most kMaxImageBytes.
  Loaded Load(const std::string& path, const std::string& folder) const;

 private:
  Loaded LoadFromDisk(const std::string& path, const std::string& folder) const;

  std::filesystem::path root_;  // empty: in memory
  std::map<std::string, std::string> files_;
};

}  // namespace kansli
