// Images as figures: an image from the content folder is set in its own boxes below the text
// of its paragraph, at its natural size (from the file's DPI), shrunk to fit and centred, with
// its alt text as a small caption. Layout never reads files: the site graph holds the images.
#pragma once

#include <string>
#include <vector>

#include "markdown/body.h"
#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/span.h"
#include "render/pdf/layout/vbox.h"
#include "validate/images.h"

namespace kansli::pdf {

// An image is never set taller than this share of the body's height, so that it always
// fits on a page with its caption and a few lines of text.
inline constexpr double kMaxFigureHeightShare = 0.6;
// Files that do not give their resolution are taken to be screen images.
inline constexpr double kDefaultDpi = 96;

// The checked image an kImage inline shows, or null (remote, refused or no site).
const ResolvedImage* FigureImage(const LinkContext& links, const markdown::Inline& image);

// The kImage inlines of `inlines` (at any depth, in order) that have a checked image.
std::vector<const markdown::Inline*> FindFigures(const std::vector<markdown::Inline>& inlines,
                                                 const LinkContext& links);

// `inlines` without the images FindFigures finds, so that their alt text stays out of the
// running text (it is the caption).
std::vector<markdown::Inline> WithoutFigures(const std::vector<markdown::Inline>& inlines,
                                             const LinkContext& links);

// The image's size in points: pixels at the file's DPI, scaled down (never up) to
// `max_width` and `max_height`, keeping its proportions.
struct FigureSize {
  double width = 0;
  double height = 0;
};
FigureSize FitFigure(const ImageInfo& info, double max_width, double max_height);

// The figure's boxes in a column from `left`, `width` wide: the image centred, then `alt`
// (if any) as centred small muted lines. The image keeps with its caption.
std::vector<VBox> FigureBoxes(const ResolvedImage& image, const std::string& alt, double left,
                              double width, const FontMetrics& metrics, const PageStyle& style);

}  // namespace kansli::pdf
