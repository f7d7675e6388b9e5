#include "render/pdf/layout/frame.h"

namespace kansli::pdf {

void Translate(FrameItem& item, double dy) {
  struct Mover {
    double dy;
    void operator()(TextRun& t) const { t.y += dy; }
    void operator()(Rule& r) const {
      r.y0 += dy;
      r.y1 += dy;
    }
    void operator()(FilledRect& f) const {
      f.area.y0 += dy;
      f.area.y1 += dy;
    }
    void operator()(LinkArea& l) const {
      l.area.y0 += dy;
      l.area.y1 += dy;
    }
    void operator()(Anchor& a) const { a.y += dy; }
    void operator()(ImageItem& i) const {
      i.area.y0 += dy;
      i.area.y1 += dy;
    }
    void operator()(PlacedDrawing& d) const {
      d.area.y0 += dy;
      d.area.y1 += dy;
    }
  };
  std::visit(Mover{dy}, item);
}

}  // namespace kansli::pdf
