#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "source/source_file.h"

namespace kansli {

// The site's files, read once. On disk it reads below a root folder and never follows a
// link out of it; in memory it holds a txtar-style tree for tests (Hugo's test sites,
// ninja's VirtualFileSystem). Paths are relative to the root, with '/' separators.
class SourceTree {
 public:
  static constexpr size_t kMaxFileBytes = 4 * 1024 * 1024;

  static SourceTree OnDisk(std::filesystem::path root);
  // "-- content/a.md --\n<text>\n-- kansli.yaml --\n<text>" (Go's txtar format).
  static SourceTree InMemory(std::string_view txtar);

  bool Exists(const std::string& path) const;
  // Reads the file once; reports read-failed / file-too-large / invalid-utf8 and returns null.
  const SourceFile* File(const std::string& path, Diagnostics& diags);
  // Every file below folder whose name ends in `extension`, sorted by path.
  std::vector<const SourceFile*> Folder(const std::string& folder, std::string_view extension,
                                        Diagnostics& diags);

  // Every file read so far, sorted by path: what a build's output can depend on.
  std::vector<const SourceFile*> ReadFiles() const;

  // For printing a diagnostic's source line; empty if the file was never read.
  std::string_view Line(const std::string& path, int line) const;

  // Empty for an in-memory tree.
  const std::filesystem::path& root() const { return root_; }

 private:
  std::optional<std::string> ReadFromDisk(const std::string& path, Diagnostics& diags) const;

  std::filesystem::path root_;
  std::map<std::string, std::string> unread_;  // in-memory files not yet decoded
  std::map<std::string, std::unique_ptr<SourceFile>> files_;
};

}  // namespace kansli
