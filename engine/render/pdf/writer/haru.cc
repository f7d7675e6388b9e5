#include "render/pdf/writer/haru.h"

#include <cstdio>

namespace kansli::pdf {
namespace {

void RecordError(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
  auto* error = static_cast<HaruError*>(user_data);
  if (!error->failed()) *error = {code, detail};
}

}  // namespace

std::string HaruError::Describe() const {
  char text[64];
  std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(code),
                static_cast<unsigned>(detail));
  return text;
}

HaruDoc NewHaruDoc(HaruError* error) { return HaruDoc(HPDF_New(RecordError, error)); }

}  // namespace kansli::pdf
