#include "render/pdf/writer/image_xobjects.h"

#include <optional>

#include "validate/png_image.h"

namespace kansli::pdf {

PdfDict ImageXObjects::Get(const ImageItem& item) {
  if (!item.bytes) return {};
  auto [it, fresh] = loaded_.try_emplace(item.bytes.get());
  if (fresh) it->second = Entry{.bytes = item.bytes, .image = Load(item)};
  return it->second.image;
}

PdfDict ImageXObjects::Load(const ImageItem& item) const {
  if (item.format == ImageFormat::kJpeg) return pdf_.JpegImage(*item.bytes);
  std::optional<RgbImage> rgb = DecodePngToRgb(*item.bytes);
  if (!rgb) return {};
  return pdf_.RgbImage(rgb->rgb, static_cast<int>(rgb->width), static_cast<int>(rgb->height));
}

}  // namespace kansli::pdf
