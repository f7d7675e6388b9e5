#include "diag/printer.h"

#include <nlohmann/json.hpp>

namespace kansli {
namespace {

std::string Location(const SourcePos& pos) {
  if (pos.file.empty()) return "kansli";
  std::string loc = pos.file;
  if (pos.line > 0) loc += ":" + std::to_string(pos.line);
  if (pos.line > 0 && pos.column > 0) loc += ":" + std::to_string(pos.column);
  return loc;
}

// Columns count code points, so the caret is indented by one space per code point; a tab
// stays a tab so that the caret lines up however the terminal expands it.
std::string CaretLine(std::string_view line, int column) {
  std::string indent;
  int seen = 1;
  for (size_t i = 0; i < line.size() && seen < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    indent += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  return indent + "^";
}

}  // namespace

void PrintText(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
               const SourceLineLookup& lines) {
  for (const Diagnostic& d : diagnostics) {
    out << Location(d.pos) << ": " << SeverityName(d.severity) << ": " << d.message << " ["
        << CodeName(d.code) << "]\n";
    if (d.pos.line > 0 && lines) {
      std::string_view text = lines(d.pos.file, d.pos.line);
      if (!text.empty()) {
        out << "  " << text << "\n";
        if (d.pos.column > 0) out << "  " << CaretLine(text, d.pos.column) << "\n";
      }
    }
    for (const std::string& hint : d.hints) out << "  hint: " << hint << "\n";
  }
}

void PrintJson(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
  nlohmann::json array = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics) {
    array.push_back({{"file", d.pos.file},
                     {"line", d.pos.line},
                     {"column", d.pos.column},
                     {"severity", SeverityName(d.severity)},
                     {"code", CodeName(d.code)},
                     {"message", d.message},
                     {"hints", d.hints}});
  }
  // Replace invalid UTF-8 rather than throw: a message may quote a user's broken bytes.
  out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace kansli
