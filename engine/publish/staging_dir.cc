#include "publish/staging_dir.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string_view>

#include "source/file_bytes.h"

namespace kansli {
namespace fs = std::filesystem;
namespace {

std::error_code LastError() { return {errno, std::generic_category()}; }

std::error_code SyncPath(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return LastError();
  std::error_code ec;
  if (::fsync(fd) != 0) ec = LastError();
  ::close(fd);
  return ec;
}

// True when the file at `path` holds exactly `bytes`.
bool HoldsBytes(const fs::path& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              static_cast<size_t>(st.st_size) == bytes.size();
  std::string buffer(same ? bytes.size() : 0, '\0');
  size_t done = 0;
  while (same && done < buffer.size()) {
    const ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) same = false;
    if (n > 0) done += static_cast<size_t>(n);
  }
  ::close(fd);
  return same && buffer == bytes;
}

}  // namespace

StagingDir::StagingDir(fs::path output_dir) : output_(std::move(output_dir)) {
  if (output_.filename().empty()) output_ = output_.parent_path();  // "output/" → "output"
  fs::path parent = output_.has_parent_path() ? output_.parent_path() : fs::path(".");
  const std::string name = output_.filename().string();
  fs::create_directories(parent, error_);
  if (error_) return;
  // The lock is on the folder that holds the output, not on a lock file beside it: nothing
  // stays behind for users to wonder about (or commit), and the output folder itself cannot
  // carry it, since Commit replaces it. Two builds into one parent folder take turns.
  lock_fd_ = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX) != 0) {
    error_ = LastError();
    return;
  }
  // Under the lock, any staging folder left over is from a build that was killed, and a
  // ".output.lock" file is from a kansli that locked with one.
  for (const auto& entry : fs::directory_iterator(parent, error_)) {
    std::string entry_name = entry.path().filename().string();
    if (entry_name.starts_with("." + name + ".new-") || entry_name.starts_with("." + name + ".old-") ||
        entry_name == "." + name + ".lock") {
      std::error_code ignored;
      fs::remove_all(entry.path(), ignored);
    }
  }
  if (error_) return;
  path_ = parent / ("." + name + ".new-" + std::to_string(::getpid()));
  fs::create_directory(path_, error_);
}

StagingDir::~StagingDir() {
  if (!committed_ && !path_.empty()) {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

std::error_code StagingDir::Write(const std::string& relative, const std::string& bytes) {
  fs::path target = path_ / relative;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return ec;
  // A file the previous output already holds byte for byte is linked, not written: nothing
  // to flush, and removing the previous output after the swap frees nothing the new one
  // shares. Most of a rebuild after one edit is such files. Any failure to link (another
  // file system, a link limit) falls back to writing.
  if (const fs::path previous = output_ / relative;
      HoldsBytes(previous, bytes) && ::link(previous.c_str(), target.c_str()) == 0) {
    return ec;
  }
  int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return LastError();
  ec = WriteAll(fd, bytes);
  // Not synced here: Commit syncs the whole staging folder at once, which costs one flush
  // instead of one per file (tens of thousands at a region's scale).
  if (::close(fd) != 0 && !ec) ec = LastError();
  return ec;
}

std::error_code StagingDir::Link(const std::string& relative, const fs::path& source) {
  const fs::path target = path_ / relative;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return ec;
  if (::link(source.c_str(), target.c_str()) == 0) return ec;
  fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
  return ec;
}

std::error_code StagingDir::Commit() {
  std::error_code ec;
  // Every file and folder written must be durable before the swap makes them visible:
  // syncfs flushes the file system holding the staging folder in one call, and reports a
  // write that failed on the way (a full disk may only show here).
  {
    const int fd = ::open(path_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return LastError();
    if (::syncfs(fd) != 0) ec = LastError();
    ::close(fd);
    if (ec) return ec;
  }
  if (fs::exists(output_, ec)) {
    if (::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, output_.c_str(), RENAME_EXCHANGE) != 0) {
      return LastError();
    }
    committed_ = true;
    fs::remove_all(path_, ec);  // now holds the previous output
    ec.clear();
  } else {
    if (::rename(path_.c_str(), output_.c_str()) != 0) return LastError();
    committed_ = true;
  }
  fs::path parent = output_.has_parent_path() ? output_.parent_path() : fs::path(".");
  return SyncPath(parent, O_RDONLY | O_DIRECTORY);
}

}  // namespace kansli
