#pragma once

#include <string_view>

namespace kansli {

// The Swedish name readers know a front-matter field by ("owner" → "Dokumentansvarig").
// Used in diagnostics, the metadata box of the page and the PDF's metadata block.
std::string_view FieldLabel(std::string_view field);

}  // namespace kansli
