#include "render/pdf/layout/title_block.h"

#include <algorithm>
#include <span>

#include "document/lifecycle.h"
#include "render/pdf/layout/table_row.h"

namespace kansli::pdf {
namespace {

// Lines of `spans` as boxes across [left, left + width], the content of element `tag`.
std::vector<VBox> Lines(const std::vector<Span>& spans, double left, double width,
                        const FontMetrics& metrics, const PageStyle& style, int tag) {
  std::vector<VBox> boxes;
  for (const Line& line : BreakLines(spans, width, metrics)) {
    boxes.push_back(LineBox(line, left, width, markdown::Align::kNone, style, tag));
  }
  return boxes;
}

// Two Ps: `left` wrapped in the column's left part, `right` set flush right on its first line
// (the organisation and the document type; the body and the meeting date). A `right` wider
// than half the column (a long diary number) gets lines of its own below instead.
std::vector<VBox> SplitRow(const std::string& left_text, const SpanStyle& left_style,
                           const std::string& right_text, const SpanStyle& right_style,
                           const FontMetrics& metrics, const PageStyle& style,
                           Structure& structure) {
  const double left = style.body_left();
  const double width = style.body_width();
  const FontFace right_face = right_style.bold ? FontFace::kBold : FontFace::kRegular;
  const double right_width = metrics.Width(right_face, right_style.size, right_text);
  const int tag = structure.Add(StructRole::kP, Structure::kDocument);
  // The right-hand text is a paragraph of its own: in one, a screen reader ran the two
  // together ("Ljungby kommunProtokollsutdrag").
  const int right_tag =
      right_text.empty() ? tag : structure.Add(StructRole::kP, Structure::kDocument);
  if (right_width > width / 2 - style.body_size) {
    std::vector<VBox> row = Lines(TextSpans(left_text, left_style), left, width, metrics, style, tag);
    for (VBox& line :
         Lines(TextSpans(right_text, right_style), left, width, metrics, style, right_tag)) {
      row.push_back(std::move(line));
    }
    return row;
  }
  std::vector<VBox> row =
      Lines(TextSpans(left_text, left_style), left,
            std::max(width - right_width - style.body_size, width * 0.5), metrics, style, tag);
  if (row.empty()) {
    row.push_back(VBox{.height = style.LineHeight(left_style.size),
                       .first_baseline = left_style.size});
  }
  if (!right_text.empty()) {
    row.front().items.push_back(TextRun{.face = right_face,
                                        .size = right_style.size,
                                        .x = left + width - right_width,
                                        .y = -row.front().first_baseline,
                                        .utf8 = right_text,
                                        .color = right_style.color,
                                        .tag = right_tag});
  }
  return row;
}

// "UTKAST – …" for a document that is not in force; empty when it is.
std::vector<Span> StatusNote(const SiteDocument& doc, const SiteText& text,
                             const PageStyle& style) {
  SpanStyle stamp{.bold = true, .size = style.body_size, .color = style.stamp};
  SpanStyle plain{.size = style.body_size, .color = style.text};
  std::vector<Span> spans;
  if (doc.status == Status::kDraft) {
    spans = {{stamp, text.Get("pdf.stamp_draft")}, {plain, text.Get("pdf.not_decided")}};
  } else if (doc.status == Status::kRepealed) {
    spans = {{stamp, text.Get("pdf.stamp_repealed")}, {plain, text.Get("pdf.no_longer_valid")}};
  } else if (doc.status == Status::kSuperseded) {
    spans = {{stamp, text.Get("pdf.stamp_superseded")},
             {plain, text.Get("pdf.no_longer_valid")}};
    for (const RelationLink& r : doc.relations) {
      if (r.kind != RelationKind::kSupersedes || r.outgoing) continue;
      SpanStyle link = plain;
      link.uri = r.other->url;
      link.color = style.link;
      spans.push_back({plain, text.Get("pdf.superseded_by")});
      spans.push_back({link, r.other->title});
      spans.push_back({plain, "."});
      break;
    }
  }
  return spans;
}

// Label and value share a baseline, so text extraction reads "Beslutad av Kommunstyrelsen".
// Two fields to a row; a value too wide for half a row (a long document id) gets a whole one.
// A table to a screen reader: a row of TH (its label, scope Row) and TD for each field,
// whether or not two fields share a line on the page.
std::vector<VBox> MetadataPanel(const std::vector<std::pair<std::string, std::string>>& fields,
                                const FontMetrics& metrics, const PageStyle& style,
                                Structure& structure) {
  const double body = style.body_size;
  const double left = style.body_left();
  const double width = style.body_width();
  const double pad = body * 0.6;  // left of each label and value
  SpanStyle label_style{.size = body * 0.88, .color = style.muted};
  SpanStyle value_style{.size = body * 0.88, .color = style.text};

  const double half = width / 2;
  double label_width = 0;
  for (const auto& field : fields) {
    label_width =
        std::max(label_width, metrics.Width(FontFace::kRegular, label_style.size, field.first));
  }
  label_width = std::min(label_width, half * 0.4);
  const double gap = body * 0.9;  // between a label and its value
  const double value_width = half - label_width - gap - 2 * pad;

  // Rows of field indexes, in field order.
  std::vector<std::vector<size_t>> rows;
  bool open_pair = false;
  for (size_t i = 0; i < fields.size(); ++i) {
    bool wide = metrics.Width(FontFace::kRegular, value_style.size, fields[i].second) > value_width;
    if (wide) {
      rows.push_back({i});
      open_pair = false;
    } else if (open_pair) {
      rows.back().push_back(i);
      open_pair = false;
    } else {
      rows.push_back({i});
      open_pair = true;
    }
  }

  std::vector<VBox> boxes;
  const int table = structure.Add(StructRole::kTable, Structure::kDocument);
  const int table_body = structure.Add(StructRole::kTBody, table);
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::vector<VBox>> cells;
    const bool alone = rows[r].size() == 1;
    for (size_t k = 0; k < rows[r].size(); ++k) {
      const auto& [label, value] = fields[rows[r][k]];
      double x = left + pad + half * static_cast<double>(k);
      double room = alone ? width - label_width - gap - 2 * pad : value_width;
      const int row = structure.Add(StructRole::kTR, table_body);
      const int header = structure.Add(StructRole::kTH, row);
      structure[header].scope = HeaderScope::kRow;
      const int data = structure.Add(StructRole::kTD, row);
      cells.push_back(
          Lines(TextSpans(label, label_style), x, label_width, metrics, style, header));
      cells.push_back(Lines(TextSpans(value, value_style), x + label_width + gap, room, metrics,
                            style, data));
    }
    const bool first_row = r == 0;
    const bool last_row = r + 1 == rows.size();
    RowStyle row{.left = left,
                 .right = left + width,
                 .padding_top = body * (first_row ? 0.6 : 0.1),
                 .padding_bottom = body * (last_row ? 0.6 : 0.1),
                 .background = style.panel};
    if (first_row) row.rule_above = Rule{.width = 0.8, .color = style.accent};
    if (last_row) row.rule_below = Rule{.width = 0.8, .color = style.accent};
    for (VBox& part : StackRow(cells, row, style.body_height() * 0.5)) {
      part.space_before = boxes.empty() ? body * 1.4 : 0;
      part.keep_with_next = !last_row;
      boxes.push_back(std::move(part));
    }
  }
  return boxes;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> MetadataFields(
    const SiteDocument& doc, const SiteConfig& config,
    const std::vector<OfficialVersion>& official) {
  const SiteText& text = config.text;
  // What the document's page shows about it, the PDF shows too: an auditor holding only the
  // printed copy sees every field.
  static constexpr const char* kFields[] = {
      "adopted_by", "adopted_date", "adopted_in", "valid_from",   "revised",        "review_by",
      "version",    "owner",        "author",     "diary_number", "document_number"};
  // A decision's header already says who took it, when, in which paragraph and its diary
  // number; its panel names the documents it adopts.
  static constexpr const char* kDecisionFields[] = {
      "adopts", "adopted_date", "valid_from", "revised", "review_by", "version", "owner",
      "author", "document_number"};
  std::vector<std::pair<std::string, std::string>> fields;
  const bool decision = IsDecision(doc.meta());
  for (const char* field : decision ? std::span<const char* const>(kDecisionFields)
                                    : std::span<const char* const>(kFields)) {
    if (std::string_view(field) == "adopts") {
      for (const RelationLink& r : doc.relations) {
        if (r.kind == RelationKind::kAdoptedIn && !r.outgoing) {
          fields.emplace_back(text.Field(field), r.other->title);
        }
      }
      continue;
    }
    if (std::string_view(field) == "adopted_in") {
      // The adopting decision by its title and diary number, not its id.
      for (const RelationLink& r : doc.relations) {
        if (r.kind != RelationKind::kAdoptedIn || !r.outgoing) continue;
        std::string decision = r.other->title;
        if (r.other->meta().Has("diary_number")) {
          decision += ", " + r.other->meta().Value("diary_number");
        }
        fields.emplace_back(text.Field(field), decision);
      }
    } else if (doc.meta().Has(field)) {
      fields.emplace_back(text.Field(field), doc.meta().Value(field));
    }
  }
  for (const SiteField& declared : config.fields) {
    if (declared.in_pdf && doc.meta().Has(declared.name)) {
      fields.emplace_back(text.Field(declared.name), doc.meta().Value(declared.name));
    }
  }
  fields.emplace_back(text.Field("id"), doc.id);
  std::string earlier;
  for (const OfficialVersion& version : official) {
    if (doc.version && !(version.version < *doc.version)) continue;
    if (!earlier.empty()) earlier += "; ";
    earlier += text.Format("pdf.earlier_version",
                           {{"version", version.version.text()},
                            {"valid_from", version.published.valid_from},
                            {"adopted_by", version.published.adopted_by}});
  }
  if (!earlier.empty()) fields.emplace_back(text.Get("pdf.earlier_versions"), earlier);
  if (doc.status) {
    fields.emplace_back(text.Field("status"),
                        text.Get("status." + std::string(StatusName(*doc.status))));
  }
  return fields;
}

std::vector<VBox> TitleBlock(const SiteDocument& doc, const SiteConfig& config,
                             const FontMetrics& metrics, const PageStyle& style,
                             Structure& structure, const std::vector<OfficialVersion>& official) {
  const SiteText& text = config.text;
  const double left = style.body_left();
  const double width = style.body_width();
  const double body = style.body_size;
  std::vector<VBox> boxes;

  // Organisation on the left, the document type on the right (a decision: that this is an
  // extract from the minutes), a strong rule below.
  const bool decision = IsDecision(doc.meta());
  const SpanStyle muted{.size = body, .color = style.muted};
  const SpanStyle strong{.bold = true, .size = body * 1.15, .color = style.accent};
  for (VBox& box : SplitRow(doc.meta().Value("organisation"), strong,
                            decision ? text.Get("protocol.extract") : doc.type_label, muted,
                            metrics, style, structure)) {
    boxes.push_back(std::move(box));
  }
  VBox rule{.height = body * 0.6};
  rule.items.push_back(Rule{left, -body * 0.4, left + width, -body * 0.4, 1.4, style.accent});
  boxes.push_back(std::move(rule));

  // A protocol extract's head: the body and the meeting's date, then the paragraph and the
  // diary number, as the registrar files it.
  if (decision) {
    const FrontMatter& meta = doc.meta();
    std::string date;
    if (meta.Has("meeting_date")) {
      date = text.Field("meeting_date") + " " + meta.Value("meeting_date");
    }
    std::vector<VBox> head = SplitRow(meta.Value("adopted_by"), strong, date, muted, metrics,
                                      style, structure);
    const std::string paragraph = ParagraphNumber(meta);
    std::string number;
    if (meta.Has("diary_number")) {
      number = text.Get("protocol.diary_number") + " " + meta.Value("diary_number");
    }
    const SpanStyle large{.bold = true, .size = body * 1.5, .color = style.text};
    const SpanStyle plain{.bold = true, .size = body, .color = style.text};
    std::vector<VBox> section = SplitRow(
        paragraph.empty() ? "" : text.Format("protocol.paragraph", {{"paragraph", paragraph}}),
        large, number, plain, metrics, style, structure);
    head.insert(head.end(), section.begin(), section.end());
    for (size_t i = 0; i < head.size(); ++i) {
      head[i].space_before = i == 0 ? body * 0.9 : 0;
      boxes.push_back(std::move(head[i]));
    }
  }

  // The title, large and tight (a decision's a little smaller: its paragraph leads).
  PageStyle title_style = style;
  title_style.leading = 1.15;
  SpanStyle title{.bold = true, .size = body * (decision ? 1.6 : 2), .color = style.accent};
  std::vector<VBox> title_lines =
      Lines(TextSpans(doc.title, title), left, width, metrics, title_style,
            structure.Add(StructRole::kH1, Structure::kDocument));
  for (size_t i = 0; i < title_lines.size(); ++i) {
    title_lines[i].space_before = i == 0 ? body * (decision ? 0.9 : 1.6) : 0;
    boxes.push_back(std::move(title_lines[i]));
  }

  std::vector<Span> note_spans = StatusNote(doc, text, style);
  int note_tag = kArtifact;
  if (!note_spans.empty()) {
    note_tag = structure.Add(StructRole::kP, Structure::kDocument);
    for (Span& span : note_spans) {
      if (span.style.uri.empty()) continue;
      span.style.tag = structure.Add(StructRole::kLink, note_tag, span.text);
    }
  }
  std::vector<VBox> note = Lines(note_spans, left, width, metrics, style, note_tag);
  for (size_t i = 0; i < note.size(); ++i) {
    note[i].space_before = i == 0 ? body * 0.7 : 0;
    boxes.push_back(std::move(note[i]));
  }

  for (VBox& box : MetadataPanel(MetadataFields(doc, config, official), metrics, style, structure))
    boxes.push_back(std::move(box));
  return boxes;
}

std::vector<VBox> SendToList(const SiteDocument& doc, const SiteText& text,
                             const FontMetrics& metrics, const PageStyle& style,
                             Structure& structure) {
  std::vector<VBox> boxes;
  if (!IsDecision(doc.meta()) || doc.meta().send_to.empty()) return boxes;
  const double body = style.body_size;
  const SpanStyle heading{.bold = true, .size = body * 1.2, .color = style.accent};
  std::vector<VBox> title =
      Lines(TextSpans(text.Field("send_to"), heading), style.body_left(), style.body_width(),
            metrics, style, structure.Add(StructRole::kH2, Structure::kDocument));
  for (size_t i = 0; i < title.size(); ++i) {
    title[i].space_before = i == 0 ? body * 1.8 : 0;
    title[i].keep_with_next = true;
    boxes.push_back(std::move(title[i]));
  }
  // One line (a P) for each recipient, as the minutes print them.
  const SpanStyle plain{.size = body, .color = style.text};
  for (const Spanned<std::string>& recipient : doc.meta().send_to) {
    if (recipient.value.empty()) continue;
    for (VBox& line : Lines(TextSpans(recipient.value, plain), style.body_left(),
                            style.body_width(), metrics, style,
                            structure.Add(StructRole::kP, Structure::kDocument))) {
      line.space_before = body * 0.2;
      boxes.push_back(std::move(line));
    }
  }
  return boxes;
}

}  // namespace kansli::pdf
