#include "render/pdf/layout/frame.h"

namespace kansli::pdf {

void Translate(FrameItem& item, double dy) {
  struct Mover {
    double dy;
    void Move(Rect& area) const {
      area.y0 += dy;
      area.y1 += dy;
    }
    void operator()(TextRun& t) const { t.y += dy; }
    void operator()(Rule& r) const {
      r.y0 += dy;
      r.y1 += dy;
    }
    void operator()(FilledRect& f) const { Move(f.area); }
    void operator()(LinkArea& l) const { Move(l.area); }
    void operator()(Anchor& a) const { a.y += dy; }
    void operator()(ImageItem& i) const { Move(i.area); }
    void operator()(PlacedDrawing& d) const { Move(d.area); }
  };
  std::visit(Mover{dy}, item);
}

}  // namespace kansli::pdf
