#pragma once

#include <chrono>
#include <string>

#include "pipeline/pipeline.h"

namespace kansli::serve {

struct ServeOptions {
  PipelineOptions pipeline;        // root, today, strict, jobs; output is always private
  std::string host = "127.0.0.1";  // loopback by default: a preview is not for the network
  int port = 8000;                 // 0: any free port
  // How long GET /__kansli/wait holds a request open when nothing changes.
  std::chrono::milliseconds wait_timeout{25'000};
};

}  // namespace kansli::serve
