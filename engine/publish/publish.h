// publish/ owns putting a finished site on disk all or nothing: files go to a staging folder
// beside the output folder, are synced, and replace the output folder in one rename. A failed
// or killed build leaves the previous output exactly as it was.
#pragma once

#include <filesystem>
#include <vector>

#include "diag/diagnostics.h"
#include "site/output_file.h"

namespace kansli {

// Reports publish-failed (with the OS's reason) and leaves output_dir untouched on failure.
bool Publish(const std::filesystem::path& output_dir, const std::vector<OutputFile>& files,
             Diagnostics& diags);

}  // namespace kansli
