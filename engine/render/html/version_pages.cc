#include "render/html/version_pages.h"

#include <nlohmann/json.hpp>

#include "document/lifecycle.h"
#include "render/html/body_html.h"
#include "render/html/document_view.h"
#include "render/html/site_view.h"
#include "render/html/version_diff.h"

namespace kansli {
namespace {

using html::TemplateData;

// An earlier version seen as a document, for the body and metadata renderers. Its id is
// left empty: the scripts' links were made for the current text's [[links]], and a slot of
// an old text may mean another link, so an old text's links show as plain text.
SiteDocument ArchivedView(const SiteDocument& doc, const ParsedDocument& parsed,
                          const OfficialVersion& version) {
  SiteDocument view{.parsed = &parsed, .title = version.published.title,
                    .type_label = doc.type_label, .url = doc.url};
  view.status = version.status;
  view.version = version.version;
  return view;
}

std::string Banner(const SiteText& text, const std::vector<OfficialVersion>& versions,
                   const OfficialVersion& version) {
  const std::string from = version.published.valid_from.empty() ? text.Get("site.none")
                                                                : version.published.valid_from;
  if (version.status == Status::kInForce) {
    return text.Format("history.banner_current", {{"version", version.version.text()}});
  }
  const OfficialVersion& newest = versions.back();
  if (newest.status == Status::kInForce) {
    return text.Format("history.banner_old", {{"version", version.version.text()},
                                              {"from", from},
                                              {"to", version.valid_to},
                                              {"current", newest.version.text()}});
  }
  return text.Format("history.banner_ended",
                     {{"version", version.version.text()},
                      {"from", from},
                      {"to", version.valid_to.empty() ? text.Get("site.none") : version.valid_to}});
}

OutputFile VersionPage(const SiteGraph& site, const SiteHistory& history, const SiteDocument& doc,
                       const SiteDocument& shown, const markdown::Body& body,
                       const OfficialVersion& version, bool has_previous,
                       const HtmlTheme& theme, Diagnostics& diags) {
  const SiteText& text = site.config().text;
  const std::vector<OfficialVersion>& versions = history.Versions(doc.id);
  const std::string title = text.Format(
      "history.version_title", {{"title", shown.title}, {"version", version.version.text()}});
  TemplateData view = html::SiteView(site, "../../", title);
  view.set("title", shown.title);
  view.set("version", version.version.text());
  view.set("type_label", doc.type_label);
  if (std::string organisation = shown.meta().Value("organisation"); !organisation.empty()) {
    view.set("organisation", organisation);
  }
  view.set("banner", Banner(text, versions, version));
  view.set("banner_current", version.status == Status::kInForce);
  view.set("doc_href", "../index.html");
  view.set("pdf_href", "../../../" + OfficialPdfPath(version));
  view.set("pdf_sha256", version.published.pdf_sha256);
  view.set("pdf_bytes", std::to_string(version.published.pdf_bytes));
  view.set("pdf_size", html::ByteSize(static_cast<size_t>(version.published.pdf_bytes),
                                      text.Get("format.decimal_mark")));
  view.set("published", version.published_at.Display());
  view.set("metadata", html::MetadataView(site, shown, "../../"));
  view.set("body", html::RenderBodyHtml(site, shown, body, "../../"));
  // An old version of a decision is the extract from the minutes it was: its own head and
  // recipients, as archived.
  if (IsDecision(shown.meta())) view.set("protocol", html::ProtocolView(site, shown));
  if (has_previous) view.set("changes_href", "andringar/index.html");
  if (auto table = html::VersionsView(site, history, doc, "../", "../../", &version)) {
    view.set("versions", *table);
  }
  return {"html/" + doc.id + "/v" + version.published.version + "/index.html",
          html::RenderTemplate(theme, theme.Page("version"), view, diags)};
}

OutputFile ChangesPage(const SiteGraph& site, const SiteDocument& doc,
                       const markdown::Body& before, const OfficialVersion& previous,
                       const markdown::Body& after, const OfficialVersion& version,
                       const HtmlTheme& theme, Diagnostics& diags) {
  const SiteText& text = site.config().text;
  const html::VersionDiff diff = html::RenderVersionDiff(before, after);
  const std::string title = text.Format(
      "history.changes_title",
      {{"title", version.published.title}, {"version", version.version.text()}});
  TemplateData view = html::SiteView(site, "../../../", title);
  view.set("title", title);
  view.set("lead", text.Format("history.changes_lead", {{"version", version.version.text()},
                                                        {"previous", previous.version.text()}}));
  if (diff.stats.changed_blocks == 0) {
    view.set("no_changes", text.Get("history.no_changes"));
  } else {
    view.set("stats", text.Format("history.stats",
                                  {{"inserted", std::to_string(diff.stats.inserted_words)},
                                   {"deleted", std::to_string(diff.stats.deleted_words)},
                                   {"blocks", std::to_string(diff.stats.changed_blocks)}}));
  }
  view.set("body", diff.html);
  view.set("version", version.version.text());
  view.set("previous", previous.version.text());
  view.set("version_href", "../index.html");
  view.set("previous_href", "../../v" + previous.published.version + "/index.html");
  view.set("doc_href", "../../index.html");
  view.set("doc_title", doc.title);
  return {"html/" + doc.id + "/v" + version.published.version + "/andringar/index.html",
          html::RenderTemplate(theme, theme.Page("changes"), view, diags)};
}

}  // namespace

std::vector<OutputFile> RenderVersionPages(const SiteGraph& site, const SiteHistory& history,
                                           size_t index, const markdown::Body& body,
                                           const HtmlTheme& theme, Diagnostics& diags) {
  std::vector<OutputFile> files;
  const SiteDocument& doc = site.documents()[index];
  const std::vector<OfficialVersion>& versions = history.Versions(doc.id);
  const markdown::Body* previous_text = nullptr;
  for (size_t n = 0; n < versions.size(); ++n) {
    const OfficialVersion& version = versions[n];
    // The version in content/ is the live document; the others are archived sources.
    const bool live = &version == history.State(index).official;
    const ParsedDocument* parsed = live ? nullptr : history.Archived(doc.id, version.version);
    if (!live && parsed == nullptr) continue;  // reported as archive-mismatch when checked
    const markdown::Body& text = live ? body : parsed->body;
    const SiteDocument archived = live ? SiteDocument{} : ArchivedView(doc, *parsed, version);
    const SiteDocument& shown = live ? doc : archived;
    files.push_back(VersionPage(site, history, doc, shown, text, version, n > 0, theme, diags));
    if (n > 0 && previous_text != nullptr) {
      files.push_back(ChangesPage(site, doc, *previous_text, versions[n - 1], text, version,
                                  theme, diags));
    }
    previous_text = &text;
  }
  return files;
}

std::vector<OutputFile> RenderVerifyPage(const SiteGraph& site, const SiteHistory& history,
                                         const HtmlTheme& theme, Diagnostics& diags) {
  const SiteText& text = site.config().text;
  const Ledger& ledger = history.ledger();
  using Json = nlohmann::json;
  Json pdfs = Json::object();
  Json titles = Json::object();
  for (const auto& [id, versions] : history.timeline()) {
    const SiteDocument* doc = site.Find(id);
    const std::string doc_href = doc != nullptr ? html::DocumentHref("../", *doc) : "";
    std::string current;
    for (const OfficialVersion& v : versions) {
      if (v.status == Status::kInForce) current = v.version.text();
    }
    for (const OfficialVersion& v : versions) {
      const LedgerRecord& r = v.published;
      pdfs[r.pdf_sha256] = {
          {"id", id},
          {"title", r.title},
          {"version", v.version.text()},
          {"status", std::string(StatusName(v.status))},
          {"status_label", text.Get("status." + std::string(StatusName(v.status)))},
          {"published", v.published_at.Display()},
          {"valid_from", r.valid_from},
          {"valid_to", v.valid_to},
          {"current", v.status == Status::kInForce},
          {"current_version", current},
          {"replaced_by", v.replaced_by},
          {"current_href", doc_href},
          {"href", doc != nullptr ? "../" + id + "/v" + r.version + "/index.html" : ""},
          {"pdf_href", "../../" + OfficialPdfPath(v)},
          {"bytes", r.pdf_bytes}};
      titles[r.title] = {{"id", id}, {"current_version", current}, {"href", doc_href}};
    }
  }
  Json data{{"head", ledger.records.empty() ? "" : ledger.Head()},
            {"records", ledger.records.size()},
            {"pdfs", pdfs},
            {"titles", titles}};
  std::string json = data.dump(1, '\t', false, Json::error_handler_t::replace);
  // "<\/" is the same string in JSON, and keeps the data inert if it is ever inlined.
  for (size_t at = json.find("</"); at != std::string::npos; at = json.find("</", at + 3)) {
    json.replace(at, 2, "<\\/");
  }
  std::string js = "// The official PDFs of the ledger, by SHA-256: written by kansli.\n"
                   "window.kansliLedger = " + json + ";\n";
  std::string copy = ledger.records.empty() ? "" : std::string(kLedgerHeader) + "\n";
  for (const LedgerRecord& record : ledger.records) copy += RecordLine(record);

  TemplateData view = html::SiteView(site, "../", text.Get("verify.title"));
  if (!ledger.records.empty()) {
    view.set("ledger_head", ledger.Head());
    view.set("ledger_records", std::to_string(ledger.records.size()));
    view.set("ledger_published",
             Instant::Parse(ledger.records.back().time).value_or(Instant{}).Display());
  }
  return {{"html/verifiera/index.html", html::RenderTemplate(theme, theme.Page("verify"), view, diags)},
          {"html/verifiera/ledger.js", std::move(js)},
          {"html/verifiera/ledger.jsonl", std::move(copy)}};
}

}  // namespace kansli
