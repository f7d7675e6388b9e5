#include "serve/live_reload.h"

#include <algorithm>
#include <cctype>

namespace kansli::serve {
namespace {

// Ends the wait on any failure with a growing pause, so a stopped server is not hammered and
// a restarted one (whose generation starts again at 1) still makes the page reload.
constexpr std::string_view kScript =
    R"js(// kansli serve: reloads this page when the site has been rebuilt.
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = (script && script.getAttribute("data-generation")) || "0";
  var pause = 500;
  function wait() {
    fetch("/__kansli/wait?generation=" + encodeURIComponent(generation), { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (status) {
        pause = 500;
        if (String(status.generation) !== generation) {
          window.location.reload();
        } else {
          wait();
        }
      })
      .catch(function () {
        setTimeout(wait, pause);
        pause = Math.min(pause * 2, 5000);
      });
  }
  var close = document.getElementById("kansli-build-errors-close");
  if (close) {
    close.addEventListener("click", function () {
      document.getElementById("kansli-build-errors").hidden = true;
    });
  }
  wait();
})();
)js";

// Black on white with a red rule: well above WCAG AA contrast whatever the site's CSS does.
constexpr std::string_view kOverlayStyle =
    "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:70vh;overflow:auto;"
    "margin:0;padding:1rem 1.5rem;background:#fff;color:#000;border-bottom:6px solid #b00020;"
    "box-shadow:0 4px 16px rgba(0,0,0,.4);font:16px/1.45 system-ui,sans-serif;text-align:left";
constexpr std::string_view kHeadingStyle =
    "margin:0 0 .5rem;font:bold 1.4rem/1.2 system-ui,sans-serif;color:#8a0015";
constexpr std::string_view kPreStyle =
    "margin:.75rem 0 0;padding:.75rem;background:#f4f4f4;color:#000;border:1px solid #767676;"
    "white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.4 ui-monospace,monospace";
constexpr std::string_view kButtonStyle =
    "float:right;font:inherit;padding:.25rem .75rem;background:#fff;color:#000;"
    "border:2px solid #000;cursor:pointer";

size_t FindLastBodyClose(const std::string& html) {
  std::string lower(html.size(), '\0');
  std::transform(html.begin(), html.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.rfind("</body>");
}

}  // namespace

std::string_view LiveReloadScript() { return kScript; }

std::string EscapeHtml(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string ErrorOverlay(std::string_view diagnostics) {
  std::string html = "<div id=\"kansli-build-errors\" role=\"alert\" lang=\"sv\" style=\"";
  html += kOverlayStyle;
  html += "\"><button type=\"button\" id=\"kansli-build-errors-close\" style=\"";
  html += kButtonStyle;
  html += "\">Dölj</button><h2 style=\"";
  html += kHeadingStyle;
  html +=
      "\">Bygget misslyckades</h2><p style=\"margin:0\">Sidan visar det senaste lyckade "
      "bygget. Rätta felen nedan och spara, så laddas sidan om.</p><pre style=\"";
  html += kPreStyle;
  html += "\">";
  html += EscapeHtml(diagnostics);
  html += "</pre></div>";
  return html;
}

std::string InjectLiveReload(std::string html, uint64_t generation,
                             const std::optional<std::string>& failure) {
  std::string added;
  if (failure) added += ErrorOverlay(*failure);
  added += "<script src=\"";
  added += kLiveScriptPath;
  added += "\" data-generation=\"" + std::to_string(generation) + "\"></script>";
  size_t at = FindLastBodyClose(html);
  html.insert(at == std::string::npos ? html.size() : at, added);
  return html;
}

std::string PlainPage(std::string_view title, std::string_view message) {
  return "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>" +
         EscapeHtml(title) + "</title></head><body><main><h1>" + EscapeHtml(title) + "</h1><p>" +
         EscapeHtml(message) + "</p></main></body></html>\n";
}

}  // namespace kansli::serve
