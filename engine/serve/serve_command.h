// `kansli serve`: what cli/ calls. Kept apart from preview_server.h so that the command line
// never sees <httplib.h>.
#pragma once

#include <ostream>
#include <string>

#include "serve/serve_options.h"

namespace kansli::serve {

// Builds, prints "kansli serve: http://HOST:PORT/<base path>" as one flushed line on `out`, and
// serves until SIGINT or SIGTERM; then stops, removes the temporary output folder and returns
// 0. Returns 2 if the site folder has no kansli.yaml, 3 if the port or the temporary folder
// cannot be had. Build diagnostics go to `err`. Blocks SIGINT and SIGTERM in the calling
// thread (and so in every thread it starts): call it before starting other threads.
int RunServeCommand(const ServeOptions& options, std::ostream& out, std::ostream& err);

// The version of the library this wraps, for `kansli --version`.
std::string CppHttplibVersion();

}  // namespace kansli::serve
