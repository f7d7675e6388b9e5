// HarfBuzz at the edge: owning handles for the objects this stage creates.
#pragma once

#include <hb-subset.h>
#include <hb.h>

#include <memory>
#include <type_traits>

namespace kansli::pdf {

template <class T, void (*Destroy)(T*)>
struct HbFree {
  void operator()(T* object) const { Destroy(object); }
};
template <class T, void (*Destroy)(T*)>
using HbPtr = std::unique_ptr<T, HbFree<T, Destroy>>;

using HbBlob = HbPtr<hb_blob_t, hb_blob_destroy>;
using HbFace = HbPtr<hb_face_t, hb_face_destroy>;
using HbFont = HbPtr<hb_font_t, hb_font_destroy>;
using HbSet = HbPtr<hb_set_t, hb_set_destroy>;
using HbSubsetInput = HbPtr<hb_subset_input_t, hb_subset_input_destroy>;
using HbSubsetPlan = HbPtr<hb_subset_plan_t, hb_subset_plan_destroy>;

}  // namespace kansli::pdf
