// Layout's product: pages of positioned items that the writer draws as they are. Coordinates
// are points from the page's bottom-left corner, as in PDF.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "render/pdf/layout/font_metrics.h"
#include "source/date.h"

namespace kansli::pdf {

// Tagged PDF: the structure element an item's content belongs to, an index into
// LaidOutDocument::structure. Content in no element is an artifact, as page furniture, rules
// and backgrounds are: screen readers skip it. Artifact is the default, so content layout
// forgets to tag is missing from the tree, which the structure tests catch, rather than
// read twice.
inline constexpr int kArtifact = -1;

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
  // What the run gives copy and search when that differs from what it shows: the first part
  // of a hyphenated word carries the whole word and the part after the break carries "", so
  // readers find "verksamhetsutveckling" whole. Unset: the run reads as it shows.
  std::optional<std::string> actual_text;
  int tag = kArtifact;
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

// A clickable area opening `uri` (an http(s), mailto or intranet URL) or, when uri is empty,
// going to the Anchor named `anchor` in the same document.
// A link must be tagged (its Link element gets the annotation); an artifact's link area makes
// no annotation, since PDF/UA allows no annotation outside the structure tree.
struct LinkArea {
  Rect area;
  std::string uri;
  std::string anchor;
  int tag = kArtifact;
};

// A named place links and bookmarks go to: the top of a heading. Draws nothing.
struct Anchor {
  std::string name;
  double y = 0;
};

enum class ImageFormat { kPng, kJpeg };

// An image file's bytes, as read from the content folder, drawn scaled into `area`. Shared,
// so a picture used twice is read and embedded once.
struct ImageItem {
  Rect area;
  ImageFormat format = ImageFormat::kPng;
  std::shared_ptr<const std::string> bytes;
  int tag = kArtifact;  // a Figure, whose /Alt tells what the picture shows
};

// Filled rectangles in a drawing's own units, from (0, 0) to (width, height): a picture made
// once and placed on many pages, the footer's QR code. The PDF holds it once (a form XObject)
// and every page refers to it, instead of repeating some 400 rectangles on each page.
struct Drawing {
  double width = 0;
  double height = 0;
  std::vector<FilledRect> fills;
};

// `drawing` scaled to fill `area`.
struct PlacedDrawing {
  Rect area;
  std::shared_ptr<const Drawing> drawing;
};

using FrameItem =
    std::variant<TextRun, Rule, FilledRect, LinkArea, Anchor, ImageItem, PlacedDrawing>;

struct PageFrame {
  double width = 0;
  double height = 0;
  std::vector<FrameItem> items;
};

// The standard structure types kansli's documents use (ISO 32000-1 14.8.4), which PDF/UA-1
// readers know without a role map.
enum class StructRole : unsigned char {
  kDocument, kH1, kH2, kH3, kH4, kH5, kH6, kP, kL, kLI, kLbl, kLBody, kBlockQuote, kCode,
  kTable, kTHead, kTBody, kTR, kTH, kTD, kFigure, kLink, kNote, kReference, kTOC, kTOCI,
};

// The heading role of a level, 1 to 6.
StructRole HeadingRole(int level);
// "H1", "TOCI": the structure type's name in the PDF.
const char* RoleName(StructRole role);

enum class HeaderScope : unsigned char { kNone, kColumn, kRow };
// A list's /ListNumbering: how its labels count, so a reader can say "item 3 of 5".
enum class ListNumbering : unsigned char { kNone, kDisc, kDecimal };

// One element of the structure tree. Element 0 is the Document; every other element's parent
// comes before it, and siblings are in reading order.
struct StructElement {
  StructRole role = StructRole::kP;
  int parent = 0;
  // A Figure's /Alt; a Link's text, which its annotation's /Contents repeats for readers that
  // list links.
  std::string alt;
  std::string id;                          // a Note's /ID, unique in the document
  HeaderScope scope = HeaderScope::kNone;        // a TH's /Scope
  ListNumbering numbering = ListNumbering::kNone;  // an L's
};

// The PDF Info dictionary, as plain UTF-8; the writer encodes it for PDF.
struct PdfInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string identifier;  // dc:identifier, "kansli:<id>:v<version>"
  std::string creator = "kansli";
  std::optional<Date> date;  // CreationDate and ModDate; never the time of the build
};

// One PDF bookmark: a heading, nested by level, going to its Anchor.
struct OutlineEntry {
  int level = 1;  // 1 is the document's top heading level
  std::string title;
  std::string anchor;
};

struct LaidOutDocument {
  std::vector<PageFrame> pages;
  std::vector<StructElement> structure;  // empty: an untagged PDF
  std::string language;                  // the catalog's /Lang, "sv-SE"
  PdfInfo info;
  std::vector<OutlineEntry> outline;
};

// Moves an item up by dy points (down if negative).
void Translate(FrameItem& item, double dy);

// Puts the content of a text run, link area or image into element `tag` (or kArtifact);
// other items are always artifacts.
void SetTag(FrameItem& item, int tag);

}  // namespace kansli::pdf
