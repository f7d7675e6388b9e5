// A document's page, html/<id>/index.html: header with status banners and the official PDF
// with its SHA-256, the metadata box, relations both ways with a small graph, the contents
// list and the body.
#include <utility>
#include <vector>

#include "document/lifecycle.h"
#include "render/html/body_html.h"
#include "render/html/document_view.h"
#include "render/html/html_site.h"
#include "render/html/relation_graph_view.h"
#include "render/html/site_view.h"

namespace kansli {
namespace html {
namespace {
using html::TemplateList;

constexpr char kRoot[] = "../";

// The metadata box, in the order a reader checks a governing document: what it is, whether
// it is in force, who decided it, how long it holds, and who answers for it.
constexpr const char* kMetadataFields[] = {
    "type",    "organisation", "status", "version", "adopted_by",   "adopted_date",    "meeting_date",
    "paragraph", "valid_from", "revised", "review_by", "owner", "author", "diary_number",
    "document_number", "tags",
};

TemplateData Value(const std::string& text, const std::string& href = "") {
  TemplateData value;
  value.set("text", text);
  if (!href.empty()) value.set("href", href);
  return value;
}

// Each value; organisation, type and tags link to their listing pages.
TemplateList FieldValues(const SiteGraph& site, const SiteDocument& doc, const std::string& field,
                         const std::string& root) {
  using html::Listing;
  TemplateList values;
  if (field == "type") {
    values.push_back(Value(doc.type_label, root + html::ListingFolder(Listing::Kind::kType,
                                                                       doc.meta().Value("type")) +
                                               "index.html"));
  } else if (field == "tags") {
    for (const auto& tag : doc.meta().tags) {
      values.push_back(
          Value(tag.value, root + html::ListingFolder(Listing::Kind::kTag, tag.value) + "index.html"));
    }
  } else if (field == "organisation") {
    const std::string name = doc.meta().Value(field);
    if (!name.empty()) {
      values.push_back(
          Value(name, root + html::ListingFolder(Listing::Kind::kOrganisation, name) + "index.html"));
    }
  } else if (field == "status") {
    if (doc.status) {
      values.push_back(Value(site.config().text.Get("status." + std::string(StatusName(*doc.status)))));
    }
  } else if (field == "paragraph") {
    if (std::string paragraph = ParagraphNumber(doc.meta()); !paragraph.empty()) {
      values.push_back(
          Value(site.config().text.Format("protocol.paragraph", {{"paragraph", paragraph}})));
    }
  } else if (std::string value = doc.meta().Value(field); !value.empty()) {
    values.push_back(Value(value));
  }
  return values;
}

}  // namespace

TemplateData ProtocolView(const SiteGraph& site, const SiteDocument& doc) {
  const SiteText& text = site.config().text;
  const FrontMatter& meta = doc.meta();
  TemplateData protocol;
  auto set = [&](const char* key, const std::string& value) {
    if (!value.empty()) protocol.set(key, value);
  };
  set("protocol_body", meta.Value("adopted_by"));
  set("protocol_date", meta.Value("meeting_date"));
  if (std::string paragraph = ParagraphNumber(meta); !paragraph.empty()) {
    set("protocol_paragraph", text.Format("protocol.paragraph", {{"paragraph", paragraph}}));
  }
  set("protocol_diary_number", meta.Value("diary_number"));
  TemplateList recipients;
  for (const Spanned<std::string>& recipient : meta.send_to) {
    if (!recipient.value.empty()) recipients.push_back(Value(recipient.value));
  }
  if (!recipients.empty()) {
    TemplateData send_to;
    send_to.set("recipients", recipients);
    protocol.set("protocol_send_to", send_to);
  }
  return protocol;
}

TemplateList MetadataView(const SiteGraph& site, const SiteDocument& doc, const std::string& root) {
  TemplateList rows;
  auto add = [&](const std::string& field, const TemplateList& values) {
    if (values.empty()) return;
    TemplateData row;
    row.set("field", field);
    row.set("label", site.config().text.Field(field));
    row.set("values", values);
    rows.push_back(row);
  };
  for (const char* field : kMetadataFields) {
    if (std::string_view(field) == "tags") {
      // The site's own fields, in the order kansli.yaml declares them, before the tags.
      for (const SiteField& declared : site.config().fields) {
        const SiteFieldValue* value = doc.meta().SiteField(declared.name);
        if (!declared.on_page || value == nullptr || !doc.meta().Has(declared.name)) continue;
        TemplateList values;
        if (declared.kind == SiteFieldKind::kList) {
          for (const auto& item : value->items) values.push_back(Value(item.value));
        } else {
          values.push_back(Value(doc.meta().Value(declared.name)));
        }
        add(declared.name, values);
      }
    }
    add(field, FieldValues(site, doc, field, root));
  }
  return rows;
}

namespace {

TemplateData LinkView(const SiteDocument& other) {
  TemplateData link;
  link.set("href", html::DocumentHref(kRoot, other));
  link.set("title", other.title);
  link.set("type_label", other.type_label);
  return link;
}

// Consecutive relations with the same label share one line: "Verkställs av: A, B".
TemplateList RelationGroups(const SiteDocument& doc) {
  std::vector<std::pair<std::string, TemplateList>> groups;
  for (const RelationLink& relation : doc.relations) {
    if (groups.empty() || groups.back().first != relation.label) {
      groups.emplace_back(relation.label, TemplateList());
    }
    groups.back().second.push_back(LinkView(*relation.other));
  }
  TemplateList list;
  for (auto& [label, links] : groups) {
    TemplateData group;
    group.set("label", label);
    group.set("links", links);
    list.push_back(group);
  }
  return list;
}

// The body's sections and their subsections, when there are enough to be worth a list.
TemplateList ContentsView(const SiteDocument& doc) {
  const markdown::Body& body = doc.body();
  const int shift = html::HeadingShift(body);
  TemplateList items;
  std::vector<TemplateData> pending;  // the open section and its subsections
  TemplateList subsections;
  auto close_section = [&] {
    if (pending.empty()) return;
    if (!subsections.empty()) {
      TemplateData nested;
      nested.set("items", subsections);
      pending.back().set("subsections", nested);
    }
    items.push_back(pending.back());
    pending.clear();
    subsections = TemplateList();
  };
  for (const markdown::Heading& heading : body.headings) {
    const int level = html::ShiftedLevel(heading.level, shift);
    if (heading.anchor.empty() || level > 3) continue;
    TemplateData item;
    item.set("href", "#" + heading.anchor);
    item.set("text", heading.text);
    if (level == 2 || pending.empty()) {
      close_section();
      pending.push_back(item);
    } else {
      subsections.push_back(item);
    }
  }
  close_section();
  return items.size() >= 2 ? items : TemplateList();
}

void SetStatus(TemplateData& view, const SiteGraph& site, const SiteDocument& doc) {
  view.set("status_draft", doc.status == Status::kDraft);
  view.set("status_repealed", doc.status == Status::kRepealed);
  view.set("status_superseded", doc.status == Status::kSuperseded);
  TemplateList superseded_by;
  for (const RelationLink& relation : doc.relations) {
    if (relation.kind == RelationKind::kSupersedes && !relation.outgoing) {
      superseded_by.push_back(LinkView(*relation.other));
    }
  }
  if (!superseded_by.empty()) view.set("superseded_by", superseded_by);
  if (doc.overdue) {
    view.set("overdue_banner", site.config().text.Format(
                                   "document.overdue_banner",
                                   {{"date", doc.meta().Value("review_by")}}));
  }
}

}  // namespace
}  // namespace html

using html::ContentsView;
using html::kRoot;
using html::RelationGroups;
using html::SetStatus;
using html::TemplateData;
using html::TemplateList;

OutputFile RenderDocumentPage(const SiteGraph& site, const SiteDocument& doc,
                              const markdown::Body& body, const PdfFacts& pdf,
                              const HtmlTheme& theme, Diagnostics& diags,
                              const SiteHistory* history) {
  TemplateData view = html::SiteView(site, kRoot, doc.title);
  view.set("id", doc.id);
  view.set("title", doc.title);
  view.set("type_label", doc.type_label);
  if (std::string organisation = doc.meta().Value("organisation"); !organisation.empty()) {
    view.set("organisation", organisation);
  }
  view.set("url", doc.url);
  view.set("pdf_href", std::string(kRoot) + "../" + (pdf.path.empty() ? doc.pdf_path : pdf.path));
  view.set("pdf_sha256", pdf.sha256);
  view.set("pdf_size", html::ByteSize(pdf.bytes, site.config().text.Get("format.decimal_mark")));
  view.set("pdf_bytes", std::to_string(pdf.bytes));
  view.set("metadata", html::MetadataView(site, doc, html::kRoot));
  view.set("body", html::RenderBodyHtml(site, doc, body));
  if (IsDecision(doc.meta())) view.set("protocol", html::ProtocolView(site, doc));
  SetStatus(view, site, doc);
  if (TemplateList groups = RelationGroups(doc); !groups.empty()) {
    TemplateData relations;
    relations.set("groups", groups);
    if (std::optional<std::string> svg = html::DocumentGraphSvg(site, doc, diags)) {
      relations.set("graph_svg", *svg);
    }
    view.set("relations", relations);
  }
  if (TemplateList items = ContentsView(doc); !items.empty()) {
    TemplateData contents;
    contents.set("items", items);
    view.set("contents", contents);
  }
  if (history != nullptr) {
    // A draft of a new version does not end the one in force: the banner says which it is.
    const size_t index = &doc - site.documents().data();
    if (const OfficialVersion* behind = history->InForceBehindDraft(index)) {
      TemplateData in_force;
      in_force.set("href", "v" + behind->published.version + "/index.html");
      in_force.set("text", site.config().text.Format("document.in_force_version",
                                                     {{"version", behind->version.text()}}));
      view.set("in_force_version", in_force);
    }
    if (std::optional<TemplateData> versions = html::VersionsView(site, *history, doc, "", kRoot)) {
      view.set("versions", *versions);
    }
  }
  return {doc.html_path, html::RenderTemplate(theme, theme.Page("document"), view, diags)};
}

}  // namespace kansli
