#include "render/html/version_diff.h"

#include <algorithm>
#include <dtl/dtl.hpp>
#include <memory>
#include <new>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/html/body_html.h"
#include "render/html/libxml.h"

namespace kansli::html {
namespace {

using markdown::Block;
using markdown::BlockKind;

// The parser stops at 64 levels; a hand-built body deeper than this is cut off here rather
// than allowed to exhaust the stack.
constexpr int kMaxDepth = 256;

// Each kind is a letter, which leads a block's key for the block diff.
enum class TextKind : char { kHeading = 'h', kParagraph = 'p', kItem = 'i', kCode = 'c' };

// One block of text as the diff sees it. `marker` is shown but not compared, so that
// renumbering an ordered list does not mark every item as changed.
struct TextBlock {
  TextKind kind = TextKind::kParagraph;
  int level = 0;
  std::string marker;
  std::string text;  // words joined by single spaces; code keeps its lines
};

// Words split at ASCII whitespace; code splits at newlines only, since words joined by
// spaces would lose its layout.
std::vector<std::string_view> Tokens(std::string_view text, bool lines = false) {
  std::string_view separators = lines ? "\n" : " \t\n\r\f";
  std::vector<std::string_view> tokens;
  for (size_t start = 0; start <= text.size();) {
    size_t end = std::min(text.find_first_of(separators, start), text.size());
    if (lines || end > start) tokens.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

int CountWords(std::string_view text) { return static_cast<int>(Tokens(text).size()); }

std::string Join(const std::vector<std::string_view>& tokens, size_t begin, size_t end,
                 std::string_view separator) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out += separator;
    out += tokens[i];
  }
  return out;
}

class Flattener {
 public:
  std::vector<TextBlock> Flatten(const markdown::Body& body) {
    Blocks(body.blocks, 0);
    for (const markdown::Footnote& footnote : body.footnotes) {
      size_t first = out_.size();
      Blocks(footnote.blocks, 0);
      Mark(first, "[" + std::to_string(footnote.number) + "]");
    }
    std::erase_if(out_, [](const TextBlock& b) { return b.text.empty(); });
    return std::move(out_);
  }

 private:
  void Blocks(const std::vector<Block>& blocks, int depth) {
    for (const Block& block : blocks) Add(block, depth);
  }

  // A list item's or footnote's first paragraph, out_[first] if any, carries its marker.
  void Mark(size_t first, std::string marker) {
    if (first < out_.size() && out_[first].kind == TextKind::kParagraph) {
      out_[first].kind = TextKind::kItem;
      out_[first].marker = std::move(marker);
    }
  }

  void Text(TextKind kind, int level, const std::string& text) {
    std::vector<std::string_view> words = Tokens(text);
    out_.push_back({.kind = kind, .level = level, .text = Join(words, 0, words.size(), " ")});
  }

  void Add(const Block& block, int depth) {
    if (depth > kMaxDepth) return;
    switch (block.kind) {
      case BlockKind::kParagraph:
      case BlockKind::kTableCell:
        Text(TextKind::kParagraph, 0, markdown::PlainText(block.inlines));
        break;
      case BlockKind::kHeading:
        Text(TextKind::kHeading, block.level, markdown::PlainText(block.inlines));
        break;
      case BlockKind::kBulletList:
      case BlockKind::kOrderedList: {
        int number = block.start;
        for (const Block& item : block.children) {
          size_t first = out_.size();
          Add(item, depth + 1);
          Mark(first, block.kind == BlockKind::kOrderedList ? std::to_string(number++) + "." : "•");
        }
        break;
      }
      case BlockKind::kListItem:
      case BlockKind::kBlockQuote:
      case BlockKind::kTable:
        Blocks(block.children, depth + 1);
        break;
      case BlockKind::kCodeBlock: {
        std::string_view code = block.text;
        if (code.ends_with('\n')) code.remove_suffix(1);  // cmark ends every block with one
        out_.push_back({.kind = TextKind::kCode, .text = std::string(code)});
        break;
      }
      case BlockKind::kThematicBreak:
        break;
      case BlockKind::kTableRow: {
        std::string row;
        for (size_t i = 0; i < block.children.size(); ++i) {
          row += (i > 0 ? " | " : "") + markdown::PlainText(block.children[i].inlines);
        }
        Text(TextKind::kParagraph, 0, row);
        break;
      }
    }
  }

