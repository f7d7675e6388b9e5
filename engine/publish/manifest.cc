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
  // Written entry by entry, as nlohmann's dump(2) of the whole would: a document of every
  // file's entry was 50 MB at 10,000 documents (60,000 files), at the build's peak.
  std::string text = "{\n  \"files\": [";
  for (size_t i = 0; i < sorted.size(); ++i) {
    const WrittenFile* file = sorted[i];
    nlohmann::json entry = {{"path", file->path}, {"bytes", file->bytes}, {"sha256", file->sha256}};
    if (auto found = by_path.find(file->path); found != by_path.end()) {
      const PublishedVersion& v = *found->second;
      entry["id"] = v.id;
      entry["version"] = v.version.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.version);
      entry["revised"] =
          v.revised ? nlohmann::json(v.revised->ToString()) : nlohmann::json(nullptr);
    }
    text += i == 0 ? "\n    " : ",\n    ";
    for (char c : entry.dump(2)) {
      text += c;
      if (c == '\n') text += "    ";  // the entry's own lines, four deeper
    }
  }
  text += sorted.empty() ? "]" : "\n  ]";
  if (!ledger.head.empty()) {
    const nlohmann::json summary = {{"head", ledger.head}, {"records", ledger.records}};
    text += ",\n  \"ledger\": ";
    for (char c : summary.dump(2)) {
      text += c;
      if (c == '\n') text += "  ";
    }
  }
  text += "\n}\n";
  return {"manifest.json", std::move(text)};
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
