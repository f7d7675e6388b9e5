// A QR code as plain data, so layout can place it and tests can read it without libqrencode.
// qr_code.cc is the only code that includes <qrencode.h>.
#pragma once

#include <optional>
#include <string_view>
#include <vector>
#include <string>

namespace kansli::pdf {

struct QrCode {
  int size = 0;            // modules per side
  std::vector<bool> dark;  // size * size modules, row by row from the top-left

  bool Dark(int x, int y) const { return dark[static_cast<size_t>(y) * size + x]; }
};

// The QR code of `text` as 8-bit bytes with error correction level M (15 % of the symbol may
// be damaged), or nullopt if `text` is empty, holds a NUL byte, or is too long for any QR
// code version.
std::optional<QrCode> EncodeQr(std::string_view text);

// The version of the library this wraps, for `kansli --version`.
std::string QrencodeVersion();
}  // namespace kansli::pdf
