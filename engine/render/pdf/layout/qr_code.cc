#include "render/pdf/layout/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <string>

namespace kansli::pdf {
namespace {

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrHandle = std::unique_ptr<QRcode, QrFree>;

}  // namespace

std::optional<QrCode> EncodeQr(std::string_view text) {
  if (text.empty() || text.find('\0') != std::string_view::npos) return std::nullopt;
  const std::string terminated(text);
  // Version 0: the smallest version that holds the text. Case-sensitive, so a URL keeps its
  // letters as they are.
  QrHandle code(QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (code == nullptr || code->width <= 0) return std::nullopt;
  QrCode out{.size = code->width};
  const size_t modules = static_cast<size_t>(code->width) * code->width;
  out.dark.reserve(modules);
  // Bit 0 of each byte is the module's colour; the other bits say what the module is for.
  for (size_t i = 0; i < modules; ++i) out.dark.push_back((code->data[i] & 1) != 0);
  return out;
}

std::string QrencodeVersion() { return QRcode_APIVersionString(); }

}  // namespace kansli::pdf
