#include "cache/render_cache.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "cache/checksummed_file.h"

namespace kansli {
namespace {

using json = nlohmann::json;

// Bumped when an entry's shape changes; an entry of another format is a miss.
constexpr int kFormat = 1;
// An entry's first line: this, then the SHA-256 of the CBOR after the line (checksummed_file.h),
// checked on every read, so a damaged entry (a flipped bit in a path or in a PDF) is a miss.
constexpr std::string_view kMagic = "kansli-cache ";

std::optional<Code> CodeNamed(std::string_view name) {
  for (Code code : AllCodes()) {
    if (CodeName(code) == name) return code;
  }
  return std::nullopt;
}

json Encode(const std::string& key, const CachedRender& render) {
  json files = json::array();
  for (const OutputFile& file : render.files) {
    files.push_back({{"path", file.path},
                     {"bytes", json::binary(std::vector<uint8_t>(file.bytes.begin(),
                                                                 file.bytes.end()))}});
  }
  json diagnostics = json::array();
  for (const Diagnostic& d : render.diagnostics) {
    diagnostics.push_back({{"file", d.pos.file},
                           {"line", d.pos.line},
                           {"column", d.pos.column},
                           {"severity", static_cast<int>(d.severity)},
                           {"code", CodeName(d.code)},
                           {"message", d.message},
                           {"hints", d.hints}});
  }
  return {{"format", kFormat},
          {"key", key},
          {"files", std::move(files)},
          {"diagnostics", std::move(diagnostics)},
          {"pages", render.pages}};
}

// Nullopt for anything but a whole, intact entry of this format and key.
std::optional<CachedRender> Decode(const std::string& key, const json& entry) {
  if (!entry.is_object() || entry.value("format", 0) != kFormat ||
      entry.value("key", std::string()) != key) {
    return std::nullopt;
  }
  CachedRender render;
  render.pages = entry.at("pages").get<long long>();
  for (const json& file : entry.at("files")) {
    const json::binary_t& bytes = file.at("bytes").get_binary();
    render.files.push_back(
        {file.at("path").get<std::string>(), std::string(bytes.begin(), bytes.end())});
  }
  for (const json& d : entry.at("diagnostics")) {
    std::optional<Code> code = CodeNamed(d.at("code").get<std::string>());
    const int severity = d.at("severity").get<int>();
    if (!code || severity < 0 || severity > static_cast<int>(Severity::kNote)) return std::nullopt;
    render.diagnostics.push_back(Diagnostic{
        .pos = {d.at("file").get<std::string>(), d.at("line").get<int>(),
                d.at("column").get<int>()},
        .severity = static_cast<Severity>(severity),
        .code = *code,
        .message = d.at("message").get<std::string>(),
        .hints = d.at("hints").get<std::vector<std::string>>()});
  }
  return render;
}

}  // namespace

RenderCache::RenderCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

std::filesystem::path RenderCache::EntryPath(const std::string& key) const {
  return folder_ / key.substr(0, 2) / key;
}

void RenderCache::Use(const std::string& key) {
  std::lock_guard lock(mutex_);
  used_.insert(key);
}

std::optional<CachedRender> RenderCache::Get(const std::string& key) {
  if (!enabled()) return std::nullopt;
  std::optional<CachedRender> render;
  if (std::optional<std::string> cbor = ReadChecksummed(EntryPath(key), kMagic)) {
    // A foreign file that happens to be intact still has to have the right shape.
    try {
      render = Decode(key, json::from_cbor(*cbor));
    } catch (const json::exception&) {
      render.reset();
    }
  }
  std::lock_guard lock(mutex_);
  ++(render ? hits_ : misses_);
  if (render) used_.insert(key);
  return render;
}

void RenderCache::Put(const std::string& key, const CachedRender& render) {
  if (!enabled()) return;
  Use(key);
  const std::filesystem::path path = EntryPath(key);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return;
  MarkIgnored();
  std::string cbor;
  json::to_cbor(Encode(key, render), cbor);
  WriteChecksummed(path, kMagic, cbor);
}

void RenderCache::MarkIgnored() {
  std::lock_guard lock(mutex_);
  if (marked_ignored_) return;
  marked_ignored_ = true;
  const std::filesystem::path ignore = folder_ / ".gitignore";
  std::error_code ec;
  if (std::filesystem::exists(ignore, ec)) return;
  std::ofstream(ignore) << "# kansli's build cache: never commit it (kansli remakes it).\n*\n";
}

void RenderCache::RemoveUnused() {
  if (!enabled()) return;
  std::error_code ec;
  std::lock_guard lock(mutex_);
  for (auto shard = std::filesystem::directory_iterator(folder_, ec);
       !ec && shard != std::filesystem::directory_iterator(); shard.increment(ec)) {
    if (!shard->is_directory(ec)) continue;
    std::vector<std::filesystem::path> unused;
    for (auto entry = std::filesystem::directory_iterator(shard->path(), ec);
         !ec && entry != std::filesystem::directory_iterator(); entry.increment(ec)) {
      if (!used_.contains(entry->path().filename().string())) unused.push_back(entry->path());
    }
    ec.clear();
    for (const std::filesystem::path& path : unused) std::filesystem::remove(path, ec);
  }
}

}  // namespace kansli
