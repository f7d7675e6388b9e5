#include "render/pdf/writer/form_xobjects.h"

#include <string>

#include "render/pdf/writer/content_stream.h"

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

PdfDict FormXObjects::Get(const std::shared_ptr<const Drawing>& drawing) {
  if (!drawing) return {};
  auto [it, fresh] = added_.try_emplace(drawing.get());
  if (!fresh) return it->second.form;
  it->second.drawing = drawing;
  PdfDict form = pdf_.Stream(Pack(DrawingContent(*drawing)));
  pdf_.Put(form, "Type", PdfName{"XObject"});
  pdf_.Put(form, "Subtype", PdfName{"Form"});
  pdf_.Put(form, "BBox", pdf_.Array({0.0, 0.0, drawing->width, drawing->height}));
  pdf_.Put(form, "Resources", pdf_.DirectDict());
  it->second.form = form;
  return form;
}

}  // namespace kansli::pdf
