#include "render/html/body_html.h"

#include <algorithm>
#include <new>
#include <stdexcept>

#include "render/html/libxml.h"
#include "render/html/published_images.h"
#include "render/html/safe_url.h"

namespace kansli::html {
namespace {

using markdown::Align;
using markdown::Block;
using markdown::BlockKind;
using markdown::Inline;
using markdown::InlineKind;

const char* AlignClass(Align align) {
  switch (align) {
    case Align::kLeft:
      return "align-left";
    case Align::kCenter:
      return "align-center";
    case Align::kRight:
      return "align-right";
    case Align::kNone:
      break;
  }
  return nullptr;
}

// The first word of a fenced block's info string, if it is a plain language name.
std::string LanguageOf(const std::string& info) {
  std::string word = info.substr(0, info.find_first_of(" \t"));
  bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '+' || c == '.' || c == '#';
  });
  return plain ? word : std::string();
}

// "fn_2": a heading's anchor never has a '_' (markdown::Slugify), so a heading "fn 2" cannot
// take the id of footnote 2, as it could when footnotes were "fn-2".
std::string FootnoteId(const std::string& number) { return "fn_" + number; }

// Builds the body as children of one <div> in a libxml2 HTML document. Nodes are owned by
// the document from the moment they are created, so an exception leaks nothing.
class BodyBuilder {
 public:
  BodyBuilder(const SiteGraph& site, const SiteDocument& doc, const markdown::Body& body,
              const std::string& root)
      : site_(site), doc_(doc), body_(body), root_path_(root), xml_(NewHtmlDoc()) {
    root_ = xmlNewDocNode(xml_.get(), nullptr, X("div"), nullptr);
    if (root_ == nullptr) throw std::bad_alloc();
    xmlDocSetRootElement(xml_.get(), root_);
    shift_ = HeadingShift(body);
  }

  std::string Build() {
    Blocks(root_, body_.blocks, false);
    Footnotes();
    XmlBuffer buffer = NewXmlBuffer();
    for (xmlNode* child = root_->children; child != nullptr; child = child->next) {
      if (htmlNodeDump(buffer.get(), xml_.get(), child) < 0) {
        throw std::runtime_error("libxml2 could not serialise the body");
      }
    }
    return TakeBuffer(buffer);
  }

 private:
  xmlNode* Element(xmlNode* parent, const char* name) { return AddElement(parent, name); }

  void Attr(xmlNode* node, const char* name, const std::string& value) {
    if (xmlNewProp(node, X(name), X(XmlSafe(value))) == nullptr) throw std::bad_alloc();
  }

  void Text(xmlNode* parent, std::string_view text) { AddText(xml_.get(), parent, text); }

  void Blocks(xmlNode* parent, const std::vector<Block>& blocks, bool tight) {
    for (const Block& block : blocks) AddBlock(parent, block, tight);
  }

  void AddBlock(xmlNode* parent, const Block& block, bool tight) {
    switch (block.kind) {
      case BlockKind::kParagraph:
        // A tight list's items hold their text directly, as cmark renders them.
        Inlines(tight ? parent : Element(parent, "p"), block.inlines);
        break;
      case BlockKind::kHeading: {
        std::string name = "h" + std::to_string(ShiftedLevel(block.level, shift_));
        xmlNode* heading = Element(parent, name.c_str());
        if (!block.anchor.empty()) Attr(heading, "id", block.anchor);
        Inlines(heading, block.inlines);
        break;
      }
      case BlockKind::kBulletList:
        Blocks(Element(parent, "ul"), block.children, block.tight);
        break;
      case BlockKind::kOrderedList: {
        xmlNode* list = Element(parent, "ol");
        if (block.start != 1) Attr(list, "start", std::to_string(block.start));
        Blocks(list, block.children, block.tight);
        break;
      }
      case BlockKind::kListItem:
        Blocks(Element(parent, "li"), block.children, tight);
        break;
      case BlockKind::kBlockQuote:
        Blocks(Element(parent, "blockquote"), block.children, false);
        break;
      case BlockKind::kCodeBlock: {
        xmlNode* code = Element(Element(parent, "pre"), "code");
        if (std::string language = LanguageOf(block.info); !language.empty()) {
          Attr(code, "class", "language-" + language);
        }
        Text(code, block.text);
        break;
      }
      case BlockKind::kThematicBreak:
        Element(parent, "hr");
        break;
      case BlockKind::kTable:
        Table(parent, block);
        break;
      case BlockKind::kTableRow:
      case BlockKind::kTableCell:
        // Only meaningful inside a table; a stray one still shows its text.
        Inlines(parent, block.inlines);
        Blocks(parent, block.children, tight);
        break;
    }
  }

  // A wide table scrolls inside its own box instead of widening the page; the box is
  // focusable so that keyboard users can scroll it too.
  void Table(xmlNode* parent, const Block& table) {
    xmlNode* scroll = Element(parent, "div");
    Attr(scroll, "class", "table-scroll");
    Attr(scroll, "tabindex", "0");
    xmlNode* element = Element(scroll, "table");
    xmlNode* head = nullptr;
    xmlNode* body = nullptr;
    for (const Block& row : table.children) {
      xmlNode*& section = row.header ? head : body;
      if (section == nullptr) section = Element(element, row.header ? "thead" : "tbody");
      xmlNode* tr = Element(section, "tr");
      for (size_t i = 0; i < row.children.size(); ++i) {
        xmlNode* cell = Element(tr, row.header ? "th" : "td");
        if (row.header) Attr(cell, "scope", "col");
        if (i < table.aligns.size()) {
          if (const char* align = AlignClass(table.aligns[i])) Attr(cell, "class", align);
        }
        Inlines(cell, row.children[i].inlines);
      }
    }
  }

