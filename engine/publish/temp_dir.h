#pragma once

#include <filesystem>
#include <system_error>

namespace kansli {

// A fresh folder from mkdtemp under $TMPDIR (or /tmp), removed with everything in it when
// this object goes.
class TempDir {
 public:
  explicit TempDir(const char* prefix);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  bool ok() const { return !path_.empty(); }
  const std::error_code& error() const { return error_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::error_code error_;
};

}  // namespace kansli
