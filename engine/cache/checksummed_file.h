// The cache's file format: a first line of a kind's magic and the SHA-256 of the rest, then
// the rest. Written whole under a temporary name and renamed into place, not synced: after a
// crash a file is whole, torn or missing, and a torn one fails its checksum like a damaged
// one, so a reader sees an intact file or none.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kansli {

// The bytes after the first line, when the file is there and intact.
std::optional<std::string> ReadChecksummed(const std::filesystem::path& path,
                                           std::string_view magic);

// False when the file could not be written (the folder must exist); then nothing is left
// behind. Safe from several threads and processes at once: each writes its own temporary.
bool WriteChecksummed(const std::filesystem::path& path, std::string_view magic,
                      std::string_view bytes);

}  // namespace kansli
