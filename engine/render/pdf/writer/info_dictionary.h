// The PDF Info dictionary. Values go in as text strings (text_string.h), so "för" reads back
// as "för" and not as PDFDocEncoding mojibake ("fÃ¶r"), which libharu's own setters give.
#pragma once

#include <string>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/pdf_builder.h"

namespace kansli::pdf {

// The Info dictionary's Producer, and the XMP packet's pdf:Producer.
std::string PdfProducer();

// Title, Author, Subject, Keywords, Creator, Producer, and CreationDate = ModDate when the
// document has a date (never the time of the build). Empty fields are left out.
void SetInfo(PdfBuilder& pdf, const PdfInfo& info);

}  // namespace kansli::pdf
