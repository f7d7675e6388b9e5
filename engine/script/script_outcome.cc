#include "script/script_outcome.h"

#include <nlohmann/json.hpp>

namespace kansli::script {

using nlohmann::json;

std::string EncodeOutcome(const Collected& collected, const Diagnostics& diags) {
  json relations = json::array();
  for (const Relation& r : collected.relations) {
    relations.push_back({r.from, r.to, static_cast<int>(r.kind)});
  }
  json links = json::array();
  for (const auto& [key, target] : collected.links) links.push_back({key.first, key.second, target});
  json texts = json::array();
  for (const auto& [key, pieces] : collected.texts) {
    json split = json::array();
    for (const markdown::TextPiece& piece : pieces) split.push_back({piece.text, piece.target});
    texts.push_back({key.first, key.second, split});
  }
  json list = json::array();
  // Codes and severities as numbers: parent and child are the same binary.
  for (const Diagnostic& d : diags.list()) {
    list.push_back({d.pos.file, d.pos.line, d.pos.column, static_cast<int>(d.severity),
                    static_cast<int>(d.code), d.message, d.hints});
  }
  // Invalid UTF-8 from a script's strings is replaced, never thrown on.
  return json{{"relations", relations},
              {"links", links},
              {"texts", texts},
              {"diagnostics", list}}
      .dump(
      -1, ' ', false, json::error_handler_t::replace);
}

std::optional<ScriptOutcome> DecodeOutcome(std::string_view line) {
  const json parsed = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return std::nullopt;
  ScriptOutcome out;
  try {
    for (const json& r : parsed.at("relations")) {
      out.collected.relations.insert(Relation{.from = r.at(0).get<std::string>(),
                                              .to = r.at(1).get<std::string>(),
                                              .kind = static_cast<RelationKind>(r.at(2).get<int>())});
    }
    for (const json& l : parsed.at("links")) {
      out.collected.links[{l.at(0).get<std::string>(), l.at(1).get<int>()}] =
          l.at(2).get<std::string>();
    }
    for (const json& t : parsed.at("texts")) {
      std::vector<markdown::TextPiece>& pieces =
          out.collected.texts[{t.at(0).get<std::string>(), t.at(1).get<int>()}];
      for (const json& piece : t.at(2)) {
        pieces.push_back(
            {.text = piece.at(0).get<std::string>(), .target = piece.at(1).get<std::string>()});
      }
    }
    for (const json& d : parsed.at("diagnostics")) {
      out.diags.Report(Diagnostic{
          .pos = {.file = d.at(0).get<std::string>(),
                  .line = d.at(1).get<int>(),
                  .column = d.at(2).get<int>()},
          .severity = static_cast<Severity>(d.at(3).get<int>()),
          .code = static_cast<Code>(d.at(4).get<int>()),
          .message = d.at(5).get<std::string>(),
          .hints = d.at(6).get<std::vector<std::string>>()});
    }
  } catch (const json::exception&) {
    return std::nullopt;
  }
  return out;
}

}  // namespace kansli::script
