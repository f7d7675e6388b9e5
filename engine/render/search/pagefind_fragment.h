// Reads Pagefind's fragment files, the one place in render/search that sees libdeflate.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

struct libdeflate_decompressor;

namespace kansli::search {

// A fragment as Pagefind writes it: gzip, then "pagefind_dcd" and JSON (one page's, or a group
// of pages' by id). One reader per thread; it keeps no state between files.
class FragmentReader {
 public:
  FragmentReader();
  ~FragmentReader();
  FragmentReader(const FragmentReader&) = delete;
  FragmentReader& operator=(const FragmentReader&) = delete;

  // The fragment's JSON object; nothing when the bytes are not one.
  std::optional<nlohmann::json> Read(const std::string& bytes);

 private:
  libdeflate_decompressor* decompressor_;
};

}  // namespace kansli::search
