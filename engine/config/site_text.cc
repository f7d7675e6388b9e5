#include "config/site_text.h"

#include <yaml-cpp/yaml.h>

#include <functional>

#include "config/yaml_parse.h"

namespace kansli {

const std::vector<std::string_view> kRequiredTextKeys = {
    "lang", "format.decimal_mark",
    "fields.id", "fields.title", "fields.type", "fields.organisation", "fields.version",
    "fields.status", "fields.valid_from", "fields.revised", "fields.review_by",
    "fields.adopted_by", "fields.adopted_date", "fields.author", "fields.owner",
    "fields.diary_number", "fields.document_number", "fields.implements", "fields.adopted_in",
    "fields.supersedes", "fields.tags", "fields.meeting_date", "fields.paragraph",
    "fields.adopts", "fields.send_to", "protocol.extract", "protocol.diary_number",
    "protocol.paragraph",
    "new_document.in_force", "new_document.body", "new_document.kinds.text",
    "new_document.kinds.date", "new_document.kinds.number", "new_document.kinds.list",
    "new_document.kinds.choice", "new_document.kinds.pattern",
    "new_document.fields.id", "new_document.fields.title", "new_document.fields.type",
    "new_document.fields.organisation", "new_document.fields.version",
    "new_document.fields.status", "new_document.fields.valid_from",
    "new_document.fields.revised", "new_document.fields.review_by",
    "new_document.fields.adopted_by", "new_document.fields.adopted_date",
    "new_document.fields.author", "new_document.fields.owner",
    "new_document.fields.diary_number", "new_document.fields.document_number",
    "new_document.fields.implements", "new_document.fields.adopted_in",
    "new_document.fields.supersedes", "new_document.fields.tags",
    "new_document.fields.meeting_date", "new_document.fields.paragraph",
    "new_document.fields.adopts", "new_document.fields.send_to",
    "relations.implements.outgoing", "relations.implements.incoming",
    "relations.adopted_in.outgoing", "relations.adopted_in.incoming",
    "relations.supersedes.outgoing", "relations.supersedes.incoming",
    "relations.references.outgoing", "relations.references.incoming",
    "status.utkast", "status.gällande", "status.upphävd", "status.ersatt",
    "register.caption", "register.count", "register.page_count", "register.page_title",
    "register.overdue_banner", "register.overdue_flag",
    "review.title", "review.lead", "review.count", "review.overdue_by", "review.due_in",
    "review.overdue_by_one", "review.due_in_one",
    "review.due_today", "review.no_owner",
    "listing.organisation_title", "listing.organisation_lead", "listing.type_title",
    "listing.type_lead", "listing.tag_title", "listing.tag_lead", "listing.document_count",
    "listing.feed", "listing.graph_title", "listing.organisations_title",
    "document.graph_title", "document.overdue_banner", "not_found.title",
    "pdf.stamp_draft", "pdf.stamp_repealed", "pdf.stamp_superseded", "pdf.stamp_superseded_by", "pdf.not_decided",
    "pdf.no_longer_valid", "pdf.superseded_by", "pdf.page_of", "pdf.printed_copy",
    "pdf.contents_title",
};

std::string SiteText::Get(std::string_view key) const {
  auto it = entries_.find(key);
  return it != entries_.end() ? it->second : std::string(key);
}

std::string SiteText::Field(std::string_view field) const {
  return Get("fields." + std::string(field));
}

std::string SiteText::Format(std::string_view key,
                             const std::vector<std::pair<std::string, std::string>>& values) const {
  std::string text = Get(key);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

std::optional<SiteText> LoadSiteText(const SourceFile& file, Diagnostics& diags) {
  std::variant<YAML::Node, YamlError> parsed = ParseYaml(file, file.text(), 1);
  if (YamlError* error = std::get_if<YamlError>(&parsed)) {
    diags.Error(error->pos, Code::kConfigError, file.path() + ": " + error->message,
                std::move(error->hints));
    return std::nullopt;
  }
  YAML::Node root = std::get<YAML::Node>(std::move(parsed));
  if (!root.IsMap()) {
    diags.Error(file.At(1, 1), Code::kConfigError, "a text file must be a map of texts");
    return std::nullopt;
  }
  const int errors_before = diags.error_count();
  std::map<std::string, std::string, std::less<>> entries;
  std::function<void(const YAML::Node&, const std::string&)> read =
      [&](const YAML::Node& map, const std::string& prefix) {
        for (const auto& entry : map) {
          const std::string key = prefix + entry.first.Scalar();
          if (entry.second.IsMap()) {
            read(entry.second, key + ".");
          } else if (entry.second.IsScalar()) {
            entries[key] = entry.second.Scalar();
          } else {
            diags.Error(YamlPos(file, entry.second.Mark(), 1), Code::kConfigError,
                        "'" + key + "' must be text or a map of texts");
          }
        }
      };
  read(root, "");
  for (std::string_view key : kRequiredTextKeys) {
    if (!entries.contains(key)) {
      diags.Error(file.At(1, 1), Code::kConfigError,
                  "text '" + std::string(key) + "' is missing from " + file.path(),
                  {"every translation needs the keys of layouts/text/sv.yaml"});
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return SiteText(std::move(entries));
}

}  // namespace kansli