  void Inlines(xmlNode* parent, const std::vector<Inline>& inlines) {
    for (const Inline& in : inlines) AddInline(parent, in);
  }

  // An <a> for href, or `parent` itself inside another link: HTML forbids nested links.
  xmlNode* Anchor(xmlNode* parent, const std::string& href) {
    if (in_link_) return parent;
    xmlNode* a = Element(parent, "a");
    Attr(a, "href", href);
    return a;
  }

  void LinkChildren(xmlNode* anchor, const std::vector<Inline>& children) {
    bool outer = in_link_;
    in_link_ = true;
    Inlines(anchor, children);
    in_link_ = outer;
  }

  // The footnotes after the text, numbered as their references; each reference links here.
  void Footnotes() {
    const std::vector<markdown::Footnote>& footnotes = body_.footnotes;
    if (footnotes.empty()) return;
    xmlNode* section = Element(root_, "section");
    Attr(section, "class", "footnotes");
    Element(section, "hr");
    xmlNode* list = Element(section, "ol");
    for (const markdown::Footnote& footnote : footnotes) {
      xmlNode* item = Element(list, "li");
      Attr(item, "id", FootnoteId(std::to_string(footnote.number)));
      Blocks(item, footnote.blocks, true);
    }
  }

  void AddInline(xmlNode* parent, const Inline& in) {
    switch (in.kind) {
      case InlineKind::kText:
        Text(parent, in.text);
        break;
      case InlineKind::kCode:
        Text(Element(parent, "code"), in.text);
        break;
      case InlineKind::kEmph: {
        const SiteDocument* target = site_.LinkTarget(doc_, in.slot);
        if (target == nullptr) {
          Inlines(Element(parent, "em"), in.children);
        } else {
          xmlNode* em = Element(Anchor(parent, PageHref(*target, root_path_)), "em");
          LinkChildren(em, in.children);
        }
        break;
      }
      case InlineKind::kStrong:
        Inlines(Element(parent, "strong"), in.children);
        break;
      case InlineKind::kStrike:
        Inlines(Element(parent, "del"), in.children);
        break;
      case InlineKind::kLink:
        // An unsafe target keeps its text but loses the link.
        LinkChildren(IsSafeUrl(in.target) ? Anchor(parent, in.target) : parent, in.children);
        break;
      case InlineKind::kImage:
        if (const ResolvedImage* image = site_.Image(doc_, in.target)) {
          Image(parent, in, *image);
        } else if (IsSafeUrl(in.target)) {
          xmlNode* img = Element(parent, "img");
          Attr(img, "src", in.target);
          Attr(img, "alt", markdown::PlainText(in.children));
        } else {
          Text(parent, markdown::PlainText(in.children));
        }
        break;
      case InlineKind::kWikiLink:
        WikiLink(parent, in);
        break;
      case InlineKind::kTextLink:
        if (const SiteDocument* target = site_.Find(in.target)) {
          LinkChildren(Anchor(parent, PageHref(*target, root_path_)), in.children);
        } else {
          Inlines(parent, in.children);
        }
        break;
      case InlineKind::kSoftBreak:
        Text(parent, "\n");
        break;
      case InlineKind::kLineBreak:
        Element(parent, "br");
        break;
      case InlineKind::kFootnoteRef: {
        xmlNode* sup = Element(parent, "sup");
        Attr(sup, "class", "footnote-ref");
        if (in_link_) {
          Text(sup, in.text);
        } else {
          Text(Anchor(sup, "#" + FootnoteId(in.text)), in.text);
        }
        break;
      }
    }
  }

  // A checked image from the content folder, copied to html/bilder/ (RenderImageFiles).
  // Its size keeps the page from jumping as images load.
  void Image(xmlNode* parent, const Inline& in, const ResolvedImage& image) {
    xmlNode* img = Element(parent, "img");
    Attr(img, "src", ImageHref(image, root_path_));
    Attr(img, "alt", markdown::PlainText(in.children));
    Attr(img, "width", std::to_string(image.info.width));
    Attr(img, "height", std::to_string(image.info.height));
    Attr(img, "loading", "lazy");
  }

  void WikiLink(xmlNode* parent, const Inline& in) {
    const SiteDocument* target = site_.LinkTarget(doc_, in.slot);
    if (target == nullptr) {
      // No script resolved it: show what the author wrote rather than drop it.
      Text(parent, "[[" + in.target + (in.text.empty() ? "" : "|" + in.text) + "]]");
      return;
    }
    Text(Anchor(parent, PageHref(*target, root_path_)), in.text.empty() ? target->title : in.text);
  }

  const SiteGraph& site_;
  const SiteDocument& doc_;
  const markdown::Body& body_;
  std::string root_path_;  // from the page to html/
  XmlDoc xml_;
  xmlNode* root_ = nullptr;  // owned by xml_
  int shift_ = 0;
  bool in_link_ = false;
};

}  // namespace

int HeadingShift(const markdown::Body& body) {
  int top = 7;
  for (const markdown::Heading& heading : body.headings) top = std::min(top, heading.level);
  return top == 7 ? 0 : 2 - top;
}

int ShiftedLevel(int level, int shift) { return std::clamp(level + shift, 2, 6); }

std::string PageHref(const SiteDocument& target, const std::string& root) {
  return root + target.id + "/index.html";
}

std::string RenderBodyHtml(const SiteGraph& site, const SiteDocument& doc,
                           const markdown::Body& body, const std::string& root) {
  return BodyBuilder(site, doc, body, root).Build();
}

}  // namespace kansli::html
