// A document (Markdown body under a fixed front matter, or a whole file with its own) parsed,
// laid out with the real fonts' metrics and written as a tagged PDF, as RenderPdf does. Layout
// must keep every item on the paper at finite coordinates and hand the writer a whole
// structure tree with every link's destination, and the writer must give a whole PDF file.
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <variant>

#include "fuzz/expect.h"
#include "fuzz/fuzz_site.h"
#include "render/pdf/face_metrics.h"
#include "render/pdf/layout/lay_out.h"
#include "render/pdf/writer/pdf_writer.h"
#include "render/pdf/writer/pdfa.h"

namespace kansli::fuzz {
namespace {

// What every document shares, loaded once: the faces of the default pdf settings and the
// output intent's colour profile.
struct PdfKit {
  PdfKit() : faces(Config().pdf, KANSLI_SOURCE_DIR), metrics(faces) {
    Diagnostics diags;
    Expect(faces.Load(diags), "the PDF fonts could not be loaded");
    std::ifstream in(pdf::kSrgbProfilePath, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Expect(!bytes.str().empty(), "the sRGB profile could not be read", pdf::kSrgbProfilePath);
    icc = pdf::Pack(bytes.str());
  }

  pdf::FontFaces faces;
  pdf::FaceMetrics metrics;
  pdf::PackedStream icc;
};

const PdfKit& Kit() {
  static const PdfKit kit;
  return kit;
}

// Half a point of slack for rounding: anything further out is cut off in print.
constexpr double kSlack = 0.5;

std::string Where(int page, const std::string& what) {
  return "page " + std::to_string(page + 1) + ": " + what;
}

void ExpectOnPaper(const pdf::PageFrame& page, int number, const pdf::Rect& area,
                   const char* kind) {
  const bool finite = std::isfinite(area.x0) && std::isfinite(area.x1) && std::isfinite(area.y0) &&
                      std::isfinite(area.y1);
  Expect(finite && area.x0 >= -kSlack && area.x1 <= page.width + kSlack && area.y0 >= -kSlack &&
             area.y1 <= page.height + kSlack,
         "an item is off the paper",
         Where(number, std::string(kind) + " [" + std::to_string(area.x0) + ", " +
                           std::to_string(area.y0) + ", " + std::to_string(area.x1) + ", " +
                           std::to_string(area.y1) + "]"));
}

void ExpectOnPaper(const pdf::LaidOutDocument& doc, const pdf::FontMetrics& metrics) {
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const pdf::PageFrame& page = doc.pages[i];
    const int n = static_cast<int>(i);
    for (const pdf::FrameItem& item : page.items) {
      if (const auto* run = std::get_if<pdf::TextRun>(&item)) {
        Expect(std::isfinite(run->size) && run->size > 0, "a text run has no size",
               Where(n, run->utf8));
        // The status stamp is turned across the page; its corners are layout's to keep.
        if (run->angle != 0) continue;
        const double width = metrics.Width(run->face, run->size, run->utf8);
        ExpectOnPaper(page, n, {run->x, run->y, run->x + width, run->y}, "text");
      } else if (const auto* rule = std::get_if<pdf::Rule>(&item)) {
        ExpectOnPaper(page, n,
                      {std::min(rule->x0, rule->x1), std::min(rule->y0, rule->y1),
                       std::max(rule->x0, rule->x1), std::max(rule->y0, rule->y1)},
                      "rule");
      } else if (const auto* fill = std::get_if<pdf::FilledRect>(&item)) {
        ExpectOnPaper(page, n, fill->area, "filled rectangle");
      } else if (const auto* link = std::get_if<pdf::LinkArea>(&item)) {
        ExpectOnPaper(page, n, link->area, "link area");
      } else if (const auto* image = std::get_if<pdf::ImageItem>(&item)) {
        ExpectOnPaper(page, n, image->area, "image");
      } else if (const auto* drawing = std::get_if<pdf::PlacedDrawing>(&item)) {
        ExpectOnPaper(page, n, drawing->area, "drawing");
      }
    }
  }
}

// What frame.h promises the writer: each structure element's parent comes before it, each
// item's tag names an element, Note ids are unique, and every link inside the document and
// every bookmark goes to an Anchor that is on a page.
void ExpectWholeStructure(const pdf::LaidOutDocument& doc) {
  const int elements = static_cast<int>(doc.structure.size());
  std::set<std::string> note_ids;
  for (int i = 1; i < elements; ++i) {
    const pdf::StructElement& element = doc.structure[i];
    Expect(element.parent >= 0 && element.parent < i,
           "a structure element's parent is not before it", std::to_string(i));
    if (element.role == pdf::StructRole::kNote) {
      Expect(note_ids.insert(element.id).second, "two notes have the same id", element.id);
    }
  }
  std::set<std::string> anchors;
  for (const pdf::PageFrame& page : doc.pages) {
    for (const pdf::FrameItem& item : page.items) {
      if (const auto* anchor = std::get_if<pdf::Anchor>(&item)) anchors.insert(anchor->name);
    }
  }
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    for (const pdf::FrameItem& item : doc.pages[p].items) {
      int tag = pdf::kArtifact;
      std::visit(
          [&](const auto& i) {
            if constexpr (requires { i.tag; }) tag = i.tag;
          },
          item);
      Expect(tag == pdf::kArtifact || (tag >= 0 && tag < elements),
             "an item's tag names no element", Where(static_cast<int>(p), std::to_string(tag)));
      const auto* link = std::get_if<pdf::LinkArea>(&item);
      if (link != nullptr && link->uri.empty()) {
        Expect(anchors.contains(link->anchor), "a link goes to no anchor",
               Where(static_cast<int>(p), link->anchor));
      }
    }
  }
  for (const pdf::OutlineEntry& entry : doc.outline) {
    Expect(anchors.contains(entry.anchor), "a bookmark goes to no anchor", entry.title);
  }
}

// As RenderPdf: laid out with the faces' metrics, then written.
void CheckPdf(const SiteGraph& site, const SiteDocument& doc) {
  const PdfKit& kit = Kit();
  const pdf::LaidOutDocument laid_out =
      pdf::LayOut(site, doc, doc.body(), kit.metrics, pdf::PageStyleFor(site.config().pdf));
  Expect(!laid_out.pages.empty(), "a document was laid out on no page");
  ExpectOnPaper(laid_out, kit.metrics);
  ExpectWholeStructure(laid_out);

  std::string problem;
  std::optional<pdf::WrittenPdf> pdf = pdf::WritePdf(laid_out, kit.faces, kit.icc, problem);
  Expect(pdf.has_value(), "the PDF could not be written", problem);
  const std::string_view bytes = pdf->bytes;
  Expect(bytes.starts_with("%PDF-1.") && bytes.ends_with("%%EOF\n"),
         "the PDF is not a whole PDF file", bytes.substr(0, 16));
}

}  // namespace
}  // namespace kansli::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return kansli::fuzz::CheckRenderable(kansli::fuzz::Input(data, size), kansli::fuzz::CheckPdf);
}
