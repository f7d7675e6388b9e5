// libharu 2.3 gives a TrueType font loaded with the UTF-8 encoder a "ToUnicode" stream that is
// really a code-to-CID CMap ("begincidrange"), which poppler rejects with "Invalid
// 'begincidrange' operator in ToUnicode CMap". Its codes are the UTF-16 code units
// themselves, so the right ToUnicode map is the identity on the BMP.
#pragma once

#include <hpdf.h>

namespace kansli::pdf {

// Replaces the font's ToUnicode stream with an identity bfrange CMap. False if the font has
// no ToUnicode stream (libharu changed how it builds fonts) or a write failed.
bool FixToUnicodeCMap(HPDF_Font font);

}  // namespace kansli::pdf
