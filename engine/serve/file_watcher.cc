#include "serve/file_watcher.h"

#include <sys/stat.h>

#include "config/site_config.h"
#include "source/source_tree.h"

namespace kansli::serve {
namespace fs = std::filesystem;
namespace {

bool Stamp(const fs::path& path, FileStamp& stamp) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  stamp = {.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
           .size = static_cast<int64_t>(st.st_size),
           .inode = st.st_ino};
  return true;
}

void AddFolder(const fs::path& folder, FileSnapshot& snapshot) {
  std::error_code ec;
  auto it =
      fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::end(it); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (IsIgnoredName(name)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    FileStamp stamp;
    if (Stamp(it->path(), stamp)) snapshot[it->path().string()] = stamp;
  }
}

}  // namespace

bool IsIgnoredName(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '~') return true;
  if (name.size() > 1 && name.front() == '#' && name.back() == '#') return true;
  for (std::string_view suffix : {".swp", ".swo", ".swx", ".tmp", ".bak"}) {
    if (name.ends_with(suffix)) return true;
  }
  return name == "4913";
}

std::vector<fs::path> WatchedPaths(const fs::path& root) {
  SiteConfig config;
  SourceTree tree = SourceTree::OnDisk(root);
  Diagnostics ignored;  // the build reports a broken kansli.yaml; here defaults will do
  if (const SourceFile* file = tree.File("kansli.yaml", ignored)) {
    if (std::optional<SiteConfig> loaded = LoadSiteConfig(*file, ignored)) config = *loaded;
  }
  std::vector<fs::path> paths = {root / "kansli.yaml", root / config.content_dir,
                                 root / config.layouts_dir, root / config.scripts_dir};
  for (const std::string& script : config.scripts) paths.push_back(root / script);
  return paths;
}

FileSnapshot TakeSnapshot(const std::vector<fs::path>& paths) {
  FileSnapshot snapshot;
  for (const fs::path& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      AddFolder(path, snapshot);
    } else if (FileStamp stamp; Stamp(path, stamp)) {
      snapshot[path.string()] = stamp;
    }
  }
  return snapshot;
}

FileWatcher::FileWatcher(fs::path root) : root_(std::move(root)) {}

void FileWatcher::Rebase() {
  paths_ = WatchedPaths(root_);
  seen_ = TakeSnapshot(paths_);
}

bool FileWatcher::WaitForChange() {
  for (;;) {
    if (!Sleep(kPollInterval)) return false;
    FileSnapshot now = TakeSnapshot(paths_);
    if (now == seen_) continue;
    const auto settle_until = std::chrono::steady_clock::now() + kMaxSettle;
    while (std::chrono::steady_clock::now() < settle_until) {
      if (!Sleep(kQuietPeriod)) return false;
      FileSnapshot later = TakeSnapshot(paths_);
      if (later == now) break;
      now = std::move(later);
    }
    return true;
  }
}

void FileWatcher::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
}

bool FileWatcher::Sleep(std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  return !wake_.wait_for(lock, duration, [&] { return stopping_; });
}

}  // namespace kansli::serve
