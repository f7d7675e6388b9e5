// What every page carries outside the body: a running header (title, version) and a footer
// (the copy notice, the intranet URL, "Sida X av Y", and a QR code of that URL at the right,
// so a reader of a paper copy can reach the valid version). Added after pagination, when the page
// count is known; it never changes the body's flow, so one layout pass is enough.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/pdf/layout/font_metrics.h"
#include "render/pdf/layout/frame.h"
#include "render/pdf/layout/page_style.h"
#include "render/pdf/layout/qr_code.h"
#include "site/site_graph.h"

namespace kansli::pdf {

// "Sida 2 av 5", from the text "pdf.page_of".
std::string PageNumberText(const SiteText& text, int page, int count);

// The footer's notice is the text "pdf.printed_copy" ("Ett utskrivet dokument är alltid en
// kopia, giltig version finns alltid på intranätet.").
void AddPageFurniture(std::vector<PageFrame>& pages, const SiteDocument& doc, const SiteText& text,
                      const FontMetrics& metrics, const PageStyle& style);

// About how many items AddPageFurniture and the status stamp add to a page (12 with a
// two-line notice and URL): room a page reserves for them. More only costs a reallocation.
inline constexpr size_t kFurnitureItems = 16;

// A QR code's side in points, its 4-module quiet zone included (about 17 mm): big enough for
// a phone camera at arm's length. Smaller only when a narrow bottom margin leaves less room.
inline constexpr double kQrSide = 48.0;
inline constexpr int kQrQuietModules = 4;

// Where the footer's QR code goes: a square at the right of the footer, below `footer_top`,
// or nullopt if the bottom margin has no room for a readable one.
std::optional<Rect> QrArea(const PageStyle& style, double footer_top);

// `code` as a drawing one unit per module, its quiet zone included: a white square, then one
// black rectangle per run of dark modules in a row, which keeps the PDF small.
Drawing QrDrawing(const QrCode& code);

// `text`, cut with "…" to fit `width` if it is wider.
std::string FitText(const std::string& text, FontFace face, double size, double width,
                    const FontMetrics& metrics);

}  // namespace kansli::pdf
