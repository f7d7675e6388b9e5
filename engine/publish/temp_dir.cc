#include "publish/temp_dir.h"

#include <stdlib.h>

#include <cerrno>
#include <string>

namespace kansli {
namespace fs = std::filesystem;

TempDir::TempDir(const char* prefix) {
  fs::path parent = fs::temp_directory_path(error_);
  if (error_) return;
  std::string pattern = (parent / (std::string(prefix) + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    error_ = {errno, std::generic_category()};
    return;
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace kansli
