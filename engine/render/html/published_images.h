// The intranet copies of the images document pages show: each file once, under
// html/bilder/ with a name from its content hash, so two documents' "bild.png" never collide
// and a changed image never hides behind a browser's cached copy.
#pragma once

#include <string>
#include <vector>

#include "site/output_file.h"
#include "site/site_graph.h"

namespace kansli::html {

// "html/bilder/3f2a…(16 hex digits).png" (relative to the output folder).
std::string PublishedImagePath(const ResolvedImage& image);

// The src of the image on a page `root` away from html/: "../bilder/3f2a….png" on a
// document page ("html/<id>/index.html").
std::string ImageHref(const ResolvedImage& image, const std::string& root = "../");

// Every image some document shows, once each, sorted by path.
std::vector<OutputFile> RenderImageFiles(const SiteGraph& site);

}  // namespace kansli::html
