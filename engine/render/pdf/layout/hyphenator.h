// Swedish hyphenation points from libhyphen and the hyphen-sv patterns. The only code that
// includes <hyphen.h>.
#pragma once

#include <string_view>
#include <vector>

namespace kansli::pdf {

// Debian's hyphen-sv: the Swedish patterns every PDF hyphenates with.
inline constexpr char kHyphenationPatternsPath[] = "/usr/share/hyphen/hyph_sv_SE.dic";

// Sets `points` to the byte offsets into the UTF-8 `word` where it may be broken with a
// hyphen, ascending (a caller breaking many words reuses one vector, so no word allocates). The
// word is a run of letters (no spaces or punctuation); a word with fewer than five letters, more
// than 80, or with a letter outside Latin-1 gets none. At least two letters stay before a point and
// three after it. The patterns (/usr/share/hyphen/hyph_sv_SE.dic) load once per process on first
// use; if they are missing nothing is hyphenated, silently, since layout has no diagnostics sink.
// Safe to call from several threads.
void HyphenationPoints(std::string_view word, std::vector<size_t>& points);

// True if the patterns loaded (for tests and for saying why nothing was hyphenated).
bool HyphenationAvailable();

}  // namespace kansli::pdf
