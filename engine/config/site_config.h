// config/ owns the site settings read from kansli.yaml: document types and the fields each
// requires, folders, scripts, the intranet base URL and PDF settings.
#pragma once

#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "config/site_field.h"
#include "config/site_text.h"
#include "diag/diagnostics.h"
#include "source/source_file.h"
#include "source/source_tree.h"

namespace kansli {

struct DocumentType {
  std::string name;   // "policy", as written in front matter
  std::string label;  // "Policy", as shown to readers
  std::vector<std::string> required;
  std::vector<std::string> required_when_in_force;  // only when status is gällande
  // The bodies that may adopt a document of this type ("Kommunfullmäktige"); empty: any.
  std::vector<std::string> adopted_by;
};

// How one organisation writes its diary numbers: a diary_number of its documents must match
// one of the patterns (ECMAScript regular expressions, matched against the whole number).
struct DiaryNumberRule {
  std::string organisation;
  std::vector<std::string> patterns;
  std::vector<std::regex> compiled;  // patterns[i], compiled when kansli.yaml was read
};

struct PdfSettings {
  // Font files, absolute or relative to the site root.
  std::string font_regular = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
  std::string font_bold = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf";
  std::string font_italic = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf";
  std::string font_bold_italic =
      "/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf";
  std::string font_mono = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf";
  double font_size = 11;    // points
  double margin_mm = 25;    // all four sides
  // Body text is "justify" or "ragged" (ragged right), and hyphenated (Swedish) or not.
  std::string align = "justify";
  bool hyphenate = true;
  // A contents list follows the title block when the body has more than toc_headings
  // headings; it lists toc_depth levels below the document's top heading level (1 to 3).
  int toc_headings = 5;
  int toc_depth = 2;
  SourcePos pos;            // where `pdf:` is
  std::map<std::string, SourcePos> positions;  // where each setting is written, by name

  // Where a setting ("font_bold") is written in kansli.yaml; `pos` if it is not written there.
  SourcePos PosOf(std::string_view setting) const;
};

struct SiteConfig {
  std::string name = "Styrdokument";
  std::string organisation;  // the site owner, shown in the page header
  std::string base_url;      // intranet URL of the published html/ folder, ends with '/'
  std::string language = "sv";  // picks layouts/text/<language>.yaml
  int review_window_days = 90;  // the review dashboard lists documents due this soon
  int register_page_size = 100;  // documents per page of the register
  std::string content_dir = "content";
  std::string layouts_dir = "layouts";
  std::string scripts_dir = "scripts";
  std::string output_dir = "output";
  // The official versions and the ledger that records them; committed with the content.
  std::string archive_dir = "archive";
  std::vector<std::string> scripts;  // run in order, paths relative to the site root
  double script_seconds = 30;        // wall-clock limit for each script
  std::vector<std::string> required;
  std::vector<std::string> required_when_in_force;
  std::vector<DocumentType> types;
  std::vector<DiaryNumberRule> diary_numbers;  // organisations not listed may write any
  std::vector<SiteField> fields;  // the site's own front-matter fields, as declared
  PdfSettings pdf;
  SiteText text;  // from TextPath(), loaded by the caller of LoadSiteConfig

  // "layouts/text/sv.yaml": where the words readers see are kept.
  std::string TextPath() const;
  // The path part of base_url, "/styrdokument/": root-relative links (the 404 page) and the
  // preview server use it.
  std::string BasePath() const;

  const DocumentType* FindType(std::string_view name) const;
  const DiaryNumberRule* DiaryNumbersOf(std::string_view organisation) const;
  std::vector<std::string> TypeNames() const;
  const SiteField* FindField(std::string_view name) const;
  std::vector<std::string> FieldNames() const;  // of the site's own fields
};

// Reports config-error at the offending kansli.yaml line for anything it cannot use.
std::optional<SiteConfig> LoadSiteConfig(const SourceFile& file, Diagnostics& diags);

// kansli.yaml of the tree and the texts it names: what a build starts from.
std::optional<SiteConfig> LoadSiteConfig(SourceTree& tree, Diagnostics& diags);

// Reads config.TextPath() from the tree into config.text; false (with config-error) if the
// file is missing or incomplete.
bool LoadSiteText(SourceTree& tree, SiteConfig& config, Diagnostics& diags);

// The version of the library this wraps, for `kansli --version`.
std::string YamlCppVersion();

}  // namespace kansli
