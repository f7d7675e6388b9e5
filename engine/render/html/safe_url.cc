#include "render/html/safe_url.h"

#include <string>

namespace kansli::html {

bool IsSafeUrl(std::string_view url) {
  std::string squeezed;
  for (char c : url) {
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7f) squeezed.push_back(c);
  }
  // A scheme is whatever comes before the first ':' that precedes any '/', '?' or '#'.
  size_t colon = squeezed.find(':');
  size_t path = squeezed.find_first_of("/?#");
  if (colon == std::string::npos || (path != std::string::npos && path < colon)) {
    return true;  // relative: "../plan/", "bilaga.pdf", "#syfte", "//host/x"
  }
  std::string scheme;
  for (char c : squeezed.substr(0, colon)) {
    scheme.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

}  // namespace kansli::html
