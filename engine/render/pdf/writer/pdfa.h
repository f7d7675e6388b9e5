// PDF/A-1b (ISO 19005-1, level B): what libharu 2.3 does not write by itself. An XMP packet
// saying the same as the Info dictionary, an sRGB OutputIntent for the DeviceRGB colours the
// pages use, the 1.4 header PDF/A-1 is based on, and a trailer /ID. The ID is a hash of the
// file itself, not of the time, so two builds of the same source are byte-identical.
#pragma once

#include <string>
#include <string_view>

#include "render/pdf/layout/frame.h"
#include "render/pdf/writer/flate.h"
#include "render/pdf/writer/pdf_builder.h"

namespace kansli::pdf {

// The ICC profile of the OutputIntent: sRGB IEC61966-2.1, an ICC v2 profile as PDF/A-1
// requires (package icc-profiles-free).
inline constexpr char kSrgbProfilePath[] = "/usr/share/color/icc/sRGB.icc";

// The XMP packet of `info`: dc:title, dc:creator, dc:description, dc:identifier,
// pdf:Keywords, pdf:Producer, xmp:CreatorTool, xmp:CreateDate = xmp:ModifyDate, each equal to
// its Info dictionary entry (see SetInfo), and the claims: PDF/A-1 level B, or for a tagged
// document level A and PDF/UA-1 (pdfuaid:part, with the extension schema PDF/A-1 asks for).
std::string XmpPacket(const PdfInfo& info, bool tagged);

// Adds the Metadata stream (uncompressed) and the OutputIntent to the catalog and a
// placeholder trailer /ID. `icc_profile` is an RGB ICC v2 profile, packed.
void AddPdfAParts(PdfBuilder& pdf, const PdfInfo& info, bool tagged,
                  const PackedStream& icc_profile);

// Replaces the placeholder /ID that AddPdfAParts put in the trailer of the saved `pdf` with
// the first 16 bytes of the SHA-256 of the whole file. The length does not change, so the
// cross-reference offsets stay valid. False if there is no placeholder.
bool StampDocumentId(std::string& pdf);

}  // namespace kansli::pdf
