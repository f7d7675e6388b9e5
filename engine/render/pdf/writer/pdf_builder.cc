#include "render/pdf/writer/pdf_builder.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cstdio>
#include <limits>

#include "render/pdf/writer/text_string.h"

namespace kansli::pdf {
namespace {

struct HaruDocFree {
  void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

// libharu calls this and returns an error status; nothing unwinds through C.
void RecordError(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
  auto* first = static_cast<std::pair<HPDF_STATUS, HPDF_STATUS>*>(user_data);
  if (first->first == HPDF_OK) *first = {code, detail};
}

// libharu writes /Filter only for streams it compresses itself. Its hook for extra keys,
// called before a dictionary's ">>", names the filter of data kansli compressed.
HPDF_STATUS WriteFlateFilter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

bool IsPrintableAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7F;
  });
}


}  // namespace

struct PdfBuilder::Doc {
  std::pair<HPDF_STATUS, HPDF_STATUS> haru_error{HPDF_OK, 0};
  std::string problem;  // the builder's or the writer's own first failure
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, HaruDocFree> haru;

  HPDF_MMgr mmgr() const { return haru->mmgr; }
  bool failed() const { return haru_error.first != HPDF_OK || !problem.empty(); }
  void Fail(std::string what) {
    if (problem.empty()) problem = std::move(what);
  }
  // Libharu objects made from a value; null on failure.
  HPDF_Obj_Header* Make(const PdfValue& value);
};

namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
// C++20 deduces this for an aggregate, but clang before 17 does not (the fuzz build's clang 14).
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

HPDF_Obj_Header* PdfBuilder::Doc::Make(const PdfValue& value) {
  HPDF_MMgr m = mmgr();
  void* made = std::visit(
      Overloaded{
          [&](PdfNull) -> void* { return HPDF_Null_New(m); },
          [&](bool b) -> void* { return HPDF_Boolean_New(m, b ? HPDF_TRUE : HPDF_FALSE); },
          [&](int i) -> void* { return HPDF_Number_New(m, i); },
          [&](double d) -> void* { return HPDF_Real_New(m, static_cast<HPDF_REAL>(d)); },
          [&](PdfName n) -> void* {
            if (n.name.empty() || n.name.size() > HPDF_LIMIT_MAX_NAME_LEN) return nullptr;
            return HPDF_Name_New(m, std::string(n.name).c_str());
          },
          [&](PdfText t) -> void* {
            if (IsPrintableAscii(t.utf8)) {
              if (t.utf8.size() > HPDF_LIMIT_MAX_STRING_LEN) return nullptr;
              return HPDF_String_New(m, std::string(t.utf8).c_str(), nullptr);
            }
            std::string utf16 = Utf16BeText(t.utf8);
            if (utf16.size() > HPDF_LIMIT_MAX_STRING_LEN) return nullptr;
            return HPDF_Binary_New(m, reinterpret_cast<HPDF_BYTE*>(utf16.data()),
                                   static_cast<HPDF_UINT>(utf16.size()));
          },
          [&](PdfBytes b) -> void* {
            if (b.bytes.size() > HPDF_LIMIT_MAX_STRING_LEN) return nullptr;
            std::string copy(b.bytes);
            return HPDF_Binary_New(m, reinterpret_cast<HPDF_BYTE*>(copy.data()),
                                   static_cast<HPDF_UINT>(copy.size()));
          },
          [&](PdfDict d) -> void* { return d.raw_; },
          [&](PdfArray a) -> void* { return a.raw_; }},
      value);
  if (made == nullptr) Fail("a PDF object could not be made (too long, or out of memory)");
  return static_cast<HPDF_Obj_Header*>(made);
}

PdfBuilder::PdfBuilder() : doc_(std::make_unique<Doc>()) {
  doc_->haru.reset(HPDF_New(RecordError, &doc_->haru_error));
  // kansli compresses its own streams (flate.h); libharu only the images it decodes.
  if (doc_->haru) HPDF_SetCompressionMode(doc_->haru.get(), HPDF_COMP_IMAGE);
}

