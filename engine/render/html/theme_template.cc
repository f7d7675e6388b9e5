#include "render/html/theme_template.h"

#include <charconv>
#include <map>

#include "render/html/libxml.h"

namespace kansli::html {
namespace {

using Mustache = kainjow::mustache::mustache;
using Context = kainjow::mustache::basic_context<std::string>;

// Values from the page data, partials from the theme. A partial the theme lacks is
// remembered so that the caller can report it instead of kainjow silently rendering nothing.
class ThemeContext : public Context {
 public:
  ThemeContext(const HtmlTheme& theme, const TemplateData* data) : theme_(theme), values_(data) {}

  void push(const TemplateData* data) override { values_.push(data); }
  void pop() override { values_.pop(); }
  const TemplateData* get(const std::string& name) const override {
    const TemplateData* value = values_.get(name);
    if (value == nullptr && name.starts_with("t.")) missing_text_.insert(name);
    return value;
  }

  const TemplateData* get_partial(const std::string& name) const override {
    if (auto it = loaded_.find(name); it != loaded_.end()) return &it->second;
    auto it = theme_.partials.find(name);
    if (it == theme_.partials.end()) {
      missing_.insert(name);
      return nullptr;
    }
    return &loaded_.emplace(name, TemplateData(it->second.text)).first->second;
  }

  const std::set<std::string>& missing() const { return missing_; }
  // {{t.…}} names the site's texts lack: a blank on the page otherwise.
  const std::set<std::string>& missing_text() const { return missing_text_; }

 private:
  const HtmlTheme& theme_;
  kainjow::mustache::context<std::string> values_;
  mutable std::map<std::string, TemplateData> loaded_;  // node addresses stay put
  mutable std::set<std::string> missing_;
  mutable std::set<std::string> missing_text_;
};

// Stand-in data for PartialsNamedIn: every name is true or false depending on how deep in
// sections it is looked up (bit `depth` of mask), and partials are recorded, not rendered.
class ProbeContext : public Context {
 public:
  explicit ProbeContext(unsigned mask) : mask_(mask) {}

  // False values are pushed as well ({{^x}} pushes them), so depth counts both kinds.
  void push(const TemplateData*) override { ++depth_; }
  void pop() override { --depth_; }
  const TemplateData* get(const std::string&) const override {
    bool value = depth_ < kProbeDepth && ((mask_ >> depth_) & 1u) != 0;
    return value ? &true_ : &false_;
  }
  const TemplateData* get_partial(const std::string& name) const override {
    names_.insert(name);
    return nullptr;
  }

  const std::set<std::string>& names() const { return names_; }

 private:
  unsigned mask_;
  int depth_ = 0;
  TemplateData true_{true};
  TemplateData false_{false};
  mutable std::set<std::string> names_;
};

std::string Escape(const std::string& text) {
  return kainjow::mustache::html_escape<std::string>(XmlSafe(text));
}

// kainjow's messages end in " at <offset>" ("Unclosed section \"x\" at 120").
void ReportKainjowError(const HtmlTheme::Template& tmpl, const std::string& message,
                        Diagnostics& diags) {
  std::string text = message;
  SourcePos pos{tmpl.path, 0, 0};
  if (size_t at = message.rfind(" at "); at != std::string::npos) {
    size_t offset = 0;
    const char* first = message.data() + at + 4;
    const char* last = message.data() + message.size();
    auto [end, ec] = std::from_chars(first, last, offset);
    if (ec == std::errc() && end == last) {
      pos = PosInTemplate(tmpl, offset);
      text = message.substr(0, at);
    }
  }
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  diags.Error(pos, Code::kTemplateError, "template error: " + text);
}

// Where `{{name` is first written in the page or one of the theme's partials.
SourcePos TagPos(const HtmlTheme& theme, const HtmlTheme::Template& page, const std::string& name) {
  const std::string tag = "{{" + name;
  if (size_t at = page.text.find(tag); at != std::string::npos) return PosInTemplate(page, at);
  for (const auto& [_, partial] : theme.partials) {
    if (size_t at = partial.text.find(tag); at != std::string::npos) {
      return PosInTemplate(partial, at);
    }
  }
  return {page.path, 0, 0};
}

}  // namespace

SourcePos PosInTemplate(const HtmlTheme::Template& tmpl, size_t offset) {
  SourcePos pos{tmpl.path, 1, 1};
  offset = std::min(offset, tmpl.text.size());
  for (size_t i = 0; i < offset; ++i) {
    char c = tmpl.text[i];
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

bool CheckTemplateSyntax(const HtmlTheme::Template& tmpl, Diagnostics& diags) {
  Mustache parsed(tmpl.text);
  if (parsed.is_valid()) return true;
  ReportKainjowError(tmpl, parsed.error_message(), diags);
  return false;
}

std::set<std::string> PartialsNamedIn(const HtmlTheme::Template& tmpl) {
  std::set<std::string> names;
  Mustache parsed(tmpl.text);
  if (!parsed.is_valid()) return names;
  for (unsigned mask = 0; mask < (1u << kProbeDepth); ++mask) {
    ProbeContext probe(mask);
    parsed.render(probe);
    names.insert(probe.names().begin(), probe.names().end());
  }
  return names;
}

std::string RenderTemplate(const HtmlTheme& theme, const HtmlTheme::Template& page,
                           const TemplateData& data, Diagnostics& diags) {
  Mustache parsed(page.text);
  if (!parsed.is_valid()) {
    ReportKainjowError(page, parsed.error_message(), diags);
    return {};
  }
  parsed.set_custom_escape(Escape);
  ThemeContext context(theme, &data);
  std::string html = parsed.render(context);
  if (!parsed.is_valid()) {
    diags.Error({page.path, 0, 0}, Code::kTemplateError,
                "template error: " + parsed.error_message());
  }
  for (const std::string& name : context.missing()) {
    diags.Error({page.path, 0, 0}, Code::kTemplateError,
                "partial '" + name + "' does not exist in the layouts folder");
  }
  for (const std::string& name : context.missing_text()) {
    diags.Error(TagPos(theme, page, name), Code::kTemplateError,
                "text '" + name.substr(2) + "' is not in the site's text file",
                {"add it to layouts/text/<language>.yaml, or fix the name in the template"});
  }
  return html;
}

}  // namespace kansli::html
