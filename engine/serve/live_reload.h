// What the preview adds to HTML on its way out (never to the built files): the live-reload
// script and, while the last build failed, an overlay with its diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kansli::serve {

// Served at kLiveScriptPath. Long-polls /__kansli/wait with the generation the page was
// served at and reloads the page when a build (good or failed) has finished since.
constexpr std::string_view kLiveScriptPath = "/__kansli/live.js";
std::string_view LiveReloadScript();

// The overlay: <div id="kansli-build-errors" role="alert"> with the heading "Bygget
// misslyckades" and the diagnostics, HTML-escaped, in a <pre>. Styled inline so it needs
// no site CSS.
std::string ErrorOverlay(std::string_view diagnostics);

// Inserts the script tag (carrying `generation`) and, if `failure` is set, the overlay with
// that text just before the last </body>, or at the end when there is none.
std::string InjectLiveReload(std::string html, uint64_t generation,
                             const std::optional<std::string>& failure);

// A minimal page for when the site has no page to give (no 404.html, or no good build yet).
std::string PlainPage(std::string_view title, std::string_view message);

std::string EscapeHtml(std::string_view text);

}  // namespace kansli::serve