PdfBuilder::~PdfBuilder() = default;

bool PdfBuilder::usable() const { return doc_->haru != nullptr; }

bool PdfBuilder::failed() const { return doc_->failed(); }

std::string PdfBuilder::Problem() const {
  if (!doc_->problem.empty()) return doc_->problem;
  if (doc_->haru_error.first == HPDF_OK) return "";
  char text[64];
  std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u)",
                static_cast<unsigned>(doc_->haru_error.first),
                static_cast<unsigned>(doc_->haru_error.second));
  return text;
}

void PdfBuilder::Fail(std::string problem) { doc_->Fail(std::move(problem)); }

PdfDict PdfBuilder::Dict() {
  HPDF_Dict dict = HPDF_Dict_New(doc_->mmgr());
  if (dict == nullptr || HPDF_Xref_Add(doc_->haru->xref, dict) != HPDF_OK) {
    Fail("a PDF object could not be added (out of memory)");
    return {};
  }
  return PdfDict(dict);
}

PdfDict PdfBuilder::DirectDict() { return PdfDict(HPDF_Dict_New(doc_->mmgr())); }

PdfArray PdfBuilder::Array() { return PdfArray(HPDF_Array_New(doc_->mmgr())); }

PdfArray PdfBuilder::Array(std::initializer_list<PdfValue> values) {
  PdfArray array = Array();
  for (const PdfValue& value : values) Push(array, value);
  return array;
}

PdfDict PdfBuilder::Stream(const PackedStream& data) {
  HPDF_Dict stream = HPDF_DictStream_New(doc_->mmgr(), doc_->haru->xref);
  if (stream == nullptr) return {};
  PdfDict handle(stream);
  SetContents(handle, data);
  return handle;
}

PdfDict PdfBuilder::PlainStream(std::string_view data) {
  HPDF_Dict stream = HPDF_DictStream_New(doc_->mmgr(), doc_->haru->xref);
  if (stream == nullptr) return {};
  stream->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                    static_cast<HPDF_UINT>(data.size()));
  return PdfDict(stream);
}

void PdfBuilder::Put(PdfDict dict, std::string_view key, const PdfValue& value) {
  HPDF_Obj_Header* object = doc_->Make(value);
  if (!dict || object == nullptr) {
    Fail("a PDF dictionary entry /" + std::string(key) + " could not be set");
    return;
  }
  HPDF_Dict_Add(static_cast<HPDF_Dict>(dict.raw_), std::string(key).c_str(), object);
}

void PdfBuilder::Push(PdfArray array, const PdfValue& value) {
  HPDF_Obj_Header* object = doc_->Make(value);
  if (!array || object == nullptr) {
    Fail("a PDF array element could not be added");
    return;
  }
  HPDF_Array_Add(static_cast<HPDF_Array>(array.raw_), object);
}

PdfDict PdfBuilder::Catalog() { return PdfDict(doc_->haru->catalog); }

PdfDict PdfBuilder::Trailer() { return PdfDict(doc_->haru->trailer); }

PdfDict PdfBuilder::Info() {
  // libharu makes the Info dictionary, and writes it into the trailer, when an attribute is
  // first set through its API.
  if (doc_->haru->info == nullptr) HPDF_SetInfoAttr(doc_->haru.get(), HPDF_INFO_CREATOR, "kansli");
  return PdfDict(doc_->haru->info);
}

PdfDict PdfBuilder::AddPage(double width, double height) {
  HPDF_Page page = HPDF_AddPage(doc_->haru.get());
  if (page == nullptr) return {};
  HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));
  return PdfDict(page);
}

