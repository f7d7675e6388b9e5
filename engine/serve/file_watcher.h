// Notices edits to the files a build reads, by polling: kansli.yaml, the scripts it lists, and
// everything below its content, layouts and scripts folders (recursively, so new subfolders
// count). Polling a few hundred files every 200 ms costs nothing measurable and, unlike
// inotify, needs no watch per folder, survives a folder being replaced, and sees an editor's
// write-then-rename the same way as a plain write.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kansli::serve {

struct FileStamp {
  int64_t mtime_ns = 0;
  int64_t size = 0;
  ino_t inode = 0;  // a rename over the file changes this even when time and size match

  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};
using FileSnapshot = std::map<std::string, FileStamp>;

// Editor and system litter that never affects a build: dotfiles and dot-folders (".#a.md",
// ".a.md.swp"), backups ("a.md~"), Emacs autosaves ("#a.md#"), swap files, and Vim's "4913".
bool IsIgnoredName(std::string_view name);

// What `root` builds from, as kansli.yaml names it now (its defaults if it cannot be read).
std::vector<std::filesystem::path> WatchedPaths(const std::filesystem::path& root);

// Every file below `paths` (a path may be a file), by absolute path, ignored names left out.
FileSnapshot TakeSnapshot(const std::vector<std::filesystem::path>& paths);

class FileWatcher {
 public:
  static constexpr std::chrono::milliseconds kPollInterval{200};
  // Editors write a burst of files; a build starts once nothing has changed for this long.
  static constexpr std::chrono::milliseconds kQuietPeriod{100};
  // ...or after this long, should something keep changing forever.
  static constexpr std::chrono::milliseconds kMaxSettle{2000};

  explicit FileWatcher(std::filesystem::path root);

  // Re-reads kansli.yaml for what to watch and remembers every file as it is now. Call it just
  // before a build, so that an edit made while the build runs starts the next one.
  void Rebase();

  // Blocks until a watched file changed and then stayed quiet; false once Stop() is called.
  bool WaitForChange();

  // Any thread; wakes WaitForChange.
  void Stop();

 private:
  // Sleeps `duration` unless stopped; false if stopped.
  bool Sleep(std::chrono::milliseconds duration);

  const std::filesystem::path root_;
  std::vector<std::filesystem::path> paths_;
  FileSnapshot seen_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace kansli::serve
