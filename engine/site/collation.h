#pragma once

#include <string>
#include <string_view>

namespace kansli {

// A key that sorts names the way a Swedish reader expects: case-insensitively, with å, ä and
// ö after z in that order ("Ödeshög" after "Ystad", "Ånge" before "Älmhult"). Byte order
// would put Ä before Å and capitals before every small letter.
std::string CollationKey(std::string_view text);

}  // namespace kansli
