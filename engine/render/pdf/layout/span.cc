#include "render/pdf/layout/span.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "site/site_graph.h"

namespace kansli::pdf {
namespace {

using markdown::Inline;
using markdown::InlineKind;

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

class SpanBuilder {
 public:
  SpanBuilder(const PageStyle& style, const LinkContext& links) : style_(style), links_(links) {}

  void Add(const std::vector<Inline>& inlines, const SpanStyle& s) {
    for (const Inline& in : inlines) Add(in, s);
  }

  std::vector<Span> Take() { return std::move(spans_); }

 private:
  void Add(const Inline& in, const SpanStyle& s) {
    switch (in.kind) {
      case InlineKind::kText:
        Text(in.text, s);
        break;
      case InlineKind::kCode: {
        SpanStyle code = s;
        code.mono = true;
        code.size = s.size * style_.CodeSize() / style_.body_size;
        Text(in.text, code);
        break;
      }
      case InlineKind::kEmph: {
        SpanStyle em = s;
        em.italic = !s.italic;
        if (const SiteDocument* target = Target(in.slot)) LinkTo(em, target->url);
        Add(in.children, em);
        break;
      }
      case InlineKind::kStrong: {
        SpanStyle strong = s;
        strong.bold = true;
        Add(in.children, strong);
        break;
      }
      case InlineKind::kStrike: {
        SpanStyle strike = s;
        strike.strike = true;
        Add(in.children, strike);
        break;
      }
      case InlineKind::kLink: {
        SpanStyle link = s;
        if (IsExternalUrl(in.target)) {
          LinkTo(link, in.target);
        } else if (in.target.starts_with('#') && HasHeading(in.target.substr(1))) {
          link.anchor = in.target.substr(1);
          link.color = style_.link;
        }
        Add(in.children, link);
        break;
      }
      case InlineKind::kImage: {
        SpanStyle alt = s;
        alt.italic = true;
        std::string text = markdown::PlainText(in.children);
        Text("[" + (text.empty() ? std::string("bild") : text) + "]", alt);
        break;
      }
      case InlineKind::kWikiLink:
        WikiLink(in, s);
        break;
      case InlineKind::kTextLink: {
        // Inside a linked emphasis the outer link holds: links do not nest.
        SpanStyle link = s;
        const SiteDocument* target = links_.site != nullptr ? links_.site->Find(in.target) : nullptr;
        if (target != nullptr && s.uri.empty()) LinkTo(link, target->url);
        Add(in.children, link);
        break;
      }
      case InlineKind::kSoftBreak:
        Text(" ", s);
        break;
      case InlineKind::kLineBreak:
        spans_.push_back({.style = s, .line_break = true});
        break;
      case InlineKind::kFootnoteRef: {
        // A raised, smaller number; the footnote itself is set at the foot of the page its
        // line lands on (LayOut, PlanPages).
        SpanStyle mark = s;
        mark.size = s.size * 0.65;
        mark.rise = s.size * 0.35;
        std::from_chars(in.text.data(), in.text.data() + in.text.size(), mark.footnote);
        Text(in.text, mark);
        break;
      }
    }
  }

  void WikiLink(const Inline& in, const SpanStyle& s) {
    const SiteDocument* target = Target(in.slot);
    if (target == nullptr) {
      // No script resolved it: show what the author wrote rather than drop it.
      Text("[[" + in.target + (in.text.empty() ? "" : "|" + in.text) + "]]", s);
      return;
    }
    SpanStyle link = s;
    LinkTo(link, target->url);
    Text(in.text.empty() ? target->title : in.text, link);
  }

  const SiteDocument* Target(int slot) const {
    if (links_.site == nullptr || links_.doc == nullptr || slot < 0) return nullptr;
    return links_.site->LinkTarget(*links_.doc, slot);
  }

  bool HasHeading(std::string_view anchor) const {
    if (links_.doc == nullptr || anchor.empty()) return false;
    for (const markdown::Heading& heading : links_.doc->body().headings) {
      if (heading.anchor == anchor) return true;
    }
    return false;
  }

  void LinkTo(SpanStyle& s, const std::string& uri) const {
    s.uri = uri;
    s.color = style_.link;
  }

  void Text(std::string text, const SpanStyle& s) {
    if (text.empty()) return;
    if (!spans_.empty() && !spans_.back().line_break && spans_.back().style.bold == s.bold &&
        spans_.back().style.italic == s.italic && spans_.back().style.mono == s.mono &&
        spans_.back().style.strike == s.strike && spans_.back().style.size == s.size &&
        spans_.back().style.color == s.color && spans_.back().style.uri == s.uri &&
        spans_.back().style.anchor == s.anchor) {
      spans_.back().text += text;
      return;
    }
    spans_.push_back({.style = s, .text = std::move(text)});
  }

  const PageStyle& style_;
  const LinkContext& links_;
  std::vector<Span> spans_;
};

}  // namespace

bool IsExternalUrl(std::string_view url) {
  return StartsWithNoCase(url, "http://") || StartsWithNoCase(url, "https://") ||
         StartsWithNoCase(url, "mailto:");
}

std::vector<Span> InlineSpans(const std::vector<Inline>& inlines, const SpanStyle& base,
                              const PageStyle& style, const LinkContext& links) {
  SpanBuilder builder(style, links);
  builder.Add(inlines, base);
  return builder.Take();
}

void TagInlineElements(std::vector<Span>& spans, int block, Structure& structure) {
  const Span* previous = nullptr;
  int element = kArtifact;
  for (Span& span : spans) {
    const SpanStyle& s = span.style;
    if (s.uri.empty() && s.anchor.empty() && s.footnote == 0) {
      previous = nullptr;
      continue;
    }
    const bool same = previous != nullptr && previous->style.uri == s.uri &&
                      previous->style.anchor == s.anchor &&
                      previous->style.footnote == s.footnote;
    if (!same) {
      element = structure.Add(s.footnote != 0 ? StructRole::kReference : StructRole::kLink, block);
    }
    // A link's annotation says where it goes in the link's own words.
    if (s.footnote == 0) structure[element].alt += span.text;
    span.style.tag = element;
    previous = &span;
  }
}

std::vector<Span> TextSpans(std::string text, const SpanStyle& style) {
  if (text.empty()) return {};
  return {Span{.style = style, .text = std::move(text)}};
}

}  // namespace kansli::pdf
