// Form XObjects for the Drawings of a laid-out document (the footer's QR code), each written
// once per document however many pages place it. The page drawer asks for a PlacedDrawing's
// form and draws it with "cm" and "Do".
#pragma once

#include <map>
#include <memory>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/pdf_builder.h"

namespace kansli::pdf {

class FormXObjects {
 public:
  // `pdf` must outlive this object; the forms belong to it.
  explicit FormXObjects(PdfBuilder& pdf) : pdf_(pdf) {}
  FormXObjects(const FormXObjects&) = delete;
  FormXObjects& operator=(const FormXObjects&) = delete;

  // The form of `drawing`, added to the document the first time that drawing is seen (the
  // same shared Drawing is one form). Empty if out of memory.
  PdfDict Get(const std::shared_ptr<const Drawing>& drawing);

 private:
  struct Entry {
    std::shared_ptr<const Drawing> drawing;  // keeps the key's address unique
    PdfDict form;
  };

  PdfBuilder& pdf_;
  std::map<const Drawing*, Entry> added_;
};

}  // namespace kansli::pdf
