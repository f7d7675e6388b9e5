#include "render/graph/graphviz_session.h"

#include "render/graph/text_metrics.h"

// GCC says AddressSanitizer is on with __SANITIZE_ADDRESS__, clang (before 17) only through
// __has_feature: the fuzz build is clang's.
#if defined(__SANITIZE_ADDRESS__)
#define KANSLI_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KANSLI_ADDRESS_SANITIZER 1
#endif
#endif
#if defined(KANSLI_ADDRESS_SANITIZER)
#include <sanitizer/lsan_interface.h>
#endif

namespace kansli::graph {
namespace {

// Graphviz measures text with its best "textlayout" plugin. The one Debian's plugin list names
// (pango) depends on the fonts fontconfig finds and keeps caches that LeakSanitizer reports, so
// kansli installs its own, ranked above it: fixed Helvetica widths give the same layout on
// every machine, and pango is never loaded.
boolean MeasureText(textspan_t* span, char** /*fontpath*/) {
  const double size = span->font->size;
  span->size.x = TextWidth(span->str != nullptr ? span->str : "", size);
  span->size.y = size * 1.2;  // Graphviz's LINESPACING
  span->yoffset_layout = 0.0;
  span->yoffset_centerline = 0.1 * size;  // as Graphviz's own estimate does
  span->layout = nullptr;
  span->free_layout = nullptr;
  return TRUE;
}

gvtextlayout_engine_t metrics_engine = {MeasureText};
gvplugin_installed_t metrics_types[] = {
    {0, "textlayout", 100, &metrics_engine, nullptr},
    {0, nullptr, 0, nullptr, nullptr},
};
gvplugin_api_t metrics_apis[] = {
    {API_textlayout, metrics_types},
    {static_cast<api_t>(0), nullptr},
};
char metrics_package[] = "kansli_metrics";
gvplugin_library_t metrics_library = {metrics_package, metrics_apis};

// Graphviz installs builtins whose name starts with 'g' and contains "_LTX_library". The dot
// layout and the SVG renderer still come from Graphviz's plugin list (README: config6a).
const lt_symlist_t builtins[] = {
    {"gvplugin_kansli_metrics_LTX_library", &metrics_library},
    {nullptr, nullptr},
};

std::mutex& SessionMutex() {
  static std::mutex mutex;
  return mutex;
}

std::string& Messages() {  // guarded by SessionMutex
  static std::string messages;
  return messages;
}

int CollectMessage(char* message) {
  Messages() += message != nullptr ? message : "";
  return 0;
}

// Graphviz 2.42's gvconfig loses the text of the plugin list it reads (about 4 KB, once per
// context). There is one context per process, so the loss is hidden from LeakSanitizer, which
// would otherwise fail every sanitizer test run that draws a graph.
GVC_t* NewContext() {
#if defined(KANSLI_ADDRESS_SANITIZER)
  __lsan::ScopedDisabler ignore_the_plugin_list;
#endif
  return gvContextPlugins(builtins, /*demand_loading=*/1);
}

GVC_t* SharedContext() {  // called with SessionMutex held
  static const GvcContext context = [] {
    Messages();  // made first so that it outlives the context at exit
    agseterrf(CollectMessage);
    return GvcContext(NewContext());
  }();
  return context.get();
}

}  // namespace

GraphvizSession::GraphvizSession() : lock_(SessionMutex()), context_(SharedContext()) {
  Messages().clear();
  agreseterrors();
}

GraphvizSession::~GraphvizSession() { Messages().clear(); }

const std::string& GraphvizSession::messages() const { return Messages(); }

}  // namespace kansli::graph
