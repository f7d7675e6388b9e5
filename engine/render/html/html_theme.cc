// LoadHtmlTheme: reads layouts/ once and checks what can be checked before any page is
// rendered, so that a broken template is one diagnostic instead of one per document.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "render/html/html_site.h"
#include "render/html/theme_template.h"

namespace kansli {
namespace {

using Template = HtmlTheme::Template;

std::string StemOf(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// Where `{{> name}}` is written, for pointing at it; line 0 if delimiters were changed.
SourcePos PartialTagPos(const Template& tmpl, const std::string& name) {
  for (size_t at = tmpl.text.find("{{>"); at != std::string::npos;
       at = tmpl.text.find("{{>", at + 3)) {
    size_t start = tmpl.text.find_first_not_of(" \t", at + 3);
    if (start != std::string::npos && tmpl.text.compare(start, name.size(), name) == 0) {
      return html::PosInTemplate(tmpl, at);
    }
  }
  return {tmpl.path, 0, 0};
}

// Every named partial exists, and none includes itself (kainjow would recurse until the
// stack overflows). Depth-first search with the current path kept for the message.
void CheckPartialGraph(const std::map<std::string, Template>& templates, Diagnostics& diags) {
  std::map<std::string, std::set<std::string>> named;
  for (const auto& [name, tmpl] : templates) {
    named[name] = html::PartialsNamedIn(tmpl);
    for (const std::string& partial : named[name]) {
      if (!templates.contains(partial)) {
        diags.Error(PartialTagPos(tmpl, partial), Code::kTemplateError,
                    "partial '" + partial + "' does not exist in the layouts folder",
                    {"a partial is a .mustache file below layouts/, named without the extension"});
      }
    }
  }
  enum class Mark { kNone, kOnPath, kDone };
  std::map<std::string, Mark> marks;
  std::vector<std::string> path;
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    marks[name] = Mark::kOnPath;
    path.push_back(name);
    for (const std::string& next : named[name]) {
      if (!templates.contains(next)) continue;
      if (marks[next] == Mark::kOnPath) {
        std::string cycle;
        for (auto it = std::find(path.begin(), path.end(), next); it != path.end(); ++it) {
          cycle += *it + " → ";
        }
        diags.Error(PartialTagPos(templates.at(name), next), Code::kTemplateError,
                    "partial '" + next + "' includes itself: " + cycle + next);
      } else if (marks[next] == Mark::kNone) {
        visit(next);
      }
    }
    path.pop_back();
    marks[name] = Mark::kDone;
  };
  for (const auto& [name, _] : templates) {
    if (marks[name] == Mark::kNone) visit(name);
  }
}

// Every {{t.…}} a template names exists in the site's texts. Checked here, on the template's
// text, because a tag in a section this build never renders ("nothing is overdue") would
// otherwise pass today and fail the day that section is shown.
void CheckTextKeys(const std::map<std::string, Template>& templates, const SiteText& text,
                   Diagnostics& diags) {
  static const std::regex kTextTag(R"(\{\{[{#^&/]?\s*t\.([^\s{}]+))");
  for (const auto& [_, tmpl] : templates) {
    for (auto it = std::sregex_iterator(tmpl.text.begin(), tmpl.text.end(), kTextTag);
         it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[1];
      if (text.Has(key)) continue;
      diags.Error(html::PosInTemplate(tmpl, it->position()), Code::kTemplateError,
                  "text '" + key + "' is not in the site's text file",
                  {"add it to layouts/text/<language>.yaml, or fix the name in the template"});
    }
  }
}

}  // namespace

std::optional<HtmlTheme> LoadHtmlTheme(SourceTree& tree, const SiteConfig& config,
                                       Diagnostics& diags) {
  const int errors_before = diags.error_count();
  const std::string dir = config.layouts_dir.ends_with('/')
                              ? config.layouts_dir.substr(0, config.layouts_dir.size() - 1)
                              : config.layouts_dir;
  HtmlTheme theme;
  for (const char* name : kPageTemplates) {
    const std::string path = dir + "/" + name + ".mustache";
    if (!tree.Exists(path)) {
      diags.Error({path, 0, 0}, Code::kTemplateError, "template " + path + " is missing",
                  {"every theme needs the pages document, register, review, listing, "
                   "organisations and 404"});
    }
    theme.pages[name] = Template{path, ""};
  }
  if (diags.error_count() > errors_before) return std::nullopt;

  std::map<std::string, Template> templates;
  for (const SourceFile* file : tree.Folder(dir, ".mustache", diags)) {
    Template tmpl{file->path(), std::string(file->text())};
    std::string name = StemOf(file->path());
    if (auto it = templates.find(name); it != templates.end()) {
      diags.Error(
          {tmpl.path, 0, 0}, Code::kTemplateError,
          "two templates are named '" + name + "': " + it->second.path + " and " + tmpl.path,
          {"partials are included by file name, so names must be unique"});
      continue;
    }
    if (html::CheckTemplateSyntax(tmpl, diags)) templates.emplace(name, std::move(tmpl));
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  CheckPartialGraph(templates, diags);
  CheckTextKeys(templates, config.text, diags);
  if (diags.error_count() > errors_before) return std::nullopt;

  for (auto& [name, page] : theme.pages) page.text = templates.at(name).text;
  theme.partials = std::move(templates);
  for (const char* extension : {".css", ".js"}) {
    for (const SourceFile* file : tree.Folder(dir, extension, diags)) {
      std::string relative = file->path().substr(dir.size() + 1);
      theme.assets.push_back({"html/assets/" + relative, std::string(file->text())});
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return theme;
}

}  // namespace kansli
