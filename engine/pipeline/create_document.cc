#include "pipeline/create_document.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>

#include "diag/control_character.h"
#include "diag/spellcheck.h"
#include "document/document.h"
#include "document/document_id.h"
#include "source/file_bytes.h"
#include "validate/validated_site.h"

namespace kansli {
namespace {
namespace fs = std::filesystem;

// A title is one line of text: it goes into the front matter and onto the first page.
bool IsOneLineOfText(std::string_view text) {
  if (FindInvalidUtf8(text) != std::string_view::npos) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned code_point = 0;
    if (text[i] == '\t' || text[i] == '\n' || ControlCharacterAt(text, i, code_point) > 0) {
      return false;
    }
  }
  return true;
}

// The folder a new document of `organisation` goes in: where most of its documents are, or
// a folder named after it, or the content folder itself when no organisation is given.
std::string FolderFor(const std::string& content_dir, const std::string& organisation,
                      const std::map<std::string, std::map<std::string, int>>& folders) {
  if (organisation.empty()) return content_dir;
  if (auto it = folders.find(organisation); it != folders.end()) {
    auto most = std::max_element(it->second.begin(), it->second.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    return most->first;
  }
  const std::string folder = IdFromTitle(organisation);
  return folder.empty() ? content_dir : content_dir + "/" + folder;
}

}  // namespace

std::optional<std::string> CreateDocument(SourceTree& tree, NewDocumentFields fields,
                                          Diagnostics& diags) {
  std::optional<SiteConfig> config = LoadSiteConfig(tree, diags);
  if (!config || !CheckSiteSettings(*config, diags)) return std::nullopt;
  if (config->FindType(fields.type) == nullptr) {
    std::vector<std::string> hints;
    if (auto match = ClosestMatch(fields.type, config->TypeNames())) {
      hints.push_back("did you mean '" + *match + "'?");
    }
    hints.push_back("the types in kansli.yaml are: " + JoinNames(config->TypeNames()));
    diags.Error({}, Code::kUnknownType, "unknown type '" + fields.type + "'", hints);
    return std::nullopt;
  }
  for (const auto& [name, value] : {std::pair{"title", &fields.title},
                                    std::pair{"organisation", &fields.organisation}}) {
    if (!IsOneLineOfText(*value) || (value == &fields.title && value->empty())) {
      diags.Error({}, Code::kWrongFieldType,
                  std::string("the ") + name + " must be one line of text (UTF-8)");
      return std::nullopt;
    }
  }
  if (fields.id.empty()) {
    fields.id = IdFromTitle(fields.title);
    if (fields.id.empty()) {
      diags.Error({}, Code::kInvalidId, "the title gives no id: it has no letter or digit",
                  {"give one with --id, e.g. --id plan-for-kultur"});
      return std::nullopt;
    }
  } else if (!IsDocumentId(fields.id)) {
    diags.Error({}, Code::kInvalidId,
                "id '" + fields.id + "' must use only a-z, 0-9 and single '-'",
                {"e.g. --id " + (IdFromTitle(fields.id).empty() ? std::string("plan-for-kultur")
                                                                : IdFromTitle(fields.id))});
    return std::nullopt;
  }

  // The documents as they are, for their ids and folders; their own problems are `check`'s.
  Diagnostics ignored;
  std::map<std::string, std::map<std::string, int>> folders;  // organisation → folder → count
  for (const SourceFile* file : tree.Folder(config->content_dir, ".md", ignored)) {
    std::optional<Document> doc = ReadDocument(*file, ignored, config->FieldNames());
    if (!doc) continue;
    if (doc->id() == fields.id) {
      diags.Error({}, Code::kDuplicateId,
                  "id '" + fields.id + "' is already used by " + file->path(),
                  {"give the new document another id with --id"});
      return std::nullopt;
    }
    const std::string folder = fs::path(file->path()).parent_path().string();
    ++folders[doc->meta.Value("organisation")][folder];
  }

  const std::string path =
      FolderFor(config->content_dir, fields.organisation, folders) + "/" + fields.id + ".md";
  const fs::path full = tree.root() / path;
  std::error_code ec;
  fs::create_directories(full.parent_path(), ec);
  const std::string text = NewDocumentText(*config, fields);
  // O_EXCL: a file that appeared since (or was there all along) is never replaced.
  const int fd = ec ? -1 : ::open(full.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    const bool exists = !ec && errno == EEXIST;
    diags.Error({path, 0, 0}, exists ? Code::kDuplicateId : Code::kWriteFailed,
                exists ? "the file already exists; kansli new never replaces a file"
                       : "cannot create the file: " + (ec ? ec.message() : std::strerror(errno)));
    return std::nullopt;
  }
  const bool written = !WriteAll(fd, text);
  if (::close(fd) != 0 || !written) {
    fs::remove(full, ec);
    diags.Error({path, 0, 0}, Code::kWriteFailed, "cannot write the file");
    return std::nullopt;
  }
  return path;
}

}  // namespace kansli
