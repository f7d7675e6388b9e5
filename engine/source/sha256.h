#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace kansli {

// Lower-case hex SHA-256 of `bytes`, by OpenSSL's libcrypto. Proof that a published file is
// the official one: the manifest and each document's page show it.
std::string Sha256Hex(std::string_view bytes);

// A SHA-256 of many inputs fed one by one, without joining them: the build cache's keys.
// Each part is hashed with its length before it, so ("ab", "c") and ("a", "bc") differ.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& Add(std::string_view part);
  Sha256& Add(long long number);
  // Lower-case hex; the hasher is spent afterwards.
  std::string HexDigest();

 private:
  std::unique_ptr<evp_md_ctx_st, void (*)(evp_md_ctx_st*)> ctx_;
};

// The version of the library this wraps, for `kansli --version`.
std::string OpenSslVersion();
}  // namespace kansli
