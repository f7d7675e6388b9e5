#pragma once

#include <string>
#include <string_view>

namespace kansli {

// Lower-case hex SHA-256 of `bytes`, by OpenSSL's libcrypto. Proof that a published file is
// the official one: the manifest and each document's page show it.
std::string Sha256Hex(std::string_view bytes);

}  // namespace kansli
