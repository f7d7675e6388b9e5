// Form XObjects for the Drawings of a laid-out document (the footer's QR code), each written
// once per document however many pages place it. The page drawer asks for a PlacedDrawing's
// form and draws it with "cm" and "Do".
#pragma once

#include <hpdf.h>

#include <map>
#include <memory>

#include "render/pdf/layout/frame.h"

namespace kansli::pdf {

class FormXObjects {
 public:
  // `doc` must outlive this object; the forms belong to it.
  explicit FormXObjects(HPDF_Doc doc) : doc_(doc) {}
  FormXObjects(const FormXObjects&) = delete;
  FormXObjects& operator=(const FormXObjects&) = delete;

  // The form of `drawing`, added to the document the first time that drawing is seen (the
  // same shared Drawing is one form). Null if out of memory.
  HPDF_Dict Get(const std::shared_ptr<const Drawing>& drawing);

 private:
  struct Entry {
    std::shared_ptr<const Drawing> drawing;  // keeps the key's address unique
    HPDF_Dict form = nullptr;
  };

  HPDF_Doc doc_;
  std::map<const Drawing*, Entry> added_;
};

}  // namespace kansli::pdf
