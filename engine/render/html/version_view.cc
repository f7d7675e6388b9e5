// The table of a document's official versions (document_view.h).
#include "render/html/document_view.h"
#include "render/html/site_view.h"

namespace kansli::html {

std::string InForceText(const SiteText& text, const OfficialVersion& version) {
  // A date the document does not give is shown as not given, never guessed.
  const std::string from = version.published.valid_from.empty() ? text.Get("site.none")
                                                                : version.published.valid_from;
  if (version.valid_to.empty() && version.status != Status::kInForce) return from;
  if (version.valid_to.empty()) return text.Format("history.from", {{"from", from}});
  return text.Format("history.range", {{"from", from}, {"to", version.valid_to}});
}

std::optional<TemplateData> VersionsView(const SiteGraph& site, const SiteHistory& history,
                                         const SiteDocument& doc, const std::string& to_doc,
                                         const std::string& root, const OfficialVersion* shown) {
  const std::vector<OfficialVersion>& versions = history.Versions(doc.id);
  if (versions.empty()) return std::nullopt;
  const SiteText& text = site.config().text;
  TemplateList rows;
  // Newest first: the version a reader most likely wants is on top.
  for (size_t n = versions.size(); n-- > 0;) {
    const OfficialVersion& version = versions[n];
    const LedgerRecord& record = version.published;
    const std::string folder = to_doc + "v" + record.version + "/";
    TemplateData row;
    row.set("version", version.version.text());
    row.set("href", folder + "index.html");
    row.set("in_force", InForceText(text, version));
    row.set("status_label", text.Get("status." + std::string(StatusName(version.status))));
    row.set("current", version.status == Status::kInForce);
    row.set("shown", &version == shown);
    if (!record.adopted_by.empty()) row.set("adopted_by", record.adopted_by);
    if (const SiteDocument* decision = site.Find(record.adopted_in)) {
      row.set("decision_href", DocumentHref(root, *decision));
      row.set("decision_title", decision->title);
    }
    row.set("published", version.published_at.Display());
    row.set("published_time", record.time);
    row.set("pdf_href", root + "../" + OfficialPdfPath(version));
    row.set("pdf_label", text.Format("history.pdf_link", {{"version", version.version.text()}}));
    row.set("pdf_sha256", record.pdf_sha256);
    row.set("pdf_size", ByteSize(static_cast<size_t>(record.pdf_bytes),
                                 text.Get("format.decimal_mark")));
    if (n > 0) {
      row.set("changes_href", folder + "andringar/index.html");
      row.set("changes_label",
              text.Format("history.changes_link", {{"version", version.version.text()}}));
    } else {
      row.set("first", text.Get("history.first"));
    }
    rows.push_back(row);
  }
  TemplateData view;
  view.set("rows", rows);
  if (doc.version && doc.status && IsDecided(*doc.status) &&
      FindVersion(history.timeline(), doc.id, *doc.version) == nullptr) {
    view.set("not_recorded",
             text.Format("history.not_recorded", {{"version", doc.version->text()}}));
  }
  return view;
}

}  // namespace kansli::html
