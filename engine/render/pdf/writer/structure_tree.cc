#include "render/pdf/writer/structure_tree.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace kansli::pdf {
namespace {

constexpr size_t kNever = std::numeric_limits<size_t>::max();
// A number tree's leaf holds at most this many keys; libharu's arrays hold 32,767 values.
constexpr size_t kKeysPerLeaf = 4096;

// The ParentTree: a number tree from each page's StructParents and each annotation's
// StructParent to what it stands for.
PdfDict ParentTree(PdfBuilder& pdf, const std::vector<PdfValue>& values) {
  PdfDict tree = pdf.Dict();
  auto leaf_nums = [&](size_t first, size_t end) {
    PdfArray nums = pdf.Array();
    for (size_t key = first; key < end; ++key) {
      pdf.Push(nums, static_cast<int>(key));
      pdf.Push(nums, values[key]);
    }
    return nums;
  };
  if (values.size() <= kKeysPerLeaf) {
    pdf.Put(tree, "Nums", leaf_nums(0, values.size()));
    return tree;
  }
  PdfArray kids = pdf.Array();
  for (size_t first = 0; first < values.size(); first += kKeysPerLeaf) {
    const size_t end = std::min(first + kKeysPerLeaf, values.size());
    PdfDict leaf = pdf.Dict();
    pdf.Put(leaf, "Limits", pdf.Array({static_cast<int>(first), static_cast<int>(end - 1)}));
    pdf.Put(leaf, "Nums", leaf_nums(first, end));
    pdf.Push(kids, leaf);
  }
  pdf.Put(tree, "Kids", kids);
  return tree;
}

}  // namespace

MarkedContent::MarkedContent(const std::vector<StructElement>& structure, size_t pages)
    : structure_(structure), elements_(structure.size()), page_marks_(pages) {
  for (size_t i = 1; i < structure.size(); ++i) {
    const int parent = structure[i].parent;
    // Layout makes parents first; anything else hangs from the Document rather than loops.
    const bool sound = parent >= 0 && static_cast<size_t>(parent) < i;
    elements_[sound ? static_cast<size_t>(parent) : 0].children.push_back(static_cast<int>(i));
  }
}

bool MarkedContent::IsElement(int tag) const {
  return tag >= 0 && static_cast<size_t>(tag) < elements_.size();
}

const char* MarkedContent::Role(int tag) const { return RoleName(structure_[tag].role); }

int MarkedContent::Mark(size_t page, int tag) {
  const int mcid = static_cast<int>(page_marks_[page].size());
  page_marks_[page].push_back(tag);
  elements_[tag].content.push_back(Kid{.sequence = sequence_++, .page = page, .mcid = mcid});
  return mcid;
}

int MarkedContent::Annotate(size_t page, int tag, PdfDict annotation) {
  elements_[tag].content.push_back(
      Kid{.sequence = sequence_++, .page = page, .annotation = annotation});
  annotations_.emplace_back(page, tag);
  // Keys 0 to pages - 1 are the pages'.
  return static_cast<int>(page_marks_.size() + annotations_.size() - 1);
}