  std::vector<TextBlock> out_;
};

// A stretch of the edit script: before[b0, b1) and after[a0, a1) are equal when `common`,
// and otherwise the first gave way to the second (either may be empty).
struct Span {
  bool common = false;
  size_t b0 = 0, b1 = 0, a0 = 0, a1 = 0;
};

// dtl's shortest edit script of `before` into `after`, as spans. Equal tokens get equal
// numbers, so that dtl compares ints; the common start and end are set aside, so that the
// token budget applies only to the part that changed.
template <typename Token>
std::vector<Span> Diff(const std::vector<Token>& before, const std::vector<Token>& after) {
  std::unordered_map<std::string_view, int> ids;
  auto number = [&](const std::vector<Token>& tokens) {
    std::vector<int> out;
    for (std::string_view t : tokens) out.push_back(ids.try_emplace(t, ids.size()).first->second);
    return out;
  };
  std::vector<int> a = number(before), b = number(after);
  size_t head = std::ranges::mismatch(a, b).in1 - a.begin();
  size_t tail =
      std::mismatch(a.rbegin(), a.rend() - head, b.rbegin(), b.rend() - head).first - a.rbegin();
  std::vector<int> middle_a(a.begin() + head, a.end() - tail);
  std::vector<int> middle_b(b.begin() + head, b.end() - tail);
  std::vector<dtl::edit_t> edits;
  if (!middle_a.empty() && !middle_b.empty() &&
      middle_a.size() + middle_b.size() <= kMaxDiffTokens) {
    dtl::Diff<int> diff(middle_a, middle_b);
    diff.compose();
    for (const auto& [token, info] : diff.getSes().getSequence()) edits.push_back(info.type);
  }
  // Over budget, or a script that does not account for every token: replace the middle.
  auto count = [&](dtl::edit_t type) {
    return std::ranges::count(edits, dtl::SES_COMMON) + std::ranges::count(edits, type);
  };
  if (count(dtl::SES_DELETE) != std::ssize(middle_a) ||
      count(dtl::SES_ADD) != std::ssize(middle_b)) {
    edits.assign(middle_a.size(), dtl::SES_DELETE);
    edits.insert(edits.end(), middle_b.size(), dtl::SES_ADD);
  }
  edits.insert(edits.begin(), head, dtl::SES_COMMON);
  edits.insert(edits.end(), tail, dtl::SES_COMMON);

  std::vector<Span> spans;
  size_t i = 0, j = 0;
  for (dtl::edit_t edit : edits) {
    bool common = edit == dtl::SES_COMMON;
    if (spans.empty() || spans.back().common != common) spans.push_back({common, i, i, j, j});
    if (edit != dtl::SES_ADD) spans.back().b1 = ++i;
    if (edit != dtl::SES_DELETE) spans.back().a1 = ++j;
  }
  return spans;
}

struct OutputBufferClose {
  void operator()(xmlOutputBuffer* buffer) const { xmlOutputBufferClose(buffer); }
};

// Builds the diff as children of one <div> in a libxml2 HTML document, which owns every
// node from the moment it is created, so an exception leaks nothing.
class DiffWriter {
 public:
  explicit DiffWriter(int shift) : xml_(NewHtmlDoc()), shift_(shift) {
    root_ = xmlNewDocNode(xml_.get(), nullptr, X("div"), nullptr);
    if (root_ == nullptr) throw std::bad_alloc();
    xmlDocSetRootElement(xml_.get(), root_);
  }

  void Unchanged(const TextBlock& block) { Text(Open(block, nullptr), block.text); }

  void Whole(const TextBlock& block, bool added) {
    xmlNode* node = Open(block, added ? "diff-added" : "diff-removed");
    Text(Element(node, added ? "ins" : "del"), block.text);
    (added ? stats_.inserted_words : stats_.deleted_words) += CountWords(block.text);
    ++stats_.changed_blocks;
  }

