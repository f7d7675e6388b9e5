#include "pipeline/verify.h"

#include "config/site_config.h"
#include "ledger/archive_folder.h"
#include "source/file_bytes.h"
#include "source/sha256.h"

namespace kansli {
namespace {

// Dates the document does not give are said to be not given, never guessed.
std::string InForce(const OfficialVersion& v) {
  const std::string from = v.published.valid_from.empty() ? "(not given)" : v.published.valid_from;
  if (!v.valid_to.empty()) return "in force " + from + " – " + v.valid_to;
  return v.status == Status::kInForce ? "in force from " + from
                                      : "in force from " + from + " to (not given)";
}

std::string Ending(const OfficialVersion& v) {
  if (!v.replaced_by.empty()) return ", replaced by version " + v.replaced_by;
  if (v.status == Status::kRepealed) return ", repealed";
  if (v.status == Status::kSuperseded) return ", superseded";
  return ", the version in force";
}

}  // namespace

std::optional<VerifyReport> Verify(SourceTree& tree, const PipelineOptions& options,
                                   const std::vector<std::string>& files, Diagnostics& diags) {
  std::optional<SiteConfig> config = LoadSiteConfig(tree, diags);
  if (!config) return std::nullopt;
  const std::filesystem::path root = tree.root().empty() ? options.root : tree.root();
  const ArchiveFolder archive(root, config->archive_dir);
  const int errors_before = diags.error_count();
  std::optional<Ledger> ledger = archive.LoadLedger(diags);
  if (!ledger || diags.error_count() > errors_before) return std::nullopt;
  CheckArchivedFiles(archive, *ledger, diags);
  if (diags.error_count() > errors_before) return std::nullopt;

  VerifyReport report{.records = static_cast<int>(ledger->records.size()),
                      .head = ledger->Head()};
  const VersionTimeline timeline = BuildTimeline(ledger->records);
  std::map<std::string, const OfficialVersion*> by_hash;
  for (const auto& [id, versions] : timeline) {
    for (const OfficialVersion& v : versions) by_hash[v.published.pdf_sha256] = &v;
  }
  report.official_pdfs = static_cast<int>(by_hash.size());
  for (const std::string& file : files) {
    std::optional<std::string> bytes = ReadFileBytes(file);
    if (!bytes) {
      diags.Error({file, 0, 0}, Code::kReadFailed, "cannot read " + file);
      continue;
    }
    FileVerdict verdict{.file = file, .sha256 = Sha256Hex(*bytes), .bytes = bytes->size()};
    if (auto found = by_hash.find(verdict.sha256); found != by_hash.end()) {
      verdict.official = *found->second;
    } else if ((verdict.claim = ReadPdfClaim(*bytes))) {
      for (const auto& [id, versions] : timeline) {
        for (const OfficialVersion& v : versions) {
          const bool same_id = !verdict.claim->id.empty() && verdict.claim->id == id &&
                               verdict.claim->version == v.published.version;
          const bool same_title = verdict.claim->id.empty() && verdict.claim->title == v.published.title;
          if (same_id || same_title) verdict.claimed = v;
        }
      }
    }
    report.files.push_back(std::move(verdict));
  }
  return report;
}

std::string DescribeVerdict(const FileVerdict& verdict) {
  if (verdict.official) {
    const OfficialVersion& v = *verdict.official;
    return "official: " + v.published.title + " (" + v.id + "), version " + v.version.text() +
           ", published " + v.published_at.Display() + ", " + InForce(v) + Ending(v);
  }
  std::string text = "not an official version (SHA-256 " + verdict.sha256 + ")";
  if (verdict.claimed) {
    const OfficialVersion& v = *verdict.claimed;
    text += ": it claims to be " + v.published.title + " (" + v.id + ") version " +
            v.version.text() + ", but its bytes differ from that official PDF (SHA-256 " +
            v.published.pdf_sha256 + ")";
  } else if (verdict.claim) {
    const PdfClaim& claim = *verdict.claim;
    text += ": it claims to be " + (claim.title.empty() ? claim.id : claim.title);
    if (!claim.id.empty()) text += " (" + claim.id + ")";
    if (!claim.version.empty()) text += " version " + claim.version;
    text += ", which the ledger has no official PDF of";
  }
  return text;
}

}  // namespace kansli
