#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace kansli {

// A whole file's bytes, or nothing when it cannot be opened or read. For files that are not
// the site's sources (those come through SourceTree, with their diagnostics).
std::optional<std::string> ReadFileBytes(const std::filesystem::path& path);

// Writes all of `bytes` to `fd`: write(2) may write less than asked (a pipe, a signal), so
// it is called until everything is written. An error is errno's.
std::error_code WriteAll(int fd, std::string_view bytes);

}  // namespace kansli
