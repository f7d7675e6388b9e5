// document/ owns one content file as a document: the front matter split from the body and
// typed field by field, each field remembering where in the file it was written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "source/source_file.h"

namespace kansli {

template <typename T>
struct Spanned {
  T value;
  SourcePos pos;  // where the value (not the key) is written
};

using TextField = std::optional<Spanned<std::string>>;
using ListField = std::vector<Spanned<std::string>>;

// A value of a field the site declares in kansli.yaml (`fields:`), kept as written: one item
// for "galler_for: Alla", one per item for a list; validate/ checks it against its kind.
struct SiteFieldValue {
  std::string name;
  SourcePos key_pos;  // where its name is written
  ListField items;    // empty for "galler_for:" with nothing after it
  bool written_as_list = false;
};

// The typed front matter. Values are kept as written; validate/ decides whether a date or
// a version is well-formed, so that every problem is reported with its position.
struct FrontMatter {
  SourcePos pos;  // line 1 of the file
  TextField id, title, type, organisation, version, status;
  TextField valid_from, revised, review_by, adopted_by, adopted_date;
  TextField author, owner, diary_number, document_number, adopted_in;
  // A decision's (type beslut): when and in which paragraph of the minutes it was taken.
  TextField meeting_date, paragraph;
  ListField implements, supersedes, tags;
  // A decision's: the documents it adopts, and who the protocol extract is sent to.
  ListField adopts, send_to;
  std::vector<SiteFieldValue> site_fields;  // in the order written

  // A text field by its front-matter name; null for list fields and unknown names.
  const TextField* Text(std::string_view name) const;
  const ListField* List(std::string_view name) const;
  const SiteFieldValue* SiteField(std::string_view name) const;
  // True if the field is given and not empty (a list with at least one item).
  bool Has(std::string_view name) const;
  // "" when absent; a list's items joined by ", ".
  std::string Value(std::string_view name) const;
};

// Every field name kansli knows, in the order the README documents them.
const std::vector<std::string>& FrontMatterFieldNames();

struct FrontMatterSplit {
  std::string_view yaml;
  int yaml_first_line = 2;
  std::string_view body;
  int body_first_line = 1;
};

std::optional<FrontMatterSplit> SplitFrontMatter(const SourceFile& file, Diagnostics& diags);

// Reports malformed-yaml, wrong-field-type, unknown-field and duplicate-field. `site_fields`
// are the names kansli.yaml declares under `fields:`; any other name kansli does not know is
// an unknown-field.
std::optional<FrontMatter> ParseFrontMatter(const SourceFile& file, const FrontMatterSplit& split,
                                            Diagnostics& diags,
                                            const std::vector<std::string>& site_fields = {});

}  // namespace kansli
