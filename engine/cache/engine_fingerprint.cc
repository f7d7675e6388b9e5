#include "cache/engine_fingerprint.h"

#include <elf.h>
#include <link.h>
#include <sys/stat.h>

#include <cstring>
#include <string>

#include "source/sha256.h"

namespace kansli {
namespace {

// The NT_GNU_BUILD_ID note of a loaded object, as bytes, or "" when it has none.
std::string BuildId(const dl_phdr_info& info) {
  for (int i = 0; i < info.dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info.dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info.dlpi_addr + segment.p_vaddr);
    const char* end = at + segment.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const char* name = at + sizeof note;
      const char* desc = name + ((note.n_namesz + 3) & ~3u);
      const char* next = desc + ((note.n_descsz + 3) & ~3u);
      if (next > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        return std::string(desc, note.n_descsz);
      }
      at = next;
    }
  }
  return {};
}

int AddObject(dl_phdr_info* info, size_t, void* data) {
  Sha256& hash = *static_cast<Sha256*>(data);
  const std::string name = info->dlpi_name != nullptr ? info->dlpi_name : "";
  const std::string build_id = BuildId(*info);
  hash.Add(name).Add(build_id);
  // The program itself has no name here; a library is also known by its file, in case it was
  // built without an ID.
  hash.Add(name.empty() && !build_id.empty() ? std::string() : FileStamp(name.empty() ? "/proc/self/exe" : name));
  return 0;
}

}  // namespace

std::string FileStamp(std::string_view path) {
  struct stat st {};
  if (::stat(std::string(path).c_str(), &st) != 0) return "missing";
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

const std::string& EngineFingerprint() {
  static const std::string fingerprint = [] {
    Sha256 hash;
    dl_iterate_phdr(AddObject, &hash);
    return hash.HexDigest();
  }();
  return fingerprint;
}

}  // namespace kansli
