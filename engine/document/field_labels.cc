#include "document/field_labels.h"

#include <utility>

namespace kansli {

std::string_view FieldLabel(std::string_view field) {
  static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
      {"id", "Dokument-ID"},
      {"title", "Titel"},
      {"type", "Dokumenttyp"},
      {"organisation", "Organisation"},
      {"version", "Version"},
      {"status", "Status"},
      {"valid_from", "Gäller från"},
      {"revised", "Reviderad"},
      {"review_by", "Revideras senast"},
      {"adopted_by", "Beslutad av"},
      {"adopted_date", "Beslutsdatum"},
      {"author", "Utarbetad av"},
      {"owner", "Dokumentansvarig"},
      {"diary_number", "Diarienummer"},
      {"document_number", "Dokumentnummer"},
      {"implements", "Verkställer"},
      {"adopted_in", "Antagen genom"},
      {"supersedes", "Ersätter"},
      {"tags", "Taggar"},
  };
  for (const auto& [name, label] : kLabels) {
    if (name == field) return label;
  }
  return field;
}

}  // namespace kansli
