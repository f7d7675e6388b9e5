#include "publish/publish.h"

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

}  // namespace

bool Publish(const std::filesystem::path& output_dir, const std::vector<OutputFile>& files,
             Diagnostics& diags) {
  const SourcePos where{output_dir.string(), 0, 0};
  StagingDir staging(output_dir);
  if (!staging.ok()) {
    diags.Error(where, Code::kPublishFailed,
                "cannot prepare a staging folder beside the output folder: " +
                    staging.error().message());
    return false;
  }
  for (const OutputFile& file : files) {
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
