#include "render/pdf/layout/hyphenator.h"

#include <hyphen.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>

#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {
namespace {

constexpr size_t kMinLetters = 5;
constexpr size_t kMaxLetters = 80;  // longer runs are not words, and cost pattern time
constexpr size_t kMinBefore = 2;
constexpr size_t kMinAfter = 3;

struct DictDeleter {
  void operator()(HyphenDict* dict) const { hnj_hyphen_free(dict); }
};
using DictPtr = std::unique_ptr<HyphenDict, DictDeleter>;

// hnj_hyphen_hyphenate2 only reads the dictionary, so one shared instance serves all threads
// once the function-local static has been initialised (which C++ makes thread-safe). Loaded
// by the first word to hyphenate, not before: the patterns take 16 ms of CPU, and a build
// whose PDFs all come from the cache or the previous output never needs them.
const HyphenDict* Dictionary() {
  static const DictPtr dict(hnj_hyphen_load(kHyphenationPatternsPath));
  return dict.get();
}

// hyph_sv_SE.dic declares ISO8859-1 on its first line: Swedish letters are single bytes.
bool ToLowerLatin1(std::string_view word, std::string& latin1, std::vector<size_t>& offsets) {
  for (size_t at = 0; at < word.size();) {
    CodePoint cp = NextCodePoint(word, at);
    char32_t c = cp.value;
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 0x20;
    if (c > 0xFF || c == 0xFFFD) return false;
    latin1 += static_cast<char>(static_cast<unsigned char>(c));
    offsets.push_back(at);
    at += cp.length;
  }
  offsets.push_back(word.size());
  return true;
}

// The arrays hnj_hyphen_hyphenate2 allocates with malloc for non-standard hyphenation.
struct NonStandard {
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  size_t size = 0;

  explicit NonStandard(size_t word_size) : size(word_size) {}
  NonStandard(const NonStandard&) = delete;
  NonStandard& operator=(const NonStandard&) = delete;
  ~NonStandard() {
    if (rep != nullptr) {
      for (size_t i = 0; i < size; ++i) std::free(rep[i]);
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
};

std::vector<size_t> FindHyphenationPoints(std::string_view word) {
  const HyphenDict* dict = Dictionary();
  std::string latin1;
  std::vector<size_t> offsets;  // UTF-8 offset of each Latin-1 letter, then the end
  if (dict == nullptr || !ToLowerLatin1(word, latin1, offsets) || latin1.size() < kMinLetters ||
      latin1.size() > kMaxLetters) {
    return {};
  }
  std::vector<char> hyphens(latin1.size() + 5, '0');
  // libhyphen reads *rep even for standard patterns, so it gets null arrays that it fills
  // only for non-standard ones (none in hyph_sv_SE, but a replaced file might have some).
  NonStandard extra(latin1.size());
  // The API takes a non-const pointer but does not modify the dictionary (see above).
  if (hnj_hyphen_hyphenate2(const_cast<HyphenDict*>(dict), latin1.data(),
                            static_cast<int>(latin1.size()), hyphens.data(), nullptr, &extra.rep,
                            &extra.pos, &extra.cut) != 0) {
    return {};
  }
  std::vector<size_t> points;
  // hyphens[i] odd: a break after letter i.
  for (size_t i = kMinBefore - 1; i + kMinAfter < latin1.size(); ++i) {
    // A non-standard point changes letters (ff=f); it is skipped rather than set wrong.
    bool replaced = extra.rep != nullptr && extra.rep[i] != nullptr;
    if ((hyphens[i] & 1) && !replaced) points.push_back(offsets[i + 1]);
  }
  return points;
}

}  // namespace

bool HyphenationAvailable() { return Dictionary() != nullptr; }

void HyphenationPoints(std::string_view word, std::vector<size_t>& points) {
  // Words recur, within a document and across a site's documents: each thread remembers
  // the points it found, up to a bound that keeps a hostile document from growing it.
  constexpr size_t kMaxRemembered = 100000;
  thread_local std::unordered_map<std::string, std::vector<size_t>> remembered;
  thread_local std::string key;  // reused, so looking up a long word allocates nothing
  points.clear();
  // Under kMinLetters bytes is under kMinLetters letters; over kMaxLetters * 4 bytes is over
  // kMaxLetters letters in any UTF-8.
  if (word.size() < kMinLetters || word.size() > kMaxLetters * 4) return;
  key.assign(word);
  auto it = remembered.find(key);
  if (it == remembered.end()) {
    if (remembered.size() >= kMaxRemembered) remembered.clear();
    it = remembered.emplace(key, FindHyphenationPoints(word)).first;
  }
  points.assign(it->second.begin(), it->second.end());
}

}  // namespace kansli::pdf
