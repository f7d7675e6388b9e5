#pragma once

#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "document/new_document.h"
#include "source/source_tree.h"

namespace kansli {

// `kansli new`: writes a new draft (NewDocumentText) into the site's content folder, beside
// the documents of its organisation, and returns its path relative to the site. The id is
// fields.id, or made from the title (IdFromTitle). Never overwrites: an id that a document
// has, or a file that exists, is an error and nothing is written.
std::optional<std::string> CreateDocument(SourceTree& tree, NewDocumentFields fields,
                                          Diagnostics& diags);

}  // namespace kansli
