#include "publish/publish.h"

#include <set>
#include <string_view>

#include "publish/staging_dir.h"

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

bool Publish(const std::filesystem::path& output_dir, const std::vector<OutputFile>& files,
             Diagnostics& diags) {
  const SourcePos where{output_dir.string(), 0, 0};
  if (std::string why; !MayReplace(output_dir, why)) {
    diags.Error(where, Code::kPublishFailed, "refusing to replace " + output_dir.string() + ": " + why,
                {"choose an empty or new folder with --output or kansli.yaml's folders.output"});
    return false;
  }
  StagingDir staging(output_dir);
  if (!staging.ok()) {
    diags.Error(where, Code::kPublishFailed,
                "cannot prepare a staging folder beside the output folder: " +
                    staging.error().message());
    return false;
  }
  std::set<std::string_view> paths;
  for (const OutputFile& file : files) {
    if (!paths.insert(file.path).second) {
      // Two renderers chose one address: one file would silently replace the other.
      diags.Error(where, Code::kInternalError, "two files would be published as '" + file.path + "'");
      return false;
    }
    if (!IsSafeRelativePath(file.path)) {
      diags.Error(where, Code::kInternalError, "refusing to write unsafe path '" + file.path + "'");
      return false;
    }
    if (std::error_code ec = staging.Write(file.path, file.bytes)) {
      diags.Error(where, Code::kPublishFailed,
                  "cannot write " + file.path + ": " + ec.message() +
                      "; the previous output is unchanged");
      return false;
    }
  }
  if (std::error_code ec = staging.Commit()) {
    diags.Error(where, Code::kPublishFailed,
                "cannot replace the output folder: " + ec.message() +
                    "; the previous output is unchanged");
    return false;
  }
  return true;
}

}  // namespace kansli
