#pragma once

#include <string_view>

namespace kansli::html {

// Whether a Markdown link or image target may become an href or src: http, https and
// mailto URLs, relative paths and #fragments. Everything else (javascript:, data:, vbscript:,
// file:, unknown schemes) is refused. Browsers ignore tabs, newlines and leading spaces in
// a URL ("java\tscript:"), so the scheme is read with every control character and space
// removed, which refuses at least what a browser would run.
bool IsSafeUrl(std::string_view url);

}  // namespace kansli::html
