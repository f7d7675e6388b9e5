#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "publish/manifest.h"
#include "publish/staging_dir.h"

namespace kansli {

// The output folder being published: renderers hand their files over as they finish them,
// from any thread, and each goes straight into the staging folder, so a region's site is
// never held in memory whole. Nothing is visible until Commit swaps the folder into place;
// destroyed uncommitted (an error anywhere, a crash), the previous output stays as it was.
class StagedOutput {
 public:
  // Reports publish-failed (a folder kansli may not replace, no staging folder) and gives
  // nothing. Holds the output's lock from here to the end, so two builds never interleave.
  static std::unique_ptr<StagedOutput> Open(const std::filesystem::path& output_dir,
                                            Diagnostics& diags);

  // Thread-safe. False once any file failed (two files at one path, an unsafe path, a
  // failed write); Commit reports the first failure.
  bool Add(const std::string& path, const std::string& bytes);
  // The same, for bytes whose SHA-256 the caller already has (a PDF hashed for its record),
  // so a region's gigabyte of PDFs is not hashed twice.
  bool Add(const std::string& path, const std::string& bytes, std::string sha256);
  // The file `source` of the previous output, known to hold what `path` is to hold (its size
  // and hash given), linked rather than read and written again.
  bool Link(const std::string& path, const std::filesystem::path& source, size_t bytes,
            std::string sha256);

  // What was written so far, sorted by path.
  std::vector<WrittenFile> Files() const;

  // Syncs and swaps the staging folder in. Reports the first failed Add, or why the swap
  // could not be made; the previous output is then unchanged.
  bool Commit(Diagnostics& diags);

 private:
  explicit StagedOutput(const std::filesystem::path& output_dir);
  // Claims `path` for one file; false (and the failure kept) for a second or an unsafe one.
  bool Claim(const std::string& path);
  // Lists a file once it is in the staging folder, or keeps why it is not.
  bool Written(WrittenFile file, const std::error_code& ec);

  std::filesystem::path output_;
  StagingDir staging_;
  mutable std::mutex mutex_;
  std::set<std::string> paths_;
  std::vector<WrittenFile> files_;
  std::optional<std::pair<Code, std::string>> failure_;
};

}  // namespace kansli
