// libharu at the edge: the one file of kansli that sees a libharu type. The writer builds the
// PDF's objects (dictionaries, arrays, streams, pages) through the handles below and never
// checks a status after each call: the first failure, libharu's or the builder's, is recorded
// and reported by Save, as a compiler collects errors instead of stopping at each.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "render/pdf/writer/flate.h"

namespace kansli::pdf {

class PdfBuilder;

// A dictionary, stream, page or image of the PDF being built. The builder owns the object;
// a handle only names it. An empty handle is what a failed creation gives, and putting it
// anywhere is a recorded failure, never a crash.
class PdfDict {
 public:
  PdfDict() = default;
  explicit operator bool() const { return raw_ != nullptr; }
  friend bool operator==(PdfDict, PdfDict) = default;

 private:
  friend class PdfBuilder;
  explicit PdfDict(void* raw) : raw_(raw) {}
  void* raw_ = nullptr;
};

// An array; direct, so it is written where it is put, and put in exactly one place.
class PdfArray {
 public:
  PdfArray() = default;
  explicit operator bool() const { return raw_ != nullptr; }

 private:
  friend class PdfBuilder;
  explicit PdfArray(void* raw) : raw_(raw) {}
  void* raw_ = nullptr;
};

struct PdfName {
  std::string_view name;  // without the slash
};
// A text string (ISO 32000 7.9.2.2): printable ASCII as a literal, anything else UTF-16BE with
// a byte-order mark, which every reader decodes (libharu would copy UTF-8 bytes as they are).
struct PdfText {
  std::string_view utf8;
};
// A string of bytes, written in hex: identifiers, dates are PdfText.
struct PdfBytes {
  std::string_view bytes;
};
struct PdfNull {};

using PdfValue =
    std::variant<PdfNull, bool, int, double, PdfName, PdfText, PdfBytes, PdfDict, PdfArray>;

class PdfBuilder {
 public:
  PdfBuilder();
  ~PdfBuilder();
  PdfBuilder(const PdfBuilder&) = delete;
  PdfBuilder& operator=(const PdfBuilder&) = delete;

  // False if libharu could not even create the document (out of memory).
  bool usable() const;
  bool failed() const;
  // What failed first, "" if nothing.
  std::string Problem() const;
  // Records a failure of the writer's own ("an image could not be decoded"); the first wins.
  void Fail(std::string problem);

  // A new indirect dictionary, written as its own object and referred to where it is put.
  PdfDict Dict();
  // A new direct dictionary, written inline where it is put (exactly once).
  PdfDict DirectDict();
  PdfArray Array();
  PdfArray Array(std::initializer_list<PdfValue> values);
  // A new stream object holding `data`, marked /FlateDecode when it is deflated.
  PdfDict Stream(const PackedStream& data);
  // A stream whose bytes stay readable without decoding (the XMP packet).
  PdfDict PlainStream(std::string_view data);

  // Sets `key` of `dict`, replacing an earlier value.
  void Put(PdfDict dict, std::string_view key, const PdfValue& value);
  void Push(PdfArray array, const PdfValue& value);

  PdfDict Catalog();
  PdfDict Trailer();
  // The Info dictionary, made on first use.
  PdfDict Info();

  // A new last page. Its content stream is empty until SetContents.
  PdfDict AddPage(double width, double height);
  void SetContents(PdfDict page, const PackedStream& data);
  // The name by which `page`'s content stream uses a font or an XObject ("F1", "X1"), added
  // to the page's resources the first time. "" on failure.
  std::string FontName(PdfDict page, PdfDict font);
  std::string XObjectName(PdfDict page, PdfDict xobject);

  // A new bookmark under `parent` (the outline's root when empty), after its earlier
  // children; libharu links siblings and counts. Title and Dest are Put by the caller.
  PdfDict OutlineItem(PdfDict parent, bool open);

  // Image XObjects. Empty if the data is refused; that is no failure of the document.
  PdfDict JpegImage(std::string_view bytes);
  PdfDict RgbImage(std::string_view rgb, int width, int height);  // 8 bits a sample

  // "2.3.0": libharu's, for the Producer entry.
  static std::string_view LibraryVersion();

  // The file. The header says 1.4, as PDF/A-1 asks. Nullopt after any failure.
  std::optional<std::string> Save();

 private:
  struct Doc;
  std::unique_ptr<Doc> doc_;
};

// The version of the library this wraps, for `kansli --version`.
std::string LibharuVersion();
}  // namespace kansli::pdf
