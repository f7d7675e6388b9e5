#include "render/html/published_images.h"

#include <map>

#include "source/sha256.h"

namespace kansli::html {

std::string PublishedImagePath(const ResolvedImage& image) {
  // 64 bits of the hash: a collision among one site's images is not a realistic worry.
  return "html/bilder/" + Sha256Hex(*image.bytes).substr(0, 16) +
         (image.info.format == ImageFormat::kPng ? ".png" : ".jpg");
}

std::string ImageHref(const ResolvedImage& image, const std::string& root) {
  return root + PublishedImagePath(image).substr(std::string("html/").size());
}

std::vector<OutputFile> RenderImageFiles(const SiteGraph& site) {
  // The same file used by several documents is one shared buffer: hash it once.
  std::map<const std::string*, std::string> paths;
  std::map<std::string, const std::string*> files;
  for (const auto& [doc_path, images] : site.images()) {
    for (const auto& [target, image] : images) {
      auto [it, fresh] = paths.try_emplace(image.bytes.get());
      if (fresh) it->second = PublishedImagePath(image);
      files.emplace(it->second, image.bytes.get());
    }
  }
  std::vector<OutputFile> out;
  for (const auto& [path, bytes] : files) out.push_back(OutputFile{.path = path, .bytes = *bytes});
  return out;
}

}  // namespace kansli::html
