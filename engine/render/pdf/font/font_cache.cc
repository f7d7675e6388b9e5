#include "render/pdf/font/font_cache.h"

namespace kansli::pdf {

FontCache& FontCache::Shared() {
  static FontCache cache;
  return cache;
}

std::shared_ptr<const FontFile> FontCache::Get(const std::filesystem::path& path,
                                               std::string& problem) {
  std::error_code time_error, size_error;
  auto time = std::filesystem::last_write_time(path, time_error);
  auto size = std::filesystem::file_size(path, size_error);
  if (time_error || size_error) {
    problem = "cannot be read";
    return nullptr;
  }
  // Held while loading, so that parallel documents wait for one load instead of each reading
  // the file; loads are rare (once per face per process).
  std::lock_guard lock(mutex_);
  auto it = entries_.find(path);
  if (it != entries_.end() && it->second.time == time && it->second.size == size) {
    return it->second.file;
  }
  std::shared_ptr<const FontFile> file = FontFile::Load(path, problem);
  if (file != nullptr) entries_[path] = Entry{time, size, file};
  return file;
}

}  // namespace kansli::pdf
