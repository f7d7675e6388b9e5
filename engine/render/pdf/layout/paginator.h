// Boxes → pages: fills each page's body area top to bottom.
#pragma once

#include <vector>

#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/page_style.h"
#include "render/pdf/layout/vbox.h"

namespace kansli::pdf {

// Rules: the space before a box is dropped at the top of a page; a box marked
// keep_with_next moves to the next page with the boxes it keeps (unless they could not fit
// on any page together); a box with repeat_header that starts a page gets a copy of that
// header box above it. There is always at least one page.
std::vector<PageFrame> Paginate(const std::vector<VBox>& boxes, const PageStyle& style);

}  // namespace kansli::pdf
