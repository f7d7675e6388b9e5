// The PDF Info dictionary. libharu 2.3 writes an Info string through the document's current
// encoder; with none it copies the bytes as they are (so UTF-8 reads back as PDFDocEncoding
// mojibake, "fÃ¶r"), and with the UTF-8 encoder it garbles multi-byte characters. Non-ASCII
// values are therefore stored as UTF-16BE strings with a byte-order mark, the PDF standard's
// own form for text strings, which every reader decodes.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

#include "render/pdf/layout/frame.h"

namespace kansli::pdf {

// The Info dictionary's Producer, and the XMP packet's pdf:Producer.
inline constexpr char kPdfProducer[] = "kansli (libharu " HPDF_VERSION_TEXT ")";

// "\xFE\xFF" followed by UTF-16BE; surrogate pairs outside the BMP.
std::string Utf16BeText(std::string_view utf8);

// Title, Author, Subject, Keywords, Creator, Producer, and CreationDate = ModDate when the document
// has a date (never the time of the build). Empty fields are left out.
void SetInfo(HPDF_Doc doc, const PdfInfo& info);

}  // namespace kansli::pdf
