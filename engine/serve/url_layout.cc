#include "serve/url_layout.h"

#include <vector>

#include "source/percent_decode.h"

namespace kansli::serve {
namespace {

std::string_view PathOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    size_t path = url.find('/', scheme + 3);
    url = path == std::string_view::npos ? std::string_view() : url.substr(path);
  }
  size_t end = url.find_first_of("?#");
  return end == std::string_view::npos ? url : url.substr(0, end);
}

std::string Join(const std::vector<std::string>& segments) {
  std::string path = "/";
  for (const std::string& segment : segments) path += segment + "/";
  return path;
}

}  // namespace

UrlLayout UrlLayout::FromBaseUrl(std::string_view base_url) {
  std::vector<std::string> segments;
  std::string_view path = PathOf(base_url);
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string segment = PercentDecode(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    if (segment.empty() || segment == "." || segment.find('\0') != std::string::npos) continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(std::move(segment));
  }
  UrlLayout layout{.base = Join(segments)};
  if (!segments.empty()) segments.pop_back();
  segments.push_back("pdf");
  layout.pdf = Join(segments);
  return layout;
}

std::string EncodePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char c : path) {
    unsigned char byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return encoded;
}

}  // namespace kansli::serve
