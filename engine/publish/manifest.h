#pragma once

#include <string>
#include <vector>

#include "site/output_file.h"

namespace kansli {

// "manifest.json": path, size and SHA-256 of every published file, sorted by path, so an
// auditor can prove a PDF is the one published.
OutputFile MakeManifest(const std::vector<OutputFile>& files);

}  // namespace kansli
