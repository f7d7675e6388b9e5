// The Pagefind binary (npm `@pagefind/linux-x64`, pinned in package-lock.json) run as a child
// process through its service interface, `pagefind_extended --service`: the interface
// Pagefind's own npm and Python packages speak. Each message is a JSON object, base64-encoded
// and ended by ','; each reply names the message it answers. The only code that knows it.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "render/search/search_record.h"

namespace kansli::search {

struct PagefindRequest {
  std::filesystem::path binary;      // pagefind_extended
  std::string language;              // every record's ISO 639-1 code: "sv"
  std::filesystem::path output_dir;  // where Pagefind writes its files (must not exist yet)
  std::filesystem::path log_file;    // the child's stderr
  // A binary silent this long (no reply while it works) is taken to hang, and killed.
  std::chrono::seconds idle_limit{600};
};

// Empty when Pagefind indexed every record and wrote its files; else why not, in words for
// a diagnostic ("cannot run …: No such file or directory", "Pagefind ended with exit code 1").
std::string RunPagefind(const PagefindRequest& request, const std::vector<SearchRecord>& records);

}  // namespace kansli::search
