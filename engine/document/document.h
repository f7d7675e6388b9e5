#pragma once

#include <optional>
#include <string>
#include <vector>

#include "document/front_matter.h"

namespace kansli {

// One content file: its front matter and the Markdown body still as text.
struct Document {
  const SourceFile* file = nullptr;  // owned by the SourceTree, outlives the build
  FrontMatter meta;
  std::string_view body;  // a view into file->text()
  int body_first_line = 1;

  const std::string& path() const { return file->path(); }
  std::string id() const { return meta.Value("id"); }
};

// Split, then parse the front matter. Safe to call from several threads at once.
// `site_fields`: the names kansli.yaml declares under `fields:`.
std::optional<Document> ReadDocument(const SourceFile& file, Diagnostics& diags,
                                     const std::vector<std::string>& site_fields = {});

}  // namespace kansli
