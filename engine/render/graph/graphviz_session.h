#pragma once

#include <mutex>
#include <string>

#include "render/graph/graphviz.h"

namespace kansli::graph {

// Graphviz keeps global state (its error handler, the string dictionaries, the dot engine's
// statics) and is not thread-safe, so every Graphviz call in the process happens inside a
// GraphvizSession, one session at a time. Sessions share one context, made on first use and
// kept until exit: making one reads the plugin list and takes about 30 ms.
class GraphvizSession {
 public:
  GraphvizSession();  // blocks until no other session is open
  ~GraphvizSession();
  GraphvizSession(const GraphvizSession&) = delete;
  GraphvizSession& operator=(const GraphvizSession&) = delete;

  GVC_t* context() const { return context_; }

  // What Graphviz reported through agerr since the session opened, one message per line.
  const std::string& messages() const;

 private:
  std::unique_lock<std::mutex> lock_;
  GVC_t* context_;
};

}  // namespace kansli::graph