void PdfBuilder::SetContents(PdfDict page_or_stream, const PackedStream& data) {
  auto dict = static_cast<HPDF_Dict>(page_or_stream.raw_);
  if (dict == nullptr) return Fail("a stream could not be written");
  // A page's content stream is a separate object libharu made with the page.
  HPDF_Dict stream = dict->stream != nullptr ? dict : static_cast<HPDF_PageAttr>(dict->attr)->contents;
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = data.deflated ? WriteFlateFilter : nullptr;
  if (data.bytes.size() > std::numeric_limits<HPDF_UINT>::max() ||
      HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(data.bytes.data()),
                        static_cast<HPDF_UINT>(data.bytes.size())) != HPDF_OK) {
    Fail("a stream could not be written (out of memory)");
  }
}

std::string PdfBuilder::FontName(PdfDict page, PdfDict font) {
  const char* name = HPDF_Page_GetLocalFontName(static_cast<HPDF_Page>(page.raw_),
                                                static_cast<HPDF_Font>(font.raw_));
  if (name == nullptr) Fail("a font could not be added to a page's resources");
  return name != nullptr ? name : "";
}

std::string PdfBuilder::XObjectName(PdfDict page, PdfDict xobject) {
  const char* name = HPDF_Page_GetXObjectName(static_cast<HPDF_Page>(page.raw_),
                                              static_cast<HPDF_XObject>(xobject.raw_));
  if (name == nullptr) Fail("an image or drawing could not be added to a page's resources");
  return name != nullptr ? name : "";
}

PdfDict PdfBuilder::OutlineItem(PdfDict parent, bool open) {
  HPDF_Outline item = HPDF_CreateOutline(doc_->haru.get(), static_cast<HPDF_Outline>(parent.raw_),
                                         "", nullptr);
  if (item == nullptr) return {};
  HPDF_Outline_SetOpened(item, open ? HPDF_TRUE : HPDF_FALSE);
  return PdfDict(item);
}

PdfDict PdfBuilder::JpegImage(std::string_view bytes) {
  if (bytes.size() > std::numeric_limits<HPDF_UINT>::max()) return {};
  const auto before = doc_->haru_error;
  HPDF_Image image = HPDF_LoadJpegImageFromMem(
      doc_->haru.get(), reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
      static_cast<HPDF_UINT>(bytes.size()));
  if (image == nullptr) {
    // A refused image is the caller's to report; the document itself is still sound.
    HPDF_ResetError(doc_->haru.get());
    doc_->haru_error = before;
  }
  return PdfDict(image);
}

PdfDict PdfBuilder::RgbImage(std::string_view rgb, int width, int height) {
  if (width <= 0 || height <= 0 ||
      rgb.size() != static_cast<size_t>(width) * static_cast<size_t>(height) * 3) {
    return {};
  }
  const auto before = doc_->haru_error;
  // libharu copies the pixels into the image's stream.
  HPDF_Image image = HPDF_LoadRawImageFromMem(
      doc_->haru.get(), reinterpret_cast<const HPDF_BYTE*>(rgb.data()),
      static_cast<HPDF_UINT>(width), static_cast<HPDF_UINT>(height), HPDF_CS_DEVICE_RGB, 8);
  if (image == nullptr) {
    HPDF_ResetError(doc_->haru.get());
    doc_->haru_error = before;
  }
  return PdfDict(image);
}

std::string_view PdfBuilder::LibraryVersion() { return HPDF_VERSION_TEXT; }

std::optional<std::string> PdfBuilder::Save() {
  HPDF_Doc doc = doc_->haru.get();
  doc->pdf_version = HPDF_VER_14;
  if (failed() || HPDF_SaveToStream(doc) != HPDF_OK || failed()) return std::nullopt;
  std::string bytes(HPDF_GetStreamSize(doc), '\0');
  auto size = static_cast<HPDF_UINT32>(bytes.size());
  // Asking for exactly the stream's size reads it whole without an end-of-stream error.
  if (size == 0 ||
      HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size) != HPDF_OK) {
    Fail("the PDF could not be read back from libharu's stream");
    return std::nullopt;
  }
  bytes.resize(size);
  return bytes;
}

std::string LibharuVersion() { return HPDF_GetVersion(); }

}  // namespace kansli::pdf
