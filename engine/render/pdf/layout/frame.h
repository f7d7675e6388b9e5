// Layout's product: pages of positioned items that the writer draws as they are. Coordinates
// are points from the page's bottom-left corner, as in PDF.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "render/pdf/layout/font_metrics.h"
#include "source/date.h"

namespace kansli::pdf {

struct Color {
  double r = 0, g = 0, b = 0;
  friend bool operator==(const Color&, const Color&) = default;
};

struct Rect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // x0 <= x1, y0 <= y1
};

// One run of text in one face, drawn from its baseline's left end.
struct TextRun {
  FontFace face = FontFace::kRegular;
  double size = 0;
  double x = 0;
  double y = 0;  // baseline
  std::string utf8;
  Color color;
  double angle = 0;  // degrees, counter-clockwise about (x, y): the status stamp
};

struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
  Color color;
};

struct FilledRect {
  Rect area;
  Color color;
};

// A clickable area opening `uri` (an http(s), mailto or intranet URL).
struct LinkArea {
  Rect area;
  std::string uri;
};

using FrameItem = std::variant<TextRun, Rule, FilledRect, LinkArea>;

struct PageFrame {
  double width = 0;
  double height = 0;
  std::vector<FrameItem> items;
};

// The PDF Info dictionary, as plain UTF-8; the writer encodes it for PDF.
struct PdfInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator = "kansli";
  std::optional<Date> date;  // CreationDate and ModDate; never the time of the build
};

struct LaidOutDocument {
  std::vector<PageFrame> pages;
  PdfInfo info;
};

// Moves an item up by dy points (down if negative).
void Translate(FrameItem& item, double dy);

}  // namespace kansli::pdf