void MarkedContent::AddStructureTree(PdfBuilder& pdf, const std::vector<PdfDict>& pages,
                                     const std::string& language) const {
  if (!tagged()) return;
  const size_t count = elements_.size();
  std::vector<PdfDict> dicts(count);
  for (PdfDict& dict : dicts) dict = pdf.Dict();

  // An element is read where its first content is drawn; one without content, where its
  // previous sibling is. So a Link inside a paragraph sits between the text before and after.
  std::vector<size_t> first(count, kNever);
  for (size_t i = 0; i < count; ++i) {
    if (!elements_[i].content.empty()) first[i] = elements_[i].content.front().sequence;
  }
  for (size_t i = count; i-- > 1;) {
    const int parent = structure_[i].parent;
    const size_t p = parent >= 0 && static_cast<size_t>(parent) < i ? parent : 0;
    first[p] = std::min(first[p], first[i]);
  }

  PdfDict root = pdf.Dict();
  for (size_t i = 0; i < count; ++i) {
    const StructElement& element = structure_[i];
    const Element& kids = elements_[i];
    PdfDict dict = dicts[i];
    pdf.Put(dict, "S", PdfName{RoleName(element.role)});
    pdf.Put(dict, "P", i == 0 ? root : dicts[static_cast<size_t>(std::max(element.parent, 0))]);
    // The page most of an element's content is on: MCIDs there are bare numbers.
    std::optional<size_t> home;
    for (const Kid& kid : kids.content) {
      if (kid.mcid >= 0) {
        home = kid.page;
        break;
      }
    }
    if (home) pdf.Put(dict, "Pg", pages[*home]);

    std::vector<PdfValue> k;
    size_t content = 0, child = 0, at = 0;  // at: when the last kid placed was drawn
    while (content < kids.content.size() || child < kids.children.size()) {
      if (child < kids.children.size()) {
        const size_t drawn = first[static_cast<size_t>(kids.children[child])];
        const size_t child_at = drawn == kNever ? at : drawn;
        if (content >= kids.content.size() || child_at <= kids.content[content].sequence) {
          k.emplace_back(dicts[static_cast<size_t>(kids.children[child++])]);
          at = child_at;
          continue;
        }
      }
      const Kid& kid = kids.content[content++];
      at = kid.sequence;
      if (kid.mcid < 0) {
        PdfDict reference = pdf.DirectDict();
        pdf.Put(reference, "Type", PdfName{"OBJR"});
        pdf.Put(reference, "Obj", kid.annotation);
        pdf.Put(reference, "Pg", pages[kid.page]);
        k.emplace_back(reference);
      } else if (home && kid.page == *home) {
        k.emplace_back(kid.mcid);
      } else {
        PdfDict reference = pdf.DirectDict();
        pdf.Put(reference, "Type", PdfName{"MCR"});
        pdf.Put(reference, "Pg", pages[kid.page]);
        pdf.Put(reference, "MCID", kid.mcid);
        k.emplace_back(reference);
      }
    }
    if (k.size() == 1) {
      pdf.Put(dict, "K", k.front());  // a lone kid needs no array
    } else if (!k.empty()) {
      PdfArray array = pdf.Array();
      for (const PdfValue& kid : k) pdf.Push(array, kid);
      pdf.Put(dict, "K", array);
    }

    if (!element.alt.empty() && element.role == StructRole::kFigure) {
      pdf.Put(dict, "Alt", PdfText{element.alt});
    }
    if (!element.id.empty()) pdf.Put(dict, "ID", PdfBytes{element.id});
    // A standard attribute of the element: /A << /O owner /key /value >>.
    auto attribute = [&](const char* owner, const char* key, const char* value) {
      PdfDict attributes = pdf.DirectDict();
      pdf.Put(attributes, "O", PdfName{owner});
      pdf.Put(attributes, key, PdfName{value});
      pdf.Put(dict, "A", attributes);
    };
    if (element.numbering != ListNumbering::kNone) {
      attribute("List", "ListNumbering",
                element.numbering == ListNumbering::kDecimal ? "Decimal" : "Disc");
    }
    if (element.scope != HeaderScope::kNone) {
      attribute("Table", "Scope", element.scope == HeaderScope::kColumn ? "Column" : "Row");
    }
  }

  // Each page's key is its index; each annotation's comes after the pages'.
  std::vector<PdfValue> parents;
  for (size_t p = 0; p < page_marks_.size() && p < pages.size(); ++p) {
    PdfArray marks = pdf.Array();
    for (int tag : page_marks_[p]) pdf.Push(marks, dicts[static_cast<size_t>(tag)]);
    parents.emplace_back(marks);
    pdf.Put(pages[p], "StructParents", static_cast<int>(p));
    // PDF/UA: the tab order of a page with annotations follows the structure.
    pdf.Put(pages[p], "Tabs", PdfName{"S"});
  }
  for (const auto& [page, tag] : annotations_) parents.emplace_back(dicts[static_cast<size_t>(tag)]);

  pdf.Put(root, "Type", PdfName{"StructTreeRoot"});
  pdf.Put(root, "K", dicts[0]);
  pdf.Put(root, "ParentTree", ParentTree(pdf, parents));
  pdf.Put(root, "ParentTreeNextKey", static_cast<int>(parents.size()));

  PdfDict catalog = pdf.Catalog();
  pdf.Put(catalog, "StructTreeRoot", root);
  PdfDict mark_info = pdf.DirectDict();
  pdf.Put(mark_info, "Marked", true);
  pdf.Put(catalog, "MarkInfo", mark_info);
  if (!language.empty()) pdf.Put(catalog, "Lang", PdfText{language});
  // PDF/UA: the window shows the document's title, not its file name.
  PdfDict preferences = pdf.DirectDict();
  pdf.Put(preferences, "DisplayDocTitle", true);
  pdf.Put(catalog, "ViewerPreferences", preferences);
}

}  // namespace kansli::pdf
