#pragma once

#include <filesystem>
#include <string>
#include <system_error>

namespace kansli {

// A hidden folder beside the output folder (".output.new-<pid>") that is removed again
// unless Commit() swapped it into place. Holds an exclusive lock (flock) on the folder that
// holds the output, so two builds never publish into the same folder at once.
class StagingDir {
 public:
  explicit StagingDir(std::filesystem::path output_dir);
  ~StagingDir();
  StagingDir(const StagingDir&) = delete;
  StagingDir& operator=(const StagingDir&) = delete;

  // Empty if the staging folder could not be made; error() says why.
  bool ok() const { return !error_; }
  const std::error_code& error() const { return error_; }
  const std::filesystem::path& path() const { return path_; }

  // Writes bytes to a file below the staging folder (synced to disk by Commit), or links
  // the previous output's file at the same path when it holds the same bytes.
  std::error_code Write(const std::string& relative, const std::string& bytes);
  // Links `source`, a file of the previous output that holds what this file is to hold, or
  // copies it where it cannot be linked.
  std::error_code Link(const std::string& relative, const std::filesystem::path& source);
  // Syncs the staging folder to disk, then replaces the output folder by it in one step.
  std::error_code Commit();

 private:
  std::filesystem::path output_;
  std::filesystem::path path_;
  int lock_fd_ = -1;
  bool committed_ = false;
  std::error_code error_;
};

}  // namespace kansli
