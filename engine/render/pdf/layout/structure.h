// The structure tree as layout makes it, for a tagged PDF: elements in reading order, each
// made after its parent, their content tagged by index (frame.h's `tag`). Layout knows every
// block it sets, so it names each one's role here; the writer only marks and links.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "render/pdf/layout/frame.h"

namespace kansli::pdf {

class Structure {
 public:
  static constexpr int kDocument = 0;

  Structure() { elements_.push_back(StructElement{.role = StructRole::kDocument, .parent = -1}); }

  // A new element under `parent`, after the parent's earlier children. Its index.
  int Add(StructRole role, int parent, std::string alt = {}) {
    elements_.push_back(StructElement{.role = role, .parent = parent, .alt = std::move(alt)});
    return static_cast<int>(elements_.size() - 1);
  }
  StructElement& operator[](int tag) { return elements_[static_cast<size_t>(tag)]; }

  size_t size() const { return elements_.size(); }
  // Drops the elements made since size() was `size`: those of a pass laid out again.
  void Truncate(size_t size) { elements_.resize(size); }

  std::vector<StructElement> Take() { return std::move(elements_); }

 private:
  std::vector<StructElement> elements_;
};

}  // namespace kansli::pdf
