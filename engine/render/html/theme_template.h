#pragma once

// The only header of render/html/ that includes kainjow's Mustache.
#include <kainjow/mustache.hpp>
#include <set>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"
#include "render/html/html_site.h"

namespace kansli::html {

using TemplateData = kainjow::mustache::data;
using TemplateList = kainjow::mustache::list;

// Renders `page` with `data`, taking {{> name}} partials from the theme. Every {{value}} is
// HTML-escaped (after dropping control characters XML forbids); only {{{body}}}, which
// libxml2 already serialised, is written as it is. A template that fails to parse or names
// a partial the theme lacks is reported as template-error. Thread-safe: the template is
// parsed per call and the theme is only read.
std::string RenderTemplate(const HtmlTheme& theme, const HtmlTheme::Template& page,
                           const TemplateData& data, Diagnostics& diags);

// Parses the template on its own; reports template-error at its line and returns false
// if kainjow rejects it.
bool CheckTemplateSyntax(const HtmlTheme::Template& tmpl, Diagnostics& diags);

// The partials a template names, found by rendering it with stand-in data once for every
// combination of true and false section values down to kProbeDepth nested sections, so a
// partial inside {{#a}}{{^b}}…{{/b}}{{/a}} is found too. Partials are not followed.
inline constexpr int kProbeDepth = 6;
std::set<std::string> PartialsNamedIn(const HtmlTheme::Template& tmpl);

// Line and column (in code points) of a byte offset into the template's text.
SourcePos PosInTemplate(const HtmlTheme::Template& tmpl, size_t offset);

}  // namespace kansli::html
