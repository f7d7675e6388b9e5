#include "serve/static_file.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace kansli::serve {
namespace fs = std::filesystem;
namespace {

bool IsSafeRelative(std::string_view relative) {
  if (relative.find('\0') != std::string_view::npos) return false;
  if (relative.find('\\') != std::string_view::npos) return false;
  while (!relative.empty()) {
    size_t slash = relative.find('/');
    std::string_view segment = relative.substr(0, slash);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos || slash + 1 == relative.size()) return true;
    relative = relative.substr(slash + 1);
  }
  return true;
}

// Lexically inside: `inner` relative to `outer` neither climbs out nor is `outer` itself.
bool IsInside(const fs::path& inner, const fs::path& outer) {
  fs::path rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

}  // namespace

FileLookup LookUpFile(const fs::path& folder, std::string_view relative) {
  if (!IsSafeRelative(relative)) return {};
  std::error_code ec;
  const fs::path real_folder = fs::canonical(folder, ec);
  if (ec) return {};
  const bool names_folder = relative.empty() || relative.back() == '/';
  fs::path wanted = folder / fs::path(std::string(relative));
  if (names_folder) wanted /= "index.html";
  const fs::path real = fs::canonical(wanted, ec);
  if (ec || !IsInside(real, real_folder)) return {};
  fs::file_status status = fs::status(real, ec);
  if (ec) return {};
  if (fs::is_regular_file(status)) return {FileLookup::Kind::kFile, real};
  if (fs::is_directory(status) && !names_folder && fs::is_regular_file(real / "index.html", ec)) {
    return {FileLookup::Kind::kFolder, real};
  }
  return {};
}

std::string_view ContentTypeFor(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".xml") {
    return file.filename() == "feed.xml" ? "application/atom+xml" : "application/xml";
  }
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".gif") return "image/gif";
  if (ext == ".webp") return "image/webp";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace kansli::serve
