#include "render/pdf/writer/haru.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdio>

namespace kansli::pdf {
namespace {

void RecordError(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
  auto* error = static_cast<HaruError*>(user_data);
  if (!error->failed()) *error = {code, detail};
}

// libharu writes /Filter only for streams it compresses itself. Its hook for extra keys,
// called before a dictionary's ">>", names the filter of data kansli compressed.
HPDF_STATUS WriteFlateFilter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

}  // namespace

std::string HaruError::Describe() const {
  char text[64];
  std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(code),
                static_cast<unsigned>(detail));
  return text;
}

HaruDoc NewHaruDoc(HaruError* error) { return HaruDoc(HPDF_New(RecordError, error)); }

HPDF_Dict NewIndirectDict(HPDF_Doc doc) {
  HPDF_Dict dict = HPDF_Dict_New(doc->mmgr);
  if (dict == nullptr || HPDF_Xref_Add(doc->xref, dict) != HPDF_OK) return nullptr;
  return dict;
}

bool SetStreamData(HPDF_Dict stream, const PackedStream& data) {
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = data.deflated ? WriteFlateFilter : nullptr;
  return HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(data.bytes.data()),
                           static_cast<HPDF_UINT>(data.bytes.size())) == HPDF_OK;
}

HPDF_Dict NewStream(HPDF_Doc doc, const PackedStream& data) {
  HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (stream == nullptr || !SetStreamData(stream, data)) return nullptr;
  return stream;
}

}  // namespace kansli::pdf