  // Two facing blocks of one kind. With no word in common they read better whole.
  void Changed(const TextBlock& before, const TextBlock& after) {
    bool code = after.kind == TextKind::kCode;
    std::vector<std::string_view> old_tokens = Tokens(before.text, code);
    std::vector<std::string_view> new_tokens = Tokens(after.text, code);
    std::vector<Span> spans = Diff(old_tokens, new_tokens);
    if (std::ranges::none_of(spans, &Span::common)) {
      Whole(before, false);
      Whole(after, true);
      return;
    }
    std::string_view separator = code ? "\n" : " ";
    xmlNode* node = Open(after, "diff-changed");
    for (size_t k = 0; k < spans.size(); ++k) {
      const Span& s = spans[k];
      if (k > 0) Text(node, separator);
      if (s.common) {
        Text(node, Join(new_tokens, s.a0, s.a1, separator));
        continue;
      }
      std::string removed = Join(old_tokens, s.b0, s.b1, separator);
      std::string added = Join(new_tokens, s.a0, s.a1, separator);
      if (!removed.empty()) Text(Element(node, "del"), removed);
      if (!added.empty()) Text(Element(node, "ins"), added);
      stats_.deleted_words += CountWords(removed);
      stats_.inserted_words += CountWords(added);
    }
    ++stats_.changed_blocks;
  }

  // Unformatted, since libxml2's formatting puts a newline before a heading's closing tag
  // when the heading ends in <ins>; the newlines between blocks are added here instead.
  VersionDiff Finish() {
    std::unique_ptr<xmlOutputBuffer, OutputBufferClose> out(xmlAllocOutputBuffer(nullptr));
    if (out == nullptr) throw std::bad_alloc();
    for (xmlNode* child = root_->children; child != nullptr; child = child->next) {
      htmlNodeDumpFormatOutput(out.get(), xml_.get(), child, nullptr, 0);
      xmlOutputBufferWrite(out.get(), 1, "\n");
    }
    if (out->error != 0) throw std::runtime_error("libxml2 could not serialise the version diff");
    const char* html = reinterpret_cast<const char*>(xmlOutputBufferGetContent(out.get()));
    return {html != nullptr ? std::string(html, xmlOutputBufferGetSize(out.get())) : "", stats_};
  }

 private:
  xmlNode* Element(xmlNode* parent, const char* name) { return AddElement(parent, name); }

  void Text(xmlNode* parent, std::string_view text) { AddText(xml_.get(), parent, text); }

  // The block's element with its class and marker; `change` is null for an unchanged block.
  xmlNode* Open(const TextBlock& block, const char* change) {
    std::string name = block.kind == TextKind::kHeading
                           ? "h" + std::to_string(ShiftedLevel(block.level, shift_))
                           : (block.kind == TextKind::kCode ? "pre" : "p");
    xmlNode* node = Element(root_, name.c_str());
    std::string classes = block.kind == TextKind::kItem ? "diff-item" : "";
    if (change != nullptr) classes += (classes.empty() ? "" : " ") + std::string(change);
    if (!classes.empty() && xmlNewProp(node, X("class"), X(classes)) == nullptr) {
      throw std::bad_alloc();
    }
    if (!block.marker.empty()) Text(node, block.marker + " ");
    return node;
  }

  XmlDoc xml_;
  xmlNode* root_ = nullptr;  // owned by xml_
  int shift_ = 0;
  VersionDiffStats stats_;
};

}  // namespace

VersionDiff RenderVersionDiff(const markdown::Body& before, const markdown::Body& after) {
  std::vector<TextBlock> old_blocks = Flattener().Flatten(before);
  std::vector<TextBlock> new_blocks = Flattener().Flatten(after);
  auto keys = [](const std::vector<TextBlock>& blocks) {
    std::vector<std::string> out;
    for (const TextBlock& block : blocks) out.push_back(static_cast<char>(block.kind) + block.text);
    return out;
  };
  DiffWriter writer(HeadingShift(after));
  for (const Span& s : Diff(keys(old_blocks), keys(new_blocks))) {
    if (s.common) {
      for (size_t j = s.a0; j < s.a1; ++j) writer.Unchanged(new_blocks[j]);
      continue;
    }
    // Removed and added blocks face each other in order; a pair of one kind is one change.
    for (size_t k = 0; k < std::max(s.b1 - s.b0, s.a1 - s.a0); ++k) {
      const TextBlock* old_block = s.b0 + k < s.b1 ? &old_blocks[s.b0 + k] : nullptr;
      const TextBlock* new_block = s.a0 + k < s.a1 ? &new_blocks[s.a0 + k] : nullptr;
      if (old_block != nullptr && new_block != nullptr && old_block->kind == new_block->kind) {
        writer.Changed(*old_block, *new_block);
        continue;
      }
      if (old_block != nullptr) writer.Whole(*old_block, false);
      if (new_block != nullptr) writer.Whole(*new_block, true);
    }
  }
  return writer.Finish();
}

}  // namespace kansli::html
