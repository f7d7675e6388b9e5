#pragma once

#include <string>
#include <vector>

#include "site/output_file.h"

namespace kansli {

// The SHA-256 (hex) of bytes, from OpenSSL's libcrypto.
std::string Sha256Hex(const std::string& bytes);

// "manifest.json": path, size and SHA-256 of every published file, sorted by path, so an
// auditor can prove a PDF is the one published.
OutputFile MakeManifest(const std::vector<OutputFile>& files);

}  // namespace kansli
