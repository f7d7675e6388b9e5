// Where a build's output appears in URLs, as it does on the intranet: base_url's path serves
// html/, and pdf/ beside that folder serves the PDFs, so the pages' relative ../pdf/ links
// resolve exactly as they will in production.
#pragma once

#include <string>
#include <string_view>

namespace kansli::serve {

struct UrlLayout {
  std::string base = "/";     // serves html/; starts and ends with '/', e.g. "/styrdokument/"
  std::string pdf = "/pdf/";  // serves pdf/: base's parent + "pdf/"

  // "https://intranat.example.se/styrdokument/" → base "/styrdokument/", pdf "/pdf/". A URL
  // with no path gives "/". Percent escapes are decoded (request paths arrive decoded), and
  // "." and ".." segments are resolved so the base can never point above "/".
  static UrlLayout FromBaseUrl(std::string_view base_url);
};

// Percent-encodes a decoded path for a Location header; '/' and unreserved characters stay.
std::string EncodePath(std::string_view path);

}  // namespace kansli::serve
