#include "render/pdf/writer/form_xobjects.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <string>

#include "render/pdf/writer/content_stream.h"
#include "render/pdf/writer/haru.h"

namespace kansli::pdf {
namespace {

// The content stream of `drawing`: consecutive rectangles of one colour share one path and
// one fill.
std::string DrawingContent(const Drawing& drawing) {
  ContentStream out;
  const Color* colour = nullptr;
  for (const FilledRect& fill : drawing.fills) {
    if (colour == nullptr || !(*colour == fill.color)) {
      if (colour != nullptr) out.Raw("f");
      out.Op({fill.color.r, fill.color.g, fill.color.b}, "rg");
      colour = &fill.color;
    }
    const Rect& a = fill.area;
    out.Op({a.x0, a.y0, a.x1 - a.x0, a.y1 - a.y0}, "re");
  }
  if (colour != nullptr) out.Raw("f");
  return out.bytes();
}

}  // namespace

HPDF_Dict FormXObjects::Get(const std::shared_ptr<const Drawing>& drawing) {
  if (!drawing) return nullptr;
  auto [it, fresh] = added_.try_emplace(drawing.get());
  if (!fresh) return it->second.form;
  it->second.drawing = drawing;
  HPDF_Dict form = NewStream(doc_, Pack(DrawingContent(*drawing)));
  HPDF_Array bbox = HPDF_Array_New(doc_->mmgr);
  HPDF_Dict resources = HPDF_Dict_New(doc_->mmgr);
  if (form == nullptr || bbox == nullptr || resources == nullptr) return nullptr;
  HPDF_STATUS status = HPDF_OK;
  for (double value : {0.0, 0.0, drawing->width, drawing->height}) {
    status |= HPDF_Array_Add(bbox, HPDF_Real_New(doc_->mmgr, static_cast<HPDF_REAL>(value)));
  }
  status |= HPDF_Dict_AddName(form, "Type", "XObject");
  status |= HPDF_Dict_AddName(form, "Subtype", "Form");
  status |= HPDF_Dict_Add(form, "BBox", bbox);
  status |= HPDF_Dict_Add(form, "Resources", resources);
  if (status != HPDF_OK) return nullptr;
  it->second.form = form;
  return form;
}

}  // namespace kansli::pdf
