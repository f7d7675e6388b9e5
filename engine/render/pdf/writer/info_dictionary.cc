#include "render/pdf/writer/info_dictionary.h"

#include <cstdio>

#include "render/pdf/layout/utf8.h"

namespace kansli::pdf {
namespace {

// An Info entry this long is of no use to anyone; past it, the value is cut at a character.
constexpr size_t kMaxInfoUnits = 1999;

std::string Shortened(const std::string& value) {
  size_t units = 0;
  for (size_t at = 0; at < value.size();) {
    CodePoint cp = NextCodePoint(value, at);
    units += cp.value > 0xFFFF ? 2 : 1;
    if (units > kMaxInfoUnits) return value.substr(0, at);
    at += cp.length;
  }
  return value;
}

void SetText(PdfBuilder& pdf, PdfDict info, const char* key, const std::string& value) {
  if (!value.empty()) pdf.Put(info, key, PdfText{Shortened(value)});
}

}  // namespace

std::string PdfProducer() {
  return "kansli (libharu " + std::string(PdfBuilder::LibraryVersion()) + ")";
}

void SetInfo(PdfBuilder& pdf, const PdfInfo& info) {
  PdfDict dict = pdf.Info();
  SetText(pdf, dict, "Creator", info.creator);
  SetText(pdf, dict, "Producer", PdfProducer());
  SetText(pdf, dict, "Title", info.title);
  SetText(pdf, dict, "Author", info.author);
  SetText(pdf, dict, "Subject", info.subject);
  SetText(pdf, dict, "Keywords", info.keywords);
  if (info.date) {
    // "+00'00'", not "Z": PDFBox reads libharu's "Z00'00'" as another instant than the
    // XMP's "…Z" and rejects the file (PDF/A 7.2).
    char date[40];
    std::snprintf(date, sizeof date, "D:%04d%02d%02d000000+00'00'", info.date->year,
                  info.date->month, info.date->day);
    pdf.Put(dict, "CreationDate", PdfText{date});
    pdf.Put(dict, "ModDate", PdfText{date});
  }
}

}  // namespace kansli::pdf
