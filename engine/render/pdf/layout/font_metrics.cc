#include "render/pdf/layout/font_metrics.h"

namespace kansli::pdf {

FontFace FaceFor(bool bold, bool italic, bool mono) {
  if (mono) return FontFace::kMono;
  if (bold) return italic ? FontFace::kBoldItalic : FontFace::kBold;
  return italic ? FontFace::kItalic : FontFace::kRegular;
}

}  // namespace kansli::pdf
