#include "render/graph/text_metrics.h"

#include <array>
#include <cstdint>
#include <utility>

namespace kansli::graph {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Advance widths in 1/1000 em of Helvetica (the AFM that Arial and Liberation Sans match) for
// U+0020..U+00FF. U+007F..U+009F are control characters, which CleanText removes; they get the
// default width.
constexpr std::array<uint16_t, 224> kLatin1Widths = {
    278,  278, 355, 556, 556, 889, 667,  191, 333, 333, 389, 584, 278, 333, 278, 278,  // 20
    556,  556, 556, 556, 556, 556, 556,  556, 556, 556, 278, 278, 584, 584, 584, 556,  // 30
    1015, 667, 667, 722, 722, 667, 611,  778, 722, 278, 500, 667, 556, 833, 722, 778,  // 40
    667,  778, 722, 667, 611, 722, 667,  944, 667, 667, 611, 278, 278, 278, 469, 556,  // 50
    333,  556, 556, 500, 556, 556, 278,  556, 556, 222, 222, 500, 222, 833, 556, 556,  // 60
    556,  556, 333, 500, 278, 556, 500,  722, 500, 500, 500, 334, 260, 334, 584, 600,  // 70
    600,  600, 600, 600, 600, 600, 600,  600, 600, 600, 600, 600, 600, 600, 600, 600,  // 80
    600,  600, 600, 600, 600, 600, 600,  600, 600, 600, 600, 600, 600, 600, 600, 600,  // 90
    278,  333, 556, 556, 556, 556, 260,  556, 333, 737, 370, 556, 584, 278, 737, 333,  // A0
    400,  584, 333, 333, 333, 556, 537,  278, 333, 333, 365, 556, 834, 834, 834, 611,  // B0
    667,  667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  // C0
    722,  722, 778, 778, 778, 778, 778,  584, 778, 722, 722, 722, 722, 667, 667, 611,  // D0
    556,  556, 556, 556, 556, 556, 889,  500, 556, 556, 556, 556, 278, 278, 278, 278,  // E0
    556,  556, 556, 556, 556, 556, 556,  584, 611, 556, 556, 556, 556, 500, 556, 500,  // F0
};

// The typographic punctuation Swedish text uses beyond Latin-1 (dashes, quotes, ellipsis, euro).
constexpr std::pair<char32_t, uint16_t> kOtherWidths[] = {
    {0x0152, 1000}, {0x0153, 944}, {0x0160, 667},  {0x0161, 500},  {0x0178, 667},  {0x017D, 611},
    {0x017E, 500},  {0x2013, 556}, {0x2014, 1000}, {0x2018, 222},  {0x2019, 222},  {0x201A, 222},
    {0x201C, 333},  {0x201D, 333}, {0x201E, 333},  {0x2022, 350},  {0x2026, 1000}, {0x2030, 1000},
    {0x2039, 333},  {0x203A, 333}, {0x20AC, 556},  {0x2122, 1000},
};

constexpr uint16_t kDefaultWidth = 600;

uint16_t AdvanceWidth(char32_t c) {
  if (c >= 0x20 && c <= 0xFF) return kLatin1Widths[c - 0x20];
  for (const auto& [code_point, width] : kOtherWidths) {
    if (code_point == c) return width;
  }
  return kDefaultWidth;
}

}  // namespace

// Replaces each maximal ill-formed subpart with one U+FFFD, as the Unicode standard and
// browsers do: the second byte's range depends on the lead byte, which rules out overlong
// forms, surrogates and values above U+10FFFF.
std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      out.push_back(lead);
      ++i;
      continue;
    }
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    }
    char32_t c = length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    int taken = 1;
    for (; taken < length && i + taken < text.size(); ++taken) {
      const auto next = static_cast<unsigned char>(text[i + taken]);
      if (next < low || next > high) break;
      c = (c << 6) | (next & 0x3F);
      low = 0x80;
      high = 0xBF;
    }
    out.push_back(length > 0 && taken == length ? c : kReplacement);
    i += taken;
  }
  return out;
}

void AppendUtf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

double TextWidth(std::string_view utf8, double font_size) {
  long thousandths = 0;
  for (char32_t c : DecodeUtf8(utf8)) thousandths += AdvanceWidth(c);
  return static_cast<double>(thousandths) * font_size / 1000.0;
}

}  // namespace kansli::graph
