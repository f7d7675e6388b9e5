// Styled text before line breaking: a paragraph's inlines flattened into runs of one style.
#pragma once

#include <string>
#include <vector>

#include "markdown/body.h"
#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/page_style.h"
#include "render/pdf/layout/structure.h"

namespace kansli {
class SiteGraph;
struct SiteDocument;
}  // namespace kansli

namespace kansli::pdf {

struct SpanStyle {
  bool bold = false;
  bool italic = false;
  bool mono = false;
  bool strike = false;
  double size = 11;
  Color color;
  std::string uri;     // empty: not a link
  std::string anchor;  // a link to a heading of the same document: its Anchor's name
  double rise = 0;    // points above the baseline: a footnote's number
  int footnote = 0;   // the footnote a raised number refers to; 0 for other text
  // The structure element of this text when not the block's: a Link's, a Reference's.
  int tag = kArtifact;
};

struct Span {
  SpanStyle style;
  std::string text;
  bool line_break = false;  // a hard break; text is empty

  FontFace face() const { return FaceFor(style.bold, style.italic, style.mono); }
};

// Where [[links]] and linked emphasis point; both may be null (no links resolved).
struct LinkContext {
  const SiteGraph* site = nullptr;
  const SiteDocument* doc = nullptr;
};

// Flattens inlines under `base`. Emphasis and strong toggle italic and bold, code is mono,
// http(s) and mailto links and resolved [[links]] carry their URL, a link to one of the
// document's own headings ("#atgarder") its anchor, and an image is shown as its alt text in
// brackets.
std::vector<Span> InlineSpans(const std::vector<markdown::Inline>& inlines, const SpanStyle& base,
                              const PageStyle& style, const LinkContext& links);

// Makes Link and Reference elements under `block` for the spans that are links and footnote
// numbers, one per run of spans going to the same place, and tags the spans with them.
void TagInlineElements(std::vector<Span>& spans, int block, Structure& structure);

// A single span of plain text.
std::vector<Span> TextSpans(std::string text, const SpanStyle& style);

// True for URLs a PDF reader may open: http, https and mailto.
bool IsExternalUrl(std::string_view url);

}  // namespace kansli::pdf
