#include "render/graph/svg_rewrite.h"

#include <charconv>
#include <cmath>

#include "render/graph/label_text.h"

namespace kansli::graph {
namespace {

// The text between `key="` and the next quote, or nullopt.
std::optional<std::string_view> AttributeValue(std::string_view tag, std::string_view key) {
  const std::string needle = " " + std::string(key) + "=\"";
  const size_t start = tag.find(needle);
  if (start == std::string_view::npos) return std::nullopt;
  const size_t from = start + needle.size();
  const size_t end = tag.find('"', from);
  if (end == std::string_view::npos) return std::nullopt;
  return tag.substr(from, end - from);
}

// Graphviz's viewBox is "0.00 0.00 W H"; the SVG is drawn one unit to one CSS pixel.
std::optional<std::pair<int, int>> SizeOf(std::string_view view_box) {
  double numbers[4];
  const char* p = view_box.data();
  const char* end = view_box.data() + view_box.size();
  for (double& number : numbers) {
    while (p < end && *p == ' ') ++p;
    const auto [next, error] = std::from_chars(p, end, number);
    if (error != std::errc()) return std::nullopt;
    p = next;
  }
  if (!(numbers[2] > 0 && numbers[3] > 0 && numbers[2] < 1e6 && numbers[3] < 1e6)) {
    return std::nullopt;
  }
  return std::pair{static_cast<int>(std::ceil(numbers[2])),
                   static_cast<int>(std::ceil(numbers[3]))};
}

std::string WithoutComments(std::string_view text) {
  std::string out;
  size_t at = 0;
  while (true) {
    const size_t open = text.find("<!--", at);
    if (open == std::string_view::npos) break;
    const size_t close = text.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    at = close + 3;
  }
  out.append(text.substr(at));
  return out;
}

// The index in `<g id="n12" class="node">`, when the line is such a group of kind `letter`.
std::optional<size_t> GroupIndex(std::string_view line, char letter, std::string_view cls) {
  const std::string head = std::string("<g id=\"") + letter;
  if (!line.starts_with(head)) return std::nullopt;
  if (line.find(" class=\"" + std::string(cls) + "\"") == std::string_view::npos)
    return std::nullopt;
  size_t index = 0;
  const char* begin = line.data() + head.size();
  const auto [end, error] = std::from_chars(begin, line.data() + line.size(), index);
  if (error != std::errc() || end == begin || *end != '"') return std::nullopt;
  return index;
}

// Sets attribute `key` of the element that starts `line` ("<text a=\"1\" ...>...</text>").
std::string WithAttribute(std::string_view line, std::string_view key, std::string_view value) {
  std::string out(line);
  const std::string needle = " " + std::string(key) + "=\"";
  const size_t tag_end = out.find('>');
  const size_t start = out.find(needle);
  if (start != std::string::npos && start < tag_end) {
    const size_t end = out.find('"', start + needle.size());
    out.erase(start, end + 1 - start);
  }
  out.insert(out.find_first_of(" >"), needle + std::string(value) + "\"");
  return out;
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

class Rewriter {
 public:
  explicit Rewriter(const SvgParts& parts) : parts_(parts) {}

  // Returns false on a line that breaks the shape RewriteSvg relies on.
  bool Line(std::string_view line) {
    if (line.empty()) return true;
    if (open_ != Open::kNone) return InsideGroup(line);
    if (line.starts_with("<g id=\"graph0\" class=\"graph\"")) {
      out_ += "<g class=\"graph\"";
      out_ += line.substr(std::string_view("<g id=\"graph0\" class=\"graph\"").size());
      out_ += '\n';
      skip_background_ = true;
      return true;
    }
    if (skip_background_ && (line.starts_with("<title>") || line.starts_with("<polygon"))) {
      skip_background_ = !line.starts_with("<polygon");  // the title, then the background
      return true;
    }
    skip_background_ = false;
    if (auto node = GroupIndex(line, 'n', "node")) return OpenNode(*node);
    if (auto edge = GroupIndex(line, 'e', "edge")) return OpenEdge(*edge);
    if (line.starts_with("<g")) return false;  // a group this rewriter does not know
    Copy(line);
    return true;
  }

  bool Finish() const { return open_ == Open::kNone && nodes_seen_ == parts_.nodes.size(); }
  std::string Take() { return std::move(out_); }

 private:
  enum class Open { kNone, kNode, kLinkedNode, kEdge };

  bool OpenNode(size_t index) {
    if (index >= parts_.nodes.size()) return false;
    const SvgNodePart& node = parts_.nodes[index];
    out_ += "<g id=\"" + parts_.id_prefix + "-n" + std::to_string(index) + "\" class=\"node";
    if (!node.classes.empty()) out_ += " " + EscapeXml(node.classes);
    out_ += "\" data-id=\"" + EscapeXml(node.data_id) + "\">\n";
    if (!node.href.empty()) {
      out_ +=
          "<a href=\"" + EscapeXml(node.href) + "\" aria-label=\"" + EscapeXml(node.name) + "\">\n";
    }
    title_ = node.name;
    kind_colour_ = node.kind_colour;
    open_ = node.href.empty() ? Open::kNode : Open::kLinkedNode;
    ++nodes_seen_;
    return true;
  }

  bool OpenEdge(size_t index) {
    if (index >= parts_.edges.size()) return false;
    // role="img": a screen reader reads the edge as one sentence from its <title> instead of
    // a loose "verkställer" between the documents.
    out_ += "<g id=\"" + parts_.id_prefix + "-e" + std::to_string(index) +
            "\" class=\"edge\" role=\"img\">\n";
    title_ = parts_.edges[index].name;
    open_ = Open::kEdge;
    return true;
  }

  bool InsideGroup(std::string_view line) {
    if (line.starts_with("<title>")) {
      out_ += "<title>" + EscapeXml(title_) + "</title>\n";
      return true;
    }
    if (line == "</g>") {
      if (open_ == Open::kLinkedNode) out_ += "</a>\n";
      out_ += "</g>\n";
      open_ = Open::kNone;
      return true;
    }
    if (line.starts_with("<g") || line.starts_with("<a") || line.starts_with("</a")) return false;
    if (line.starts_with("<text ") && !kind_colour_.empty()) {
      std::string kind = WithAttribute(line, "font-size", kKindFontSize);
      kind = WithAttribute(kind, "fill", EscapeXml(kind_colour_));
      Copy(WithAttribute(kind, "class", "kind"));
      kind_colour_.clear();
      return true;
    }
    Copy(line);
    return true;
  }

  void Copy(std::string_view line) {
    std::string copy(line);
    ReplaceAll(copy, "font-family=\"Liberation Sans\"",
               "font-family=\"" + EscapeXml(kFontFamily) + "\"");
    out_ += copy;
    out_ += '\n';
  }

  const SvgParts& parts_;
  std::string out_;
  std::string title_;
  std::string kind_colour_;  // of the open node's kind label, until its first text is seen
  Open open_ = Open::kNone;
  bool skip_background_ = false;
  size_t nodes_seen_ = 0;
};

}  // namespace

std::optional<std::string> RewriteSvg(std::string_view graphviz_svg, const SvgParts& parts) {
  const std::string text = WithoutComments(graphviz_svg);
  const size_t svg = text.find("<svg ");
  const size_t svg_end = svg == std::string::npos ? svg : text.find('>', svg);
  const size_t close = text.rfind("</svg>");
  if (svg_end == std::string::npos || close == std::string::npos || close < svg_end) {
    return std::nullopt;
  }
  const std::string_view tag = std::string_view(text).substr(svg, svg_end - svg);
  const auto view_box = AttributeValue(tag, "viewBox");
  const auto size = view_box ? SizeOf(*view_box) : std::nullopt;
  if (!size) return std::nullopt;

  Rewriter rewriter(parts);
  std::string_view body = std::string_view(text).substr(svg_end + 1, close - svg_end - 1);
  while (!body.empty()) {
    const size_t newline = body.find('\n');
    const std::string_view line = body.substr(0, newline);
    if (!rewriter.Line(line)) return std::nullopt;
    body.remove_prefix(newline == std::string_view::npos ? body.size() : newline + 1);
  }
  if (!rewriter.Finish()) return std::nullopt;

  const std::string& prefix = parts.id_prefix;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kansli-graph\" id=\"" +
                    prefix + "\" width=\"" + std::to_string(size->first) + "\" height=\"" +
                    std::to_string(size->second) + "\" viewBox=\"" + std::string(*view_box) +
                    "\" role=\"group\" aria-labelledby=\"" + prefix + "-title\"";
  if (!parts.description.empty()) out += " aria-describedby=\"" + prefix + "-desc\"";
  out += ">\n<title id=\"" + prefix + "-title\">" + EscapeXml(parts.title) + "</title>\n";
  if (!parts.description.empty()) {
    out += "<desc id=\"" + prefix + "-desc\">" + EscapeXml(parts.description) + "</desc>\n";
  }
  out += rewriter.Take();
  out += "</svg>\n";
  return out;
}

}  // namespace kansli::graph
