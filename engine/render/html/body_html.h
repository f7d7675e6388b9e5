#pragma once

#include <string>

#include "markdown/body.h"
#include "site/site_graph.h"

namespace kansli::html {

// A document's Markdown body as HTML for its page "html/<id>/index.html". The HTML is built
// as a libxml2 tree and serialised by libxml2, so every text and attribute value is escaped
// by it; raw HTML in the Markdown already arrives as plain text. Links a script made for
// [[id]] and emphasised titles point to "../<id>/index.html"; unsafe link schemes lose
// their href. Headings carry their Block::anchor as id.
// `body` is the document's, tree and all (ParseTree: the checked site keeps outlines only).
// `root` leads from the page to html/ ("../" on a document page, "../../" on a version's).
std::string RenderBodyHtml(const SiteGraph& site, const SiteDocument& doc,
                           const markdown::Body& body, const std::string& root = "../");

// How many levels body headings move down so that none is an h1 (the page title is).
int HeadingShift(const markdown::Body& body);
int ShiftedLevel(int level, int shift);  // clamped to 2..6

// The page-relative link to another document's page.
std::string PageHref(const SiteDocument& target, const std::string& root = "../");

}  // namespace kansli::html
