#include "validate/image_files.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "validate/image_info.h"

namespace kansli {
namespace fs = std::filesystem;
namespace {

ImageFiles::Loaded Failure(Code code, std::string problem) {
  return {.bytes = nullptr, .code = code, .problem = std::move(problem)};
}

ImageFiles::Loaded TooLarge(uintmax_t size) {
  return Failure(Code::kImageInvalid, "the file is " + std::to_string(size / 1024) +
                                          " KiB; the limit is " +
                                          std::to_string(kMaxImageBytes / 1024 / 1024) + " MiB");
}

bool IsInside(const fs::path& folder, const fs::path& path) {
  auto [end, _] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

}  // namespace

ImageFiles ImageFiles::OnDisk(fs::path root) {
  ImageFiles files;
  files.root_ = std::move(root);
  return files;
}

ImageFiles ImageFiles::InMemory(std::map<std::string, std::string> files) {
  ImageFiles image_files;
  image_files.files_ = std::move(files);
  return image_files;
}

ImageFiles::Loaded ImageFiles::Load(const std::string& path, const std::string& folder) const {
  if (!root_.empty()) return LoadFromDisk(path, folder);
  auto it = files_.find(path);
  if (it == files_.end()) return Failure(Code::kImageMissing, "no such file");
  if (it->second.size() > kMaxImageBytes) return TooLarge(it->second.size());
  return {.bytes = std::make_shared<const std::string>(it->second)};
}

ImageFiles::Loaded ImageFiles::LoadFromDisk(const std::string& path,
                                            const std::string& folder) const {
  std::error_code ec;
  const fs::path full = root_ / path;
  if (!fs::exists(full, ec)) return Failure(Code::kImageMissing, "no such file");
  const fs::path real = fs::canonical(full, ec);
  if (ec) return Failure(Code::kImageMissing, "cannot read the file: " + ec.message());
  // A link may point anywhere; only files really inside the content folder are images.
  const fs::path allowed = fs::canonical(root_ / folder, ec);
  if (ec || !IsInside(allowed, real)) {
    return Failure(Code::kImageOutside, "the file is a link to outside the content folder");
  }
  if (!fs::is_regular_file(real, ec)) return Failure(Code::kImageInvalid, "not a regular file");
  const uintmax_t size = fs::file_size(real, ec);
  if (ec) return Failure(Code::kImageMissing, "cannot read the file: " + ec.message());
  if (size > kMaxImageBytes) return TooLarge(size);
  std::ifstream in(real, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad() || bytes.size() > kMaxImageBytes) {
    return Failure(Code::kImageMissing, "cannot read the file");
  }
  return {.bytes = std::make_shared<const std::string>(std::move(bytes))};
}

}  // namespace kansli
