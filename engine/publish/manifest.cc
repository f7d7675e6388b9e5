#include "publish/manifest.h"

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "source/sha256.h"

namespace kansli {

OutputFile MakeManifest(const std::vector<OutputFile>& files,
                        const std::vector<PublishedVersion>& versions,
                        const LedgerSummary& ledger) {
  std::map<std::string, const PublishedVersion*> by_path;
  for (const PublishedVersion& version : versions) by_path[version.path] = &version;
  std::vector<const OutputFile*> sorted;
  for (const OutputFile& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(),
            [](const OutputFile* a, const OutputFile* b) { return a->path < b->path; });
  nlohmann::json list = nlohmann::json::array();
  for (const OutputFile* file : sorted) {
    nlohmann::json entry = {
        {"path", file->path}, {"bytes", file->bytes.size()}, {"sha256", Sha256Hex(file->bytes)}};
    if (auto found = by_path.find(file->path); found != by_path.end()) {
      const PublishedVersion& v = *found->second;
      entry["id"] = v.id;
      entry["version"] = v.version.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.version);
      entry["revised"] =
          v.revised ? nlohmann::json(v.revised->ToString()) : nlohmann::json(nullptr);
    }
    list.push_back(std::move(entry));
  }
  nlohmann::json manifest{{"files", list}};
  if (!ledger.head.empty()) {
    manifest["ledger"] = {{"head", ledger.head}, {"records", ledger.records}};
  }
  return {"manifest.json", manifest.dump(2) + "\n"};
}

}  // namespace kansli
