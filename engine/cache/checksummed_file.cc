#include "cache/checksummed_file.h"

#include <unistd.h>

#include <atomic>
#include <fstream>

#include "source/sha256.h"

namespace kansli {

std::optional<std::string> ReadChecksummed(const std::filesystem::path& path,
                                           std::string_view magic) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  std::string bytes(static_cast<size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return std::nullopt;
  const size_t header = magic.size() + 64 + 1;
  if (bytes.size() <= header || !bytes.starts_with(magic) || bytes[header - 1] != '\n' ||
      bytes.compare(magic.size(), 64, Sha256Hex(std::string_view(bytes).substr(header))) != 0) {
    return std::nullopt;
  }
  bytes.erase(0, header);
  return bytes;
}

bool WriteChecksummed(const std::filesystem::path& path, std::string_view magic,
                      std::string_view bytes) {
  static std::atomic<unsigned> serial{0};
  const std::filesystem::path temp =
      path.parent_path() / ("." + path.filename().string() + "." + std::to_string(::getpid()) +
                            "." + std::to_string(serial.fetch_add(1)) + ".tmp");
  std::error_code ec;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << magic << Sha256Hex(bytes) << '\n' << bytes;
    if (!out.flush()) {
      out.close();
      std::filesystem::remove(temp, ec);
      return false;
    }
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) std::filesystem::remove(temp, ec);
  return !ec;
}

}  // namespace kansli
