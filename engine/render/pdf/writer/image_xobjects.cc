#include "render/pdf/writer/image_xobjects.h"

#include <limits>
#include <optional>

#include "validate/png_image.h"

namespace kansli::pdf {

HPDF_Image ImageXObjects::Get(const ImageItem& item) {
  if (!item.bytes) return nullptr;
  auto [it, fresh] = loaded_.try_emplace(item.bytes.get());
  if (fresh) it->second = Entry{.bytes = item.bytes, .image = Load(item)};
  return it->second.image;
}

HPDF_Image ImageXObjects::Load(const ImageItem& item) const {
  const std::string& bytes = *item.bytes;
  if (bytes.size() > std::numeric_limits<HPDF_UINT>::max()) return nullptr;
  HPDF_Image image = nullptr;
  if (item.format == ImageFormat::kJpeg) {
    image = HPDF_LoadJpegImageFromMem(doc_, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                      static_cast<HPDF_UINT>(bytes.size()));
  } else {
    std::optional<RgbImage> rgb = DecodePngToRgb(bytes);
    if (!rgb) return nullptr;
    // libharu copies the pixels into the image's stream.
    image = HPDF_LoadRawImageFromMem(doc_, reinterpret_cast<const HPDF_BYTE*>(rgb->rgb.data()),
                                     static_cast<HPDF_UINT>(rgb->width),
                                     static_cast<HPDF_UINT>(rgb->height), HPDF_CS_DEVICE_RGB, 8);
  }
  if (image == nullptr) HPDF_ResetError(doc_);
  return image;
}

}  // namespace kansli::pdf
