#include "validate/images.h"

#include <optional>

#include "source/percent_decode.h"
#include "validate/jpeg_image.h"
#include "validate/png_image.h"
#include "validate/validated_site.h"

namespace kansli {
namespace {

using markdown::ImageRef;

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if ((text[i] | 0x20) != prefix[i]) return false;
  }
  return true;
}

// "content/policy" + "../bilder/./karta.png" → "content/bilder/karta.png"; nullopt if the
// path climbs out of `content_dir`.
std::optional<std::string> Join(std::string_view doc_folder, std::string_view relative,
                                std::string_view content_dir) {
  std::vector<std::string> parts;
  const int floor = [&] {
    int n = 0;
    for (size_t at = 0; at <= content_dir.size();) {
      size_t end = std::min(content_dir.find('/', at), content_dir.size());
      if (end > at) ++n;
      at = end + 1;
    }
    return n;
  }();
  auto push = [&](std::string_view path) {
    for (size_t at = 0; at <= path.size();) {
      size_t end = std::min(path.find('/', at), path.size());
      std::string_view part = path.substr(at, end - at);
      at = end + 1;
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (static_cast<int>(parts.size()) <= floor) return false;
        parts.pop_back();
      } else {
        parts.emplace_back(part);
      }
    }
    return true;
  };
  if (!push(doc_folder) || !push(relative)) return std::nullopt;
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "/") + part;
  return joined;
}

// The outcome for one file, shared by every use of it.
struct Checked {
  std::optional<ResolvedImage> image;
  Code code = Code::kImageInvalid;
  std::string problem;
};

Checked CheckFile(const std::string& path, const std::string& content_dir,
                  const ImageFiles& files) {
  ImageFiles::Loaded loaded = files.Load(path, content_dir);
  if (!loaded.bytes) return {.code = loaded.code, .problem = loaded.problem};
  std::string error;
  std::optional<ImageInfo> info;
  if (IsPng(*loaded.bytes)) {
    info = CheckPng(*loaded.bytes, error);
  } else if (IsJpeg(*loaded.bytes)) {
    info = CheckJpeg(*loaded.bytes, error);
  } else {
    return {.code = Code::kImageInvalid, .problem = "the file is not a PNG or JPEG image"};
  }
  if (!info) return {.code = Code::kImageInvalid, .problem = error};
  return {.image = ResolvedImage{.path = path, .bytes = std::move(loaded.bytes), .info = *info}};
}

class Resolver {
 public:
  Resolver(const std::string& content_dir, const ImageFiles& files, Diagnostics& diags)
      : content_dir_(content_dir), files_(files), diags_(diags) {}

  DocumentImages Document(const ParsedDocument& doc) {
    const std::string& path = doc.document.path();
    folder_ = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
    DocumentImages images;
    for (const ImageRef& image : doc.body.images) Resolve(image, images);
    return images;
  }

 private:
  void Resolve(const ImageRef& image, DocumentImages& images) {
    const SourcePos& pos = image.pos;
    const std::string& target = image.target;
    const std::string quoted = "'" + target + "'";
    if (target.empty()) {
      diags_.Error(pos, Code::kImageMissing, "an image needs a file name: ![alt](bild.png)");
      return;
    }
    if (image.alt.find_first_not_of(" \t\n") == std::string::npos) {
      // The alt text is the Figure's /Alt in the tagged PDF and the img's alt on the page.
      diags_.Warning(pos, Code::kImageNoAlt,
                     "image '" + target + "' has no alt text; a screen reader cannot say "
                     "what it shows",
                     {"write what the image shows between the brackets: ![Karta över "
                      "kommunen](" + target + ")"});
    }
    if (StartsWithNoCase(target, "http://") || StartsWithNoCase(target, "https://")) {
      diags_.Warning(pos, Code::kImageRemote,
                     "image " + quoted +
                         " is on another server and cannot be embedded; the "
                         "PDF shows its alt text instead",
                     {"save the image in the content folder and refer to it by a relative path"});
      return;
    }
    if (HasUrlScheme(target)) {
      diags_.Error(pos, Code::kImageInvalid,
                   "image " + quoted +
                       " is neither a file in the content folder nor an http(s) "
                       "address");
      return;
    }
    // cmark percent-encodes a link destination ("min%20bild.png"); files have the real name.
    std::string relative = PercentDecode(target.substr(0, target.find_first_of("?#")));
    std::optional<std::string> path;
    if (!relative.starts_with('/') && !relative.starts_with('\\') &&
        relative.find('\0') == std::string::npos) {
      path = Join(folder_, relative, content_dir_);
    }
    if (!path) {
      diags_.Error(pos, Code::kImageOutside,
                   "image " + quoted + " is outside the content folder '" + content_dir_ + "'",
                   {"an image path is relative to the document's folder and stays inside '" +
                    content_dir_ + "'"});
      return;
    }
    auto [it, fresh] = checked_.try_emplace(*path);
    if (fresh) it->second = CheckFile(*path, content_dir_, files_);
    const Checked& checked = it->second;
    if (!checked.image) {
      diags_.Error(pos, checked.code, "image " + quoted + " (" + *path + "): " + checked.problem);
      return;
    }
    images.emplace(target, *checked.image);
  }

  const std::string& content_dir_;
  const ImageFiles& files_;
  Diagnostics& diags_;
  std::string folder_;
  std::map<std::string, Checked> checked_;  // by resolved path: each file is read once
};

}  // namespace

bool HasUrlScheme(std::string_view target) {
  // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". One letter is a Windows drive.
  size_t colon = target.find(':');
  if (colon == std::string_view::npos || colon < 2 || !IsAlpha(target[0])) return false;
  for (char c : target.substr(0, colon)) {
    if (!IsAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

SiteImages ResolveImages(const std::vector<ParsedDocument>& documents,
                         const std::string& content_dir, const ImageFiles& files,
                         Diagnostics& diags) {
  Resolver resolver(content_dir, files, diags);
  SiteImages images;
  for (const ParsedDocument& doc : documents) {
    DocumentImages found = resolver.Document(doc);
    if (!found.empty()) images.emplace(doc.document.path(), std::move(found));
  }
  return images;
}

const ResolvedImage* ValidatedSite::Image(std::string_view doc_path,
                                          std::string_view target) const {
  auto doc = images.find(doc_path);
  if (doc == images.end()) return nullptr;
  auto it = doc->second.find(target);
  return it != doc->second.end() ? &it->second : nullptr;
}

}  // namespace kansli
