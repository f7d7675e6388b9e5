#pragma once

#include <string>

#include "render/html/theme_template.h"
#include "site/site_graph.h"

namespace kansli::html {

// What the templates see: plain values and lists, no HTML except `body`. Optional values
// are left out when empty, so that {{#version}}…{{/version}} shows only what is there.
// Every link is relative to the page it is on.

// document.mustache: page at "html/<id>/index.html".
TemplateData DocumentPageView(const SiteGraph& site, const SiteDocument& doc,
                              std::string body_html);

// register.mustache: page at "html/index.html".
TemplateData RegisterView(const SiteGraph& site);

}  // namespace kansli::html
