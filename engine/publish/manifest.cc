#include "publish/manifest.h"

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "source/sha256.h"

namespace kansli {

OutputFile MakeManifest(const std::vector<WrittenFile>& files,
                        const std::vector<PublishedVersion>& versions,
                        const LedgerSummary& ledger) {
  std::map<std::string, const PublishedVersion*> by_path;
  for (const PublishedVersion& version : versions) by_path[version.path] = &version;
  std::vector<const WrittenFile*> sorted;
  for (const WrittenFile& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(),
            [](const WrittenFile* a, const WrittenFile* b) { return a->path < b->path; });
  nlohmann::json list = nlohmann::json::array();
  for (const WrittenFile* file : sorted) {
    nlohmann::json entry = {{"path", file->path}, {"bytes", file->bytes}, {"sha256", file->sha256}};
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

OutputFile MakeManifest(const std::vector<OutputFile>& files,
                        const std::vector<PublishedVersion>& versions,
                        const LedgerSummary& ledger) {
  std::vector<WrittenFile> written;
  for (const OutputFile& file : files) {
    written.push_back({.path = file.path, .bytes = file.bytes.size(), .sha256 = Sha256Hex(file.bytes)});
  }
  return MakeManifest(written, versions, ledger);
}

}  // namespace kansli
