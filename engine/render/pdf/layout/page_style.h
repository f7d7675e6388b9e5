// The page template: paper, margins, type sizes and colours. Every position layout computes
// derives from these numbers; nothing else places text by fixed coordinates.
#pragma once

#include "config/site_config.h"
#include "render/pdf/layout/frame.h"

namespace kansli::pdf {

struct PageStyle {
  double width = 595.276;  // A4 portrait, in points
  double height = 841.89;
  double margin = 70.866;  // 25 mm
  double body_size = 11;
  double leading = 1.3;        // line height as a multiple of the font size
  double paragraph_gap = 0.6;  // space between blocks, in multiples of body_size
  // Body paragraphs and list items, and `hyphenate` also table cells (set ragged); headings
  // and the page furniture stay ragged and unhyphenated. Off unless kansli.yaml asks
  // (PageStyleFor), so that a bare PageStyle sets plain ragged text.
  bool justify = false;
  bool hyphenate = false;

  Color text{0.1, 0.1, 0.1};
  Color accent{0.09, 0.22, 0.38};  // title, headings and the title block's rule
  Color muted{0.38, 0.38, 0.38};   // running header, footer, metadata labels
  Color link{0.05, 0.25, 0.6};
  Color hairline{0.65, 0.65, 0.65};
  Color panel{0.94, 0.95, 0.96};  // metadata block and table header background
  Color code_panel{0.95, 0.95, 0.95};
  Color stamp{0.7, 0.1, 0.1};  // UTKAST, UPPHÄVD, ERSATT
  Color stamp_light{0.96, 0.82, 0.82};  // the same across the page, under the text

  // The running header and the footer live in the margins; a narrow margin is widened so
  // that they never overlap the body or leave the paper.
  double body_left() const { return margin; }
  double body_right() const { return width - margin; }
  double body_width() const { return body_right() - body_left(); }
  double body_top() const;
  double body_bottom() const;
  double body_height() const { return body_top() - body_bottom(); }

  // Heading levels are relative to the document's top level: 1 is its largest heading.
  double HeadingSize(int level) const;
  double CodeSize() const { return body_size * 0.88; }
  double SmallSize() const { return body_size * 0.74; }  // header, footer, labels
  double LineHeight(double size) const { return size * leading; }
  // Narrowest column text is ever set in, however deep lists and quotes nest.
  double MinColumnWidth() const { return body_width() * 0.3; }
};

// Sizes and margins from kansli.yaml, kept within what a page can hold.
PageStyle PageStyleFor(const PdfSettings& settings);

}  // namespace kansli::pdf
