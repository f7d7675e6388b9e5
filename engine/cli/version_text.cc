#include "cli/version_text.h"

#include <CLI/Version.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "config/site_config.h"
#include "markdown/markdown_parser.h"
#include "render/graph/relation_graph.h"
#include "render/html/html_site.h"
#include "render/pdf/font/font_file.h"
#include "render/pdf/layout/hyphenator.h"
#include "render/pdf/layout/qr_code.h"
#include "render/pdf/writer/flate.h"
#include "render/pdf/writer/pdf_builder.h"
#include "render/search/search_index.h"
#include "script/run_scripts.h"
#include "serve/serve_command.h"
#include "source/sha256.h"
#include "validate/jpeg_image.h"
#include "validate/png_image.h"

namespace kansli {

std::string VersionText() {
  // Header-only libraries and libhyphen have no version call: their Debian package versions,
  // read when kansli was configured.
  const std::vector<std::pair<const char*, std::string>> libraries = {
      {"cmark-gfm", markdown::CmarkGfmVersion()},
      {"yaml-cpp", YamlCppVersion()},
      {"Lua", LuaVersion()},
      {"libxml2", LibxmlVersion()},
      {"kainjow-mustache", KANSLI_MUSTACHE_VERSION},
      {"dtl", KANSLI_DTL_VERSION},
      {"Graphviz", graph::GraphvizVersion()},
      {"libharu", pdf::LibharuVersion()},
      {"HarfBuzz", pdf::HarfBuzzVersion()},
      {"libhyphen", std::string(KANSLI_HYPHEN_VERSION) + ", patterns " +
                        pdf::kHyphenationPatternsPath},
      {"libqrencode", pdf::QrencodeVersion()},
      {"libdeflate", pdf::LibdeflateVersion()},
      {"libpng", LibpngVersion()},
      {"libjpeg", LibjpegVersion()},
      {"OpenSSL", OpenSslVersion()},
      {"cpp-httplib", serve::CppHttplibVersion()},
      {"CLI11", CLI11_VERSION},
      {"nlohmann-json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                            std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                            std::to_string(NLOHMANN_JSON_VERSION_PATCH)},
      {"Pagefind", search::PagefindVersion()},
  };
  std::string text = "kansli " KANSLI_VERSION "\n";
  for (const auto& [name, version] : libraries) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-17s %s\n", name, version.c_str());
    text += line;
  }
  text.pop_back();  // CLI11 ends the text with its own newline
  return text;
}

}  // namespace kansli
