#include "publish/staged_output.h"

#include <sys/stat.h>

#include <algorithm>

#include "source/sha256.h"

namespace kansli {
namespace {

// Renderers make these paths; a bad one is a bug, never a way to write outside the folder.
bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  for (const auto& part : std::filesystem::path(path)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

// Every publish replaces the output folder and deletes what was there. Only a folder kansli
// made (it has manifest.json) or an empty one may be replaced: a mistyped --output must
// never delete someone's documents.
bool MayReplace(const std::filesystem::path& output_dir, std::string& why) {
  std::error_code ec;
  if (!std::filesystem::exists(output_dir, ec)) return true;
  if (!std::filesystem::is_directory(output_dir, ec)) {
    why = "it exists and is not a folder";
    return false;
  }
  if (std::filesystem::is_empty(output_dir, ec)) return true;
  if (std::filesystem::is_regular_file(output_dir / "manifest.json", ec)) return true;
  why = "it is not empty and has no manifest.json, so it is not an earlier kansli output";
  return false;
}

}  // namespace

StagedOutput::StagedOutput(const std::filesystem::path& output_dir)
    : output_(output_dir), staging_(output_dir) {}

std::unique_ptr<StagedOutput> StagedOutput::Open(const std::filesystem::path& output_dir,
                                                 Diagnostics& diags) {
  const SourcePos where{output_dir.string(), 0, 0};
  if (std::string why; !MayReplace(output_dir, why)) {
    diags.Error(where, Code::kPublishFailed, "refusing to replace " + output_dir.string() + ": " + why,
                {"choose an empty or new folder with --output or kansli.yaml's folders.output"});
    return nullptr;
  }
  std::unique_ptr<StagedOutput> output(new StagedOutput(output_dir));
  if (!output->staging_.ok()) {
    diags.Error(where, Code::kPublishFailed,
                "cannot prepare a staging folder beside the output folder: " +
                    output->staging_.error().message());
    return nullptr;
  }
  return output;
}

bool StagedOutput::Add(const std::string& path, const std::string& bytes) {
  return Add(path, bytes, std::string());
}

bool StagedOutput::Claim(const std::string& path) {
  std::lock_guard lock(mutex_);
  if (failure_) return false;
  if (!paths_.insert(path).second) {
    // Two renderers chose one address: one file would silently replace the other.
    failure_ = {Code::kInternalError, "two files would be published as '" + path + "'"};
    return false;
  }
  if (!IsSafeRelativePath(path)) {
    failure_ = {Code::kInternalError, "refusing to write unsafe path '" + path + "'"};
    return false;
  }
  return true;
}

bool StagedOutput::Written(WrittenFile file, const std::error_code& ec) {
  if (!ec) {
    struct stat st {};
    if (::lstat((staging_.path() / file.path).c_str(), &st) == 0) {
      file.inode = static_cast<uint64_t>(st.st_ino);
      file.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    }
  }
  std::lock_guard lock(mutex_);
  if (ec) {
    if (!failure_) {
      failure_ = {Code::kPublishFailed, "cannot write " + file.path + ": " + ec.message() +
                                            "; the previous output is unchanged"};
    }
    return false;
  }
  files_.push_back(std::move(file));
  return !failure_;
}

bool StagedOutput::Add(const std::string& path, const std::string& bytes, std::string sha256) {
  if (!Claim(path)) return false;
  // Written and hashed outside the lock: the render threads do this in parallel.
  const std::error_code ec = staging_.Write(path, bytes);
  if (!ec && sha256.empty()) sha256 = Sha256Hex(bytes);
  return Written({.path = path, .bytes = bytes.size(), .sha256 = std::move(sha256)}, ec);
}

bool StagedOutput::Link(const std::string& path, const std::filesystem::path& source,
                        size_t bytes, std::string sha256) {
  if (!Claim(path)) return false;
  const std::error_code ec = staging_.Link(path, source);
  return Written({.path = path, .bytes = bytes, .sha256 = std::move(sha256)}, ec);
}

std::vector<WrittenFile> StagedOutput::Files() const {
  std::lock_guard lock(mutex_);
  std::vector<WrittenFile> files = files_;
  std::sort(files.begin(), files.end(),
            [](const WrittenFile& a, const WrittenFile& b) { return a.path < b.path; });
  return files;
}

bool StagedOutput::Commit(Diagnostics& diags) {
  const SourcePos where{output_.string(), 0, 0};
  {
    std::lock_guard lock(mutex_);
    if (failure_) {
      diags.Error(where, failure_->first, failure_->second);
      return false;
    }
  }
  if (std::error_code ec = staging_.Commit()) {
    diags.Error(where, Code::kPublishFailed,
                "cannot replace the output folder: " + ec.message() +
                    "; the previous output is unchanged");
    return false;
  }
  return true;
}

}  // namespace kansli
