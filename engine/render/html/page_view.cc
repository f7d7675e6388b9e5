#include "render/html/page_view.h"

#include <utility>
#include <vector>

#include "document/field_labels.h"
#include "render/html/body_html.h"

namespace kansli::html {
namespace {

// The metadata box, in the order a reader checks a governing document: what it is, whether
// it is in force, who decided it, how long it holds, and who answers for it.
constexpr const char* kMetadataFields[] = {
    "type",    "organisation", "status", "version", "adopted_by",   "adopted_date",    "valid_from",
    "revised", "review_by",    "owner",  "author",  "diary_number", "document_number",
};

void SetIf(TemplateData& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

// Values every page shows in its header; `root` leads from the page to html/.
TemplateData SiteView(const SiteGraph& site, const std::string& root) {
  TemplateData view;
  view.set("site_name", site.config().name);
  SetIf(view, "site_organisation", site.config().organisation);
  view.set("home_href", root + "index.html");
  view.set("css_href", root + "assets/kansli.css");
  view.set("feed_href", root + "feed.xml");
  // {{labels.owner}}: the Swedish field names live in document/field_labels, not in templates.
  TemplateData labels;
  for (const std::string& field : FrontMatterFieldNames()) {
    labels.set(field, std::string(FieldLabel(field)));
  }
  view.set("labels", labels);
  return view;
}

std::string FieldValue(const SiteDocument& doc, const std::string& field) {
  if (field == "type") return doc.type_label;
  if (field == "tags") {
    std::string joined;
    for (const auto& tag : doc.meta().tags) joined += (joined.empty() ? "" : ", ") + tag.value;
    return joined;
  }
  return doc.meta().Value(field);
}

TemplateList MetadataView(const SiteDocument& doc) {
  TemplateList rows;
  for (const char* field : kMetadataFields) {
    std::string value = FieldValue(doc, field);
    if (value.empty()) continue;
    TemplateData row;
    row.set("field", field);
    row.set("label", std::string(FieldLabel(field)));
    row.set("value", value);
    rows.push_back(row);
  }
  return rows;
}

TemplateData LinkView(const SiteDocument& other) {
  TemplateData link;
  link.set("href", PageHref(other));
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

// The body's top-level sections, when there are enough of them to be worth a contents list.
TemplateList ContentsView(const SiteDocument& doc) {
  const markdown::Body& body = doc.body();
  int shift = HeadingShift(body);
  TemplateList items;
  for (const markdown::Heading& heading : body.headings) {
    if (ShiftedLevel(heading.level, shift) != 2 || heading.anchor.empty()) continue;
    TemplateData item;
    item.set("href", "#" + heading.anchor);
    item.set("text", heading.text);
    items.push_back(item);
  }
  return items.size() >= 2 ? items : TemplateList();
}

}  // namespace

TemplateData DocumentPageView(const SiteGraph& site, const SiteDocument& doc,
                              std::string body_html) {
  TemplateData view = SiteView(site, "../");
  view.set("page_title", doc.title + " – " + site.config().name);
  view.set("id", doc.id);
  view.set("title", doc.title);
  view.set("type_label", doc.type_label);
  SetIf(view, "organisation", doc.meta().Value("organisation"));
  view.set("url", doc.url);
  view.set("pdf_href", "../../" + doc.pdf_path);
  view.set("metadata", MetadataView(doc));
  view.set("body", std::move(body_html));

  const std::string status = doc.meta().Value("status");
  view.set("status_draft", status == "utkast");
  view.set("status_repealed", status == "upphävd");
  view.set("status_superseded", status == "ersatt");
  TemplateList superseded_by;
  for (const RelationLink& relation : doc.relations) {
    if (relation.kind == RelationKind::kSupersedes && !relation.outgoing) {
      superseded_by.push_back(LinkView(*relation.other));
    }
  }
  if (!superseded_by.empty()) view.set("superseded_by", superseded_by);
  if (doc.overdue) {
    TemplateData overdue;
    overdue.set("review_by", doc.meta().Value("review_by"));
    view.set("overdue", overdue);
  }
  if (TemplateList groups = RelationGroups(doc); !groups.empty()) {
    TemplateData relations;
    relations.set("groups", groups);
    view.set("relations", relations);
  }
  if (TemplateList items = ContentsView(doc); !items.empty()) {
    TemplateData contents;
    contents.set("items", items);
    view.set("contents", contents);
  }
  return view;
}

TemplateData RegisterView(const SiteGraph& site) {
  TemplateData view = SiteView(site, "");
  view.set("page_title", site.config().name);
  TemplateList rows;
  int overdue = 0;
  for (const SiteDocument* doc : site.Register()) {
    TemplateData row;
    row.set("href", doc->id + "/index.html");
    row.set("pdf_href", "../" + doc->pdf_path);
    row.set("title", doc->title);
    row.set("type_label", doc->type_label);
    for (const char* field :
         {"organisation", "version", "status", "owner", "valid_from", "review_by"}) {
      SetIf(row, field, doc->meta().Value(field));
    }
    row.set("overdue", doc->overdue);
    rows.push_back(row);
    overdue += doc->overdue ? 1 : 0;
  }
  view.set("document_count", std::to_string(rows.size()));
  view.set("documents", rows);
  if (overdue > 0) view.set("overdue_count", std::to_string(overdue));
  return view;
}

}  // namespace kansli::html
