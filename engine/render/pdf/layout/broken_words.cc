#include "render/pdf/layout/broken_words.h"

#include <optional>
#include <string>

namespace kansli::pdf {
namespace {

// Splits `piece` before byte `at`, so the new second piece can read differently.
void SplitPiece(std::vector<LinePiece>& pieces, size_t index, size_t at,
                const FontMetrics& metrics) {
  LinePiece& piece = pieces[index];
  LinePiece rest = piece;
  rest.text = piece.text.substr(at);
  piece.text.resize(at);
  const double width = metrics.Width(piece.face, piece.style.size, piece.text);
  rest.x = piece.x + width;
  rest.width = piece.width - width;
  piece.width = width;
  pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(index) + 1, std::move(rest));
}

// A line that ends with a word ending in "-" ("Barn- och utbildningsnämnden" broken after
// "Barn-") reads as a hyphenated word to poppler, which joins it with the next line's first
// word without the hyphen ("Barnoch") unless the line's text ends otherwise: that word reads
// with a space after it.
void KeepDashWordApart(std::vector<LinePiece>& pieces, const FontMetrics& metrics) {
  if (pieces.empty() || pieces.back().actual_text || !pieces.back().text.ends_with('-')) return;
  size_t last = pieces.size() - 1;
  const size_t space = pieces[last].text.find_last_of(' ');
  if (space != std::string::npos) {
    SplitPiece(pieces, last, space + 1, metrics);
    ++last;
  }
  pieces[last].actual_text = pieces[last].text + " ";
}

struct PieceAt {
  size_t line = 0;
  size_t piece = 0;
};

}  // namespace

void JoinBrokenWords(std::vector<Line>& lines, const std::vector<char>& breaks_word,
                     const FontMetrics& metrics) {
  // The piece that reads as the word broken at the end of the previous line. An index, not a
  // pointer: splitting pieces moves them.
  std::optional<PieceAt> carrier;
  for (size_t k = 0; k < lines.size(); ++k) {
    std::vector<LinePiece>& pieces = lines[k].pieces;
    const bool broken = k < breaks_word.size() && breaks_word[k] != 0;
    const bool hyphen = !pieces.empty() && pieces.back().hyphen;
    // Pieces of the line's text; the hyphen comes after them.
    auto text_pieces = [&] { return pieces.size() - (hyphen ? 1 : 0); };
    bool middle = false;  // the whole line is a part of one word, broken on both sides
    if (carrier) {
      // The word goes on from the line's start up to its first space, maybe over pieces of
      // several styles.
      LinePiece& whole = lines[carrier->line].pieces[carrier->piece];
      size_t i = 0;
      for (; i < text_pieces(); ++i) {
        const size_t end = pieces[i].text.find(' ');
        if (end == 0) break;
        if (end != std::string::npos) SplitPiece(pieces, i, end, metrics);
        *whole.actual_text += pieces[i].text;
        pieces[i].actual_text = "";
        if (end != std::string::npos) break;
      }
      middle = broken && i == text_pieces();
    }
    if (!middle) carrier.reset();
    if (!broken && k + 1 < lines.size()) KeepDashWordApart(pieces, metrics);
    if (!broken || text_pieces() == 0) continue;
    if (middle) {
      if (hyphen) pieces.back().actual_text = "";
      continue;
    }
    // Past the word's continuation, which fills only a middle line.
    size_t head = text_pieces() - 1;
    const size_t space = pieces[head].text.find_last_of(' ');
    if (space != std::string::npos) {
      if (space + 1 == pieces[head].text.size()) continue;  // not inside a word after all
      SplitPiece(pieces, head, space + 1, metrics);
      ++head;
    }
    pieces[head].actual_text = pieces[head].text;
    if (hyphen) pieces.back().actual_text = "";
    carrier = PieceAt{k, head};
  }
}

}  // namespace kansli::pdf
