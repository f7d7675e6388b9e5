// Image XObjects for the ImageItems of a laid-out document, embedded once per image. The
// page drawer asks for each ImageItem's image and draws it with "cm" and "Do".
#pragma once

#include <map>
#include <memory>
#include <string>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/pdf_builder.h"

namespace kansli::pdf {

class ImageXObjects {
 public:
  // `pdf` must outlive this object; the images belong to it.
  explicit ImageXObjects(PdfBuilder& pdf) : pdf_(pdf) {}
  ImageXObjects(const ImageXObjects&) = delete;
  ImageXObjects& operator=(const ImageXObjects&) = delete;

  // The image for item, loaded into the document the first time its bytes are seen (the
  // same shared bytes, drawn twice, are one XObject). A PNG is decoded to 8-bit RGB with any
  // transparency composited onto white, since PDF/A-1 forbids soft masks; a JPEG is embedded
  // as it is (validation refused CMYK). Empty if the image cannot be decoded or libharu
  // refuses it; the caller reports that.
  PdfDict Get(const ImageItem& item);

 private:
  PdfDict Load(const ImageItem& item) const;

  struct Entry {
    std::shared_ptr<const std::string> bytes;  // keeps the key's address unique
    PdfDict image;
  };

  PdfBuilder& pdf_;
  std::map<const std::string*, Entry> loaded_;
};

}  // namespace kansli::pdf
