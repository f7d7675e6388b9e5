#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kansli {

// A whole file's bytes, or nothing when it cannot be opened or read. For files that are not
// the site's sources (those come through SourceTree, with their diagnostics).
std::optional<std::string> ReadFileBytes(const std::filesystem::path& path);

}  // namespace kansli
