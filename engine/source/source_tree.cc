#include "source/source_tree.h"

#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace kansli {
namespace fs = std::filesystem;

SourceTree SourceTree::OnDisk(fs::path root) {
  SourceTree tree;
  std::error_code ec;
  tree.root_ = fs::weakly_canonical(root, ec);
  if (ec) tree.root_ = root;
  return tree;
}

SourceTree SourceTree::InMemory(std::string_view txtar) {
  SourceTree tree;
  std::string current;
  std::string* body = nullptr;
  while (!txtar.empty()) {
    size_t end = txtar.find('\n');
    std::string_view line = txtar.substr(0, end == std::string_view::npos ? txtar.size() : end + 1);
    txtar.remove_prefix(line.size());
    std::string_view bare = line;
    if (bare.ends_with('\n')) bare.remove_suffix(1);
    if (bare.starts_with("-- ") && bare.ends_with(" --") && bare.size() > 6) {
      current = std::string(bare.substr(3, bare.size() - 6));
      body = &tree.unread_[current];
      body->clear();
    } else if (body != nullptr) {
      body->append(line);
    }
  }
  return tree;
}

bool SourceTree::Exists(const std::string& path) const {
  if (files_.contains(path) || unread_.contains(path)) return true;
  if (root_.empty()) return false;
  std::error_code ec;
  return fs::is_regular_file(root_ / path, ec);
}

std::optional<std::string> SourceTree::ReadFromDisk(const std::string& path,
                                                    Diagnostics& diags) const {
  const SourcePos pos{path, 0, 0};
  std::error_code ec;
  fs::path full = root_ / path;
  // A link may point anywhere; only files that really live below the root are site files.
  fs::path real = fs::canonical(full, ec);
  if (ec) {
    diags.Error(pos, Code::kReadFailed, "cannot read file: " + ec.message());
    return std::nullopt;
  }
  auto [root_end, _] = std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
  if (root_end != root_.end()) {
    diags.Error(pos, Code::kReadFailed, "file is a link to outside the site folder");
    return std::nullopt;
  }
  if (!fs::is_regular_file(real, ec)) {
    diags.Error(pos, Code::kReadFailed, "not a regular file");
    return std::nullopt;
  }
  uintmax_t size = fs::file_size(real, ec);
  if (!ec && size > kMaxFileBytes) {
    diags.Error(pos, Code::kFileTooLarge,
                "file is " + std::to_string(size / 1024) + " KiB; the limit is " +
                    std::to_string(kMaxFileBytes / 1024) + " KiB");
    return std::nullopt;
  }
  std::ifstream in(real, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) {
    diags.Error(pos, Code::kReadFailed, "cannot read file");
    return std::nullopt;
  }
  return std::move(bytes).str();
}

const SourceFile* SourceTree::File(const std::string& path, Diagnostics& diags) {
  if (auto it = files_.find(path); it != files_.end()) return it->second.get();
  std::optional<std::string> bytes;
  if (auto it = unread_.find(path); it != unread_.end()) {
    bytes = std::move(it->second);
    unread_.erase(it);
    if (bytes->size() > kMaxFileBytes) {
      diags.Error({path, 0, 0}, Code::kFileTooLarge, "file is larger than the limit");
      return nullptr;
    }
  } else if (!root_.empty()) {
    bytes = ReadFromDisk(path, diags);
  } else {
    diags.Error({path, 0, 0}, Code::kReadFailed, "no such file");
  }
  if (!bytes) return nullptr;
  std::optional<SourceFile> file = SourceFile::FromBytes(path, std::move(*bytes), diags);
  if (!file) return nullptr;
  auto [it, _] = files_.emplace(path, std::make_unique<SourceFile>(std::move(*file)));
  return it->second.get();
}

std::vector<const SourceFile*> SourceTree::Folder(const std::string& folder,
                                                  std::string_view extension,
                                                  Diagnostics& diags) {
  std::string prefix = folder.empty() || folder.ends_with('/') ? folder : folder + "/";
  std::set<std::string> paths;
  for (const auto& [path, _] : unread_) {
    if (path.starts_with(prefix) && path.ends_with(extension)) paths.insert(path);
  }
  for (const auto& [path, _] : files_) {
    if (path.starts_with(prefix) && path.ends_with(extension)) paths.insert(path);
  }
  if (!root_.empty()) {
    std::error_code ec;
    fs::path dir = root_ / folder;
    if (!fs::is_directory(dir, ec)) {
      diags.Error({folder, 0, 0}, Code::kReadFailed, "folder does not exist");
      return {};
    }
    // Hidden files and folders (.git, editor swap files) are not site content.
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory(ec) || !name.ends_with(extension)) continue;
      // lexically: fs::relative would resolve a link and name its target instead.
      paths.insert(it->path().lexically_relative(root_).generic_string());
    }
    if (ec) diags.Error({folder, 0, 0}, Code::kReadFailed, "cannot list folder: " + ec.message());
  }
  std::vector<const SourceFile*> files;
  for (const std::string& path : paths) {
    if (const SourceFile* file = File(path, diags)) files.push_back(file);
  }
  return files;
}

std::vector<const SourceFile*> SourceTree::ReadFiles() const {
  std::vector<const SourceFile*> files;
  for (const auto& [path, file] : files_) {
    if (file) files.push_back(file.get());
  }
  return files;
}

std::string_view SourceTree::Line(const std::string& path, int line) const {
  auto it = files_.find(path);
  return it == files_.end() ? std::string_view() : it->second->Line(line);
}

}  // namespace kansli
