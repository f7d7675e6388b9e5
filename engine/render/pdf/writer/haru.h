// libharu at the edge: the document handle with its deleter and an error handler that
// records instead of jumping. Only writer/ includes <hpdf.h>.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <type_traits>

#include "render/pdf/writer/flate.h"

namespace kansli::pdf {

// The first error libharu reported on a document. libharu calls the handler and returns an
// error status; nothing unwinds through C.
struct HaruError {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;

  bool failed() const { return code != HPDF_OK; }
  std::string Describe() const;  // "libharu error 0x1017 (detail 0)"
};

struct HaruDocFree {
  void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};
using HaruDoc = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, HaruDocFree>;

// A new document reporting into *error, which must outlive it. Null if out of memory.
HaruDoc NewHaruDoc(HaruError* error);

// A new empty dictionary, an indirect object of `doc`. Null if out of memory.
HPDF_Dict NewIndirectDict(HPDF_Doc doc);

// Makes the stream dictionary `stream` hold `data`, marked /FlateDecode when it is deflated.
// libharu's own compression is switched off for it. False if out of memory.
bool SetStreamData(HPDF_Dict stream, const PackedStream& data);

// A new stream object of `doc` holding `data`. Null if out of memory.
HPDF_Dict NewStream(HPDF_Doc doc, const PackedStream& data);

}  // namespace kansli::pdf
