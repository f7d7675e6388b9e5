#include "render/pdf/writer/info_dictionary.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>

#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {
namespace {

// libharu rejects strings longer than this; an Info entry that long is not useful anyway.
constexpr size_t kMaxInfoBytes = 4000;

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7F;
  });
}

void PutUnit(std::string& out, char32_t unit) {
  out += static_cast<char>(unit >> 8);
  out += static_cast<char>(unit & 0xFF);
}

void SetText(HPDF_Doc doc, HPDF_InfoType type, const char* key, const std::string& value) {
  if (value.empty()) return;
  if (IsAscii(value) && value.size() <= kMaxInfoBytes) {
    HPDF_SetInfoAttr(doc, type, value.c_str());
    return;
  }
  std::string utf16 = Utf16BeText(value);
  if (utf16.size() > kMaxInfoBytes) utf16.resize(kMaxInfoBytes & ~size_t{1});
  // The Info dictionary exists once any attribute is set; Creator is always set first.
  HPDF_Binary binary = HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(utf16.data()),
                                       static_cast<HPDF_UINT>(utf16.size()));
  if (doc->info != nullptr && binary != nullptr) HPDF_Dict_Add(doc->info, key, binary);
}

}  // namespace

std::string Utf16BeText(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  for (size_t at = 0; at < utf8.size();) {
    CodePoint cp = NextCodePoint(utf8, at);
    if (cp.value > 0xFFFF) {
      char32_t v = cp.value - 0x10000;
      PutUnit(out, 0xD800 + (v >> 10));
      PutUnit(out, 0xDC00 + (v & 0x3FF));
    } else {
      PutUnit(out, cp.value);
    }
    at += cp.length;
  }
  return out;
}

void SetInfo(HPDF_Doc doc, const PdfInfo& info) {
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "kansli");
  SetText(doc, HPDF_INFO_CREATOR, "Creator", info.creator);
  HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, kPdfProducer);
  SetText(doc, HPDF_INFO_TITLE, "Title", info.title);
  SetText(doc, HPDF_INFO_AUTHOR, "Author", info.author);
  SetText(doc, HPDF_INFO_SUBJECT, "Subject", info.subject);
  SetText(doc, HPDF_INFO_KEYWORDS, "Keywords", info.keywords);
  if (info.date) {
    HPDF_Date date{.year = info.date->year,
                   .month = info.date->month,
                   .day = info.date->day,
                   .hour = 0,
                   .minutes = 0,
                   .seconds = 0,
                   // "+00'00'": libharu writes 'Z' as "Z00'00'", which PDFBox reads as
                   // another instant than the XMP's "…Z" and rejects (PDF/A 7.2).
                   .ind = '+',
                   .off_hour = 0,
                   .off_minutes = 0};
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
  }
}

}  // namespace kansli::pdf
