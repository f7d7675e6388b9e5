#include "ledger/archive_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "source/file_bytes.h"
#include "source/sha256.h"

namespace kansli {
namespace fs = std::filesystem;
namespace {

std::error_code LastError() { return {errno, std::generic_category()}; }

std::error_code SyncFolder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return LastError();
  std::error_code ec;
  if (::fsync(fd) != 0) ec = LastError();
  ::close(fd);
  return ec;
}

// Temporary file, fsync, rename over `target`, fsync of the folder (LevelDB's way).
std::error_code WriteDurably(const fs::path& target, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return ec;
  const fs::path temp = target.parent_path() /
                        ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  const int fd =
      ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return LastError();
  ec = WriteAll(fd, bytes);
  if (!ec && ::fsync(fd) != 0) ec = LastError();
  if (::close(fd) != 0 && !ec) ec = LastError();
  if (!ec && ::rename(temp.c_str(), target.c_str()) != 0) ec = LastError();
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return ec;
  }
  return SyncFolder(target.parent_path());
}

}  // namespace

ArchiveFolder::ArchiveFolder(fs::path site_root, std::string folder)
    : root_(site_root / folder), folder_(std::move(folder)) {}

ArchiveFolder::~ArchiveFolder() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::optional<Ledger> ArchiveFolder::LoadLedger(Diagnostics& diags) const {
  if (folder_.empty()) return Ledger{};  // a site held in memory has no archive
  const fs::path path = root_ / "ledger.jsonl";
  std::error_code ec;
  if (!fs::exists(path, ec) && !ec) {
    // Official files without the ledger that records them: the ledger was lost, and
    // publishing now would record every version anew as if it were new.
    for (const char* folder : {"pdf", "source"}) {
      if (fs::is_directory(root_ / folder, ec) && !fs::is_empty(root_ / folder, ec)) {
        diags.Error({LedgerPath(), 0, 0}, Code::kLedgerBroken,
                    "the ledger is missing, but " + DisplayPath(folder) + "/ holds archived files",
                    {"restore archive/ledger.jsonl from the repository (git checkout "
                     "archive/ledger.jsonl)"});
        return Ledger{};
      }
    }
    return Ledger{};
  }
  std::optional<std::string> text = Read("ledger.jsonl");
  if (!text) {
    diags.Error({LedgerPath(), 0, 0}, Code::kReadFailed, "cannot read the ledger");
    return std::nullopt;
  }
  return ParseLedger(*text, LedgerPath(), diags);
}

std::optional<std::string> ArchiveFolder::Read(const std::string& name) const {
  return ReadFileBytes(root_ / name);
}

std::error_code ArchiveFolder::Lock() {
  std::error_code ec;
  fs::create_directories(root_, ec);
  if (ec) return ec;
  // On the archive folder itself (never replaced, unlike the output folder), so no lock file
  // is left for users to commit with the archive.
  lock_fd_ = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX) != 0) return LastError();
  // The lock file a kansli that locked with one left beside the folder.
  fs::remove(root_.parent_path() / ("." + root_.filename().string() + ".lock"), ec);
  // Under the lock, a temporary file is left over from a publish that was killed while
  // writing it; it was never renamed into place, so nothing names it.
  for (const fs::path& folder : {root_, root_ / "pdf", root_ / "source"}) {
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      const std::string file = entry.path().filename().string();
      if (file.starts_with(".") && file.find(".tmp-") != std::string::npos) {
        fs::remove(entry.path(), ec);
      }
    }
  }
  return {};
}

std::error_code ArchiveFolder::Write(const std::string& name, const std::string& bytes) const {
  // A link committed into the repository (archive/pdf → elsewhere) must not lead the
  // archive's writes out of it.
  std::error_code ec;
  for (fs::path folder = (root_ / name).parent_path();; folder = folder.parent_path()) {
    if (fs::is_symlink(folder, ec)) return std::make_error_code(std::errc::operation_not_permitted);
    if (folder == root_ || !folder.has_parent_path()) break;
  }
  // Only an interrupted publish leaves a file no record names, and it wrote the same bytes
  // as this one will. Other bytes mean a record was removed from the ledger, or a version
  // of kansli with another layout was interrupted: never overwrite, so that no official
  // file is ever replaced.
  if (std::optional<std::string> existing = Read(name)) {
    return *existing == bytes ? std::error_code() : std::make_error_code(std::errc::file_exists);
  }
  return WriteDurably(root_ / name, bytes);
}

std::error_code ArchiveFolder::Append(const LedgerEnd& ledger,
                                      const std::vector<LedgerRecord>& records) const {
  std::string lines;
  for (const LedgerRecord& record : records) lines += RecordLine(record);
  const fs::path path = root_ / "ledger.jsonl";
  if (!ledger.exists) return WriteDurably(path, std::string(kLedgerHeader) + "\n" + lines);
  if (ledger.needs_newline) lines.insert(0, "\n");
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return LastError();
  std::error_code ec;
  // A torn last line is cut off before the new lines go after the last good one.
  if (::ftruncate(fd, static_cast<off_t>(ledger.good_bytes)) != 0 ||
      ::lseek(fd, static_cast<off_t>(ledger.good_bytes), SEEK_SET) < 0) {
    ec = LastError();
  }
  if (!ec) ec = WriteAll(fd, lines);
  if (!ec && ::fsync(fd) != 0) ec = LastError();
  if (::close(fd) != 0 && !ec) ec = LastError();
  return ec;
}

ArchivedFiles CheckArchivedFiles(const ArchiveFolder& archive, const Ledger& ledger,
                                 Diagnostics& diags) {
  ArchivedFiles checked;
  for (const LedgerRecord& record : ledger.records) {
    if (record.kind != RecordKind::kPublished) continue;
    const SourcePos at{archive.LedgerPath(), static_cast<int>(record.seq) + 1, 1};
    const std::string name = "record " + std::to_string(record.seq) + " (" + record.id +
                             " version " + record.version + ")";
    const std::string hint =
        "archived files are never replaced: restore them from the repository (git checkout " +
        archive.DisplayPath("") + ")";
    const std::string pdf_name = ArchivedPdfName(record.id, record.version);
    std::optional<std::string> pdf = archive.Read(pdf_name);
    if (!pdf) {
      diags.Error(at, Code::kArchiveMismatch,
                  name + ": the official PDF " + archive.DisplayPath(pdf_name) + " is missing",
                  {hint});
    } else if (Sha256Hex(*pdf) != record.pdf_sha256 ||
               static_cast<int64_t>(pdf->size()) != record.pdf_bytes) {
      diags.Error(at, Code::kArchiveMismatch,
                  name + ": " + archive.DisplayPath(pdf_name) +
                      " is not the official PDF: its SHA-256 differs from the recorded one",
                  {hint});
    } else {
      checked.pdfs.emplace(pdf_name, std::move(*pdf));
    }
    const std::string source_name = ArchivedSourceName(record.id, record.version);
    std::optional<std::string> source = archive.Read(source_name);
    if (!source) {
      diags.Error(at, Code::kArchiveMismatch,
                  name + ": the archived source " + archive.DisplayPath(source_name) +
                      " is missing",
                  {hint});
    } else if (Sha256Hex(*source) != record.source_sha256) {
      diags.Error(at, Code::kArchiveMismatch,
                  name + ": " + archive.DisplayPath(source_name) +
                      " differs from the recorded source (its SHA-256 does not match)",
                  {hint});
    } else {
      checked.sources.emplace(source_name, std::move(*source));
    }
  }
  return checked;
}

}  // namespace kansli
