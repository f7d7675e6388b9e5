// Any bytes as a content file, content/a.md: read (UTF-8, BOM, line ends), front matter split
// from the body, the YAML typed field by field, the body parsed, and the document validated
// and put in a site beside another one. Every problem must come back as a diagnostic whose
// text is UTF-8 and whose position is in the file, and both printers must take it.
#include <sstream>
#include <string>
#include <vector>

#include "diag/printer.h"
#include "fuzz/expect.h"
#include "fuzz/fuzz_site.h"

namespace kansli::fuzz {
namespace {

int CodePoints(std::string_view text) {
  int count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::string Printed(const Diagnostic& d) {
  std::ostringstream out;
  PrintText(out, {d}, nullptr);
  return out.str();
}

void ExpectFitForPrinting(const Diagnostic& d, const SourceFile* file) {
  Expect(!d.message.empty(), "a diagnostic has no message", Printed(d));
  Expect(FindInvalidUtf8(d.message) == std::string_view::npos,
         "a diagnostic's message is not UTF-8", Printed(d));
  for (const std::string& hint : d.hints) {
    Expect(FindInvalidUtf8(hint) == std::string_view::npos, "a hint is not UTF-8", Printed(d));
  }
  if (file == nullptr || d.pos.file != file->path()) return;
  // An empty body after the front matter is reported on the line after the last one.
  Expect(d.pos.line >= 0 && d.pos.line <= file->line_count() + 1 && d.pos.column >= 0,
         "a diagnostic's line is outside the file", Printed(d));
  if (d.pos.line >= 1 && d.pos.line <= file->line_count() && d.pos.column > 0) {
    Expect(d.pos.column <= CodePoints(file->Line(d.pos.line)) + 1,
           "a diagnostic's column is past the end of its line", Printed(d));
  }
}

}  // namespace
}  // namespace kansli::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kansli;
  fuzz::FuzzSite site(fuzz::Input(data, size));
  const SourceFile* file = site.file();
  const std::vector<Diagnostic> sorted = site.diags.Sorted();
  for (const Diagnostic& d : sorted) fuzz::ExpectFitForPrinting(d, file);
  std::ostringstream out;
  PrintText(out, sorted, [&](const std::string& path, int line) {
    return file != nullptr && path == file->path() ? file->Line(line) : std::string_view();
  });
  PrintJson(out, sorted);
  return 0;
}
