#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kansli {

// Which document a PDF says it is, read from its XMP metadata: kansli writes dc:identifier
// "kansli:<id>:v<version>" and dc:title into every official PDF. A copy whose bytes differ
// (edited, re-saved, printed to PDF) often still carries them.
struct PdfClaim {
  std::string id;       // empty when only a title was found
  std::string version;
  std::string title;
};

// Null when the bytes hold no readable XMP packet naming a document (a tool that rewrote
// the file may have compressed it).
std::optional<PdfClaim> ReadPdfClaim(std::string_view bytes);

}  // namespace kansli
