// Image XObjects for the ImageItems of a laid-out document, embedded once per image. The
// page drawer asks for each ImageItem's image and draws it with "cm" and "Do".
#pragma once

#include <hpdf.h>

#include <map>
#include <memory>
#include <string>

#include "render/pdf/layout/frame.h"

namespace kansli::pdf {

class ImageXObjects {
 public:
  // `doc` must outlive this object; the images belong to it.
  explicit ImageXObjects(HPDF_Doc doc) : doc_(doc) {}
  ImageXObjects(const ImageXObjects&) = delete;
  ImageXObjects& operator=(const ImageXObjects&) = delete;

  // The image for item, loaded into the document the first time its bytes are seen (the
  // same shared bytes, drawn twice, are one XObject). A PNG is decoded to 8-bit RGB with any
  // transparency composited onto white, since PDF/A-1 forbids soft masks; a JPEG is embedded
  // as it is (validation refused CMYK). Null if the image cannot be decoded or libharu
  // refuses it; libharu's error state is then reset, but an error handler the caller
  // installed has already recorded the failure.
  HPDF_Image Get(const ImageItem& item);

 private:
  HPDF_Image Load(const ImageItem& item) const;

  struct Entry {
    std::shared_ptr<const std::string> bytes;  // keeps the key's address unique
    HPDF_Image image = nullptr;
  };

  HPDF_Doc doc_;
  std::map<const std::string*, Entry> loaded_;
};

}  // namespace kansli::pdf
