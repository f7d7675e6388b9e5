#include "source/sha256.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <stdexcept>

namespace kansli {
namespace {

// Fetched once: an implicit fetch on every call costs more than hashing a small file.
const EVP_MD* Algorithm() {
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (sha256 == nullptr) throw std::runtime_error("SHA-256 is not available in libcrypto");
  return sha256;
}

std::string Hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), Algorithm(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) {
    throw std::runtime_error("SHA-256 failed in libcrypto");
  }
  return Hex(digest, length);
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), Algorithm(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed in libcrypto");
  }
}

Sha256::~Sha256() = default;

Sha256& Sha256::Add(std::string_view part) {
  const uint64_t size = part.size();
  if (EVP_DigestUpdate(ctx_.get(), &size, sizeof size) != 1 ||
      EVP_DigestUpdate(ctx_.get(), part.data(), part.size()) != 1) {
    throw std::runtime_error("SHA-256 failed in libcrypto");
  }
  return *this;
}

Sha256& Sha256::Add(long long number) { return Add(std::to_string(number)); }

std::string Sha256::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(ctx_.get(), digest, &length) != 1) {
    throw std::runtime_error("SHA-256 failed in libcrypto");
  }
  return Hex(digest, length);
}

std::string OpenSslVersion() { return OpenSSL_version(OPENSSL_VERSION_STRING); }

}  // namespace kansli
