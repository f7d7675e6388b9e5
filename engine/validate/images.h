// The images a document's body shows: each `![alt](target)` resolved to a PNG or JPEG file in
// the content folder, read and checked once, so that renderers never touch the disk.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "markdown/markdown_parser.h"
#include "validate/image_files.h"
#include "validate/image_info.h"

namespace kansli {

struct ResolvedImage {
  std::string path;  // relative to the site root: "content/bilder/karta.png"
  // Shared by every document and every use of the same file: read and embedded once.
  std::shared_ptr<const std::string> bytes;
  ImageInfo info;
};

// One document's images, by target as written in the Markdown ("bilder/karta.png").
using DocumentImages = std::map<std::string, ResolvedImage, std::less<>>;
// Every document's images, by the document's path ("content/policy.md").
using SiteImages = std::map<std::string, DocumentImages, std::less<>>;

// Resolves every image target of every document: a target without a URL scheme is a path
// relative to the document's folder that must stay inside `content_dir` and name a readable
// PNG or JPEG (not CMYK) within kMaxImageBytes and kMaxImagePixels. Reports image-missing,
// image-outside or image-invalid at the image's file:line:col, and image-remote (a warning:
// the PDF shows the alt text) for an http(s) image. Only images that passed are returned.
SiteImages ResolveImages(const std::vector<ParsedDocument>& documents,
                         const std::string& content_dir, const ImageFiles& files,
                         Diagnostics& diags);

// True if `target` starts with a URL scheme ("https:", "data:"), which a file path never does.
bool HasUrlScheme(std::string_view target);

}  // namespace kansli
