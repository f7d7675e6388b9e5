#pragma once

// The only header that includes Graphviz. The rest of render/graph/ sees these handles.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>

#include <memory>
#include <string>

namespace kansli::graph {

struct GvcFree {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};
struct AgraphClose {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
struct GvRenderDataFree {
  void operator()(char* data) const { gvFreeRenderData(data); }
};
using GvcContext = std::unique_ptr<GVC_t, GvcFree>;
using Agraph = std::unique_ptr<Agraph_t, AgraphClose>;
using GvRenderData = std::unique_ptr<char, GvRenderDataFree>;

// A layout lives inside its graph and must be freed before the graph is closed, so declare a
// GvLayout after the Agraph it lays out.
class GvLayout {
 public:
  GvLayout(GVC_t* gvc, Agraph_t* graph, const char* engine)
      : gvc_(gvc), graph_(graph), ok_(gvLayout(gvc, graph, engine) == 0) {}
  ~GvLayout() {
    if (ok_) gvFreeLayout(gvc_, graph_);
  }
  GvLayout(const GvLayout&) = delete;
  GvLayout& operator=(const GvLayout&) = delete;

  bool ok() const { return ok_; }

 private:
  GVC_t* gvc_;
  Agraph_t* graph_;
  bool ok_;
};

// cgraph's API takes char* for names and values it only reads and copies.
inline char* CgraphText(const char* text) { return const_cast<char*>(text); }

// Sets an attribute on a graph, node or edge (declaring it with an empty default). Values go
// straight into cgraph's dictionaries and are never parsed as DOT, so no text can change the
// graph; a label's own escapes still apply (EscapeGraphvizLabel).
inline void SetAttr(void* object, const char* name, const std::string& value) {
  agsafeset(object, CgraphText(name), CgraphText(value.c_str()), CgraphText(""));
}

}  // namespace kansli::graph
