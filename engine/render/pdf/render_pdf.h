// The official PDF of one document: the pipeline's entry point into render/pdf.
#pragma once

#include <filesystem>
#include <optional>

#include "diag/diagnostics.h"
#include "site/output_file.h"
#include "ledger/version_timeline.h"
#include "site/site_graph.h"

namespace kansli {

struct RenderedPdf {
  OutputFile file;
  int pages = 0;
};

// Lays out `doc` with the metrics of the fonts in site.config().pdf (paths relative to
// site_root unless absolute) and writes it as "pdf/<id>.pdf". Reports font-missing at the
// `pdf:` settings of kansli.yaml for a font file that does not exist or cannot be loaded, and
// pdf-error if libharu fails; returns nullopt then. Each call has its own libharu document,
// so calls for different documents may run on different threads at once.
// A character no face has is a glyph-missing warning in a draft and an error (no PDF) in a
// decided document. `official` are the document's official versions, listed in the metadata
// panel when older. `body` is the document's, tree and all (ParseTree).
std::optional<RenderedPdf> RenderPdf(const SiteGraph& site, const SiteDocument& doc,
                                    const markdown::Body& body,
                                    const std::filesystem::path& site_root, Diagnostics& diags,
                                    const std::vector<OfficialVersion>& official = {});

}  // namespace kansli
