#include "publish/manifest.h"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "source/sha256.h"

namespace kansli {

OutputFile MakeManifest(const std::vector<OutputFile>& files) {
  std::vector<const OutputFile*> sorted;
  for (const OutputFile& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(),
            [](const OutputFile* a, const OutputFile* b) { return a->path < b->path; });
  nlohmann::json list = nlohmann::json::array();
  for (const OutputFile* file : sorted) {
    list.push_back(
        {{"path", file->path}, {"bytes", file->bytes.size()}, {"sha256", Sha256Hex(file->bytes)}});
  }
  return {"manifest.json", nlohmann::json{{"files", list}}.dump(2) + "\n"};
}

}  // namespace kansli
