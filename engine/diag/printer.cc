#include "diag/printer.h"

#include <nlohmann/json.hpp>

#include "diag/control_character.h"

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

// A control character from a file would act on the terminal (ESC starts an escape sequence)
// or vanish (NUL): each is shown as its Unicode control picture ("␀", "␛"), one column wide
// like the character, so the caret stays under it. C1 controls show as U+FFFD.
std::string Visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned c = 0;
    const size_t length = ControlCharacterAt(text, i, c);
    if (length == 1) {
      const unsigned picture = c == 0x7F ? 0x2421 : 0x2400 + c;
      out += static_cast<char>(0xE0 | (picture >> 12));
      out += static_cast<char>(0x80 | ((picture >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (picture & 0x3F));
    } else if (length == 2) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

void PrintText(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
               const SourceLineLookup& lines) {
  for (const Diagnostic& d : diagnostics) {
    out << Visible(Location(d.pos)) << ": " << SeverityName(d.severity) << ": "
        << Visible(d.message) << " ["
        << CodeName(d.code) << "]\n";
    if (d.pos.line > 0 && lines) {
      std::string_view text = lines(d.pos.file, d.pos.line);
      if (!text.empty()) {
        out << "  " << Visible(text) << "\n";
        if (d.pos.column > 0) out << "  " << CaretLine(text, d.pos.column) << "\n";
      }
    }
    for (const std::string& hint : d.hints) out << "  hint: " << Visible(hint) << "\n";
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
