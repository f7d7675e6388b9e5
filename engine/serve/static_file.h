// Finding the file a URL names inside a served folder, and its Content-Type. The relative path
// comes from the network: nothing it says may reach a file outside the folder.
#pragma once

#include <filesystem>
#include <string_view>

namespace kansli::serve {

struct FileLookup {
  enum class Kind {
    kFile,     // `file` is a regular file inside the folder
    kFolder,   // a folder named without its trailing '/': redirect so relative links work
    kMissing,  // nothing there, or something that must not be served (rejected paths too)
  };
  Kind kind = Kind::kMissing;
  std::filesystem::path file;
};

// `relative` is the decoded URL path below the folder's mount point ("a/index.html", "a/",
// ""). A path ending in '/' (or empty) names the folder's index.html. Rejected as missing: ".."
// and "." segments, empty segments ("//"), NUL and backslash, and anything whose real path
// (symbolic links resolved) is not inside the folder's real path.
FileLookup LookUpFile(const std::filesystem::path& folder, std::string_view relative);

// By extension, with charset for text: "text/html; charset=utf-8", "application/pdf",
// "application/atom+xml" for feed.xml; "application/octet-stream" when unknown.
std::string_view ContentTypeFor(const std::filesystem::path& file);

}  // namespace kansli::serve
