// Tagged PDF (ISO 32000-1 14.7, in the shape PDF/UA-1 asks): the page drawer marks each
// element's content with an MCID and reports it here; AddStructureTree then writes the
// StructTreeRoot with the elements in reading order, the ParentTree that maps content back
// to its element, and the catalog entries a tagged PDF carries.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/pdf_builder.h"

namespace kansli::pdf {

class MarkedContent {
 public:
  // `structure` must outlive this; empty means an untagged document of `pages` pages.
  MarkedContent(const std::vector<StructElement>& structure, size_t pages);

  bool tagged() const { return !elements_.empty(); }
  // Whether `tag` names an element (not an artifact, not out of range).
  bool IsElement(int tag) const;
  const char* Role(int tag) const;
  // A Link's text, for its annotation's /Contents.
  const std::string& Alt(int tag) const { return structure_[tag].alt; }

  // A new MCID on page `page` for content of element `tag`, counted from 0 on each page.
  int Mark(size_t page, int tag);
  // The annotation `annotation` on page `page` is element `tag`'s (a Link's): its
  // /StructParent key, to be Put in the annotation.
  int Annotate(size_t page, int tag, PdfDict annotation);

  // Writes the tree, once every page is drawn. `pages` are the page objects in order.
  void AddStructureTree(PdfBuilder& pdf, const std::vector<PdfDict>& pages,
                        const std::string& language) const;

 private:
  // One piece of an element's content, in drawing order.
  struct Kid {
    size_t sequence = 0;  // when it was drawn, across the document
    size_t page = 0;
    int mcid = -1;          // -1: an annotation
    PdfDict annotation;
  };
  struct Element {
    std::vector<Kid> content;
    std::vector<int> children;  // in reading order
  };

  const std::vector<StructElement>& structure_;
  std::vector<Element> elements_;
  std::vector<std::vector<int>> page_marks_;  // per page: element of each MCID
  std::vector<std::pair<size_t, int>> annotations_;  // StructParent key order: (page, element)
  size_t sequence_ = 0;
};

}  // namespace kansli::pdf
