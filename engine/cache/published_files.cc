#include "cache/published_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "cache/checksummed_file.h"

namespace kansli {
namespace {
namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr char kRecordName[] = "published";
constexpr int kFormat = 1;
// The record's first line (checksummed_file.h): a damaged record could otherwise list a wrong
// hash for a file it links, and the manifest would give auditors that hash.
constexpr std::string_view kMagic = "kansli-published ";

// The output folder as one string whichever way it was named ("output", "./output/").
std::string FolderName(const fs::path& output_dir) {
  std::error_code ec;
  fs::path path = fs::absolute(output_dir, ec).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();
  return fs::weakly_canonical(path, ec).string();
}

struct Identity {
  uint64_t inode = 0;
  uint64_t bytes = 0;
  int64_t mtime_ns = 0;
};

std::optional<Identity> IdentityOf(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return Identity{.inode = static_cast<uint64_t>(st.st_ino),
                  .bytes = static_cast<uint64_t>(st.st_size),
                  .mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                              st.st_mtim.tv_nsec};
}

}  // namespace

PublishedFiles PublishedFiles::Load(const RenderCache& cache, const fs::path& output_dir) {
  PublishedFiles published;
  if (!cache.enabled()) return published;
  std::optional<std::string> cbor = ReadChecksummed(cache.folder() / kRecordName, kMagic);
  if (!cbor) return published;
  try {
    const json record = json::from_cbor(*cbor);
    if (record.at("format").get<int>() != kFormat ||
        record.at("output").get<std::string>() != FolderName(output_dir)) {
      return published;
    }
    published.output_ = output_dir;
    for (const json& file : record.at("files")) {
      PublishedFile entry{.path = file.at("path").get<std::string>(),
                          .key = file.at("key").get<std::string>(),
                          .sha256 = file.at("sha256").get<std::string>(),
                          .bytes = file.at("bytes").get<uint64_t>(),
                          .inode = file.at("inode").get<uint64_t>(),
                          .mtime_ns = file.at("mtime_ns").get<int64_t>()};
      published.by_key_.emplace(entry.key, std::move(entry));
    }
  } catch (const json::exception&) {
    return PublishedFiles();
  }
  return published;
}

std::vector<const PublishedFile*> PublishedFiles::Unchanged(const std::string& key) const {
  std::vector<const PublishedFile*> files;
  auto [first, last] = by_key_.equal_range(key);
  for (auto it = first; it != last; ++it) {
    const PublishedFile& file = it->second;
    const std::optional<Identity> now = IdentityOf(Where(file));
    if (!now || now->inode != file.inode || now->bytes != file.bytes ||
        now->mtime_ns != file.mtime_ns) {
      return {};
    }
    files.push_back(&file);
  }
  std::sort(files.begin(), files.end(),
            [](const PublishedFile* a, const PublishedFile* b) { return a->path < b->path; });
  return files;
}

void PublishedFiles::Save(const RenderCache& cache, const fs::path& output_dir,
                          std::vector<PublishedFile> files) {
  if (!cache.enabled()) return;
  std::set<std::string> changed;  // keys with a file not as staged
  for (const PublishedFile& file : files) {
    const std::optional<Identity> now = IdentityOf(output_dir / file.path);
    if (!now || now->inode != file.inode || now->bytes != file.bytes ||
        now->mtime_ns != file.mtime_ns) {
      changed.insert(file.key);
    }
  }
  json list = json::array();
  for (PublishedFile& file : files) {
    if (changed.contains(file.key)) continue;
    list.push_back({{"path", std::move(file.path)},
                    {"key", std::move(file.key)},
                    {"sha256", std::move(file.sha256)},
                    {"bytes", file.bytes},
                    {"inode", file.inode},
                    {"mtime_ns", file.mtime_ns}});
  }
  // Moved in, not listed in braces: an initializer list copies, and the list is tens of
  // megabytes at a region's scale.
  json record = json::object();
  record["format"] = kFormat;
  record["output"] = FolderName(output_dir);
  record["files"] = std::move(list);
  std::string cbor;
  json::to_cbor(record, cbor);
  std::error_code ec;
  fs::create_directories(cache.folder(), ec);
  WriteChecksummed(cache.folder() / kRecordName, kMagic, cbor);
}

}  // namespace kansli
