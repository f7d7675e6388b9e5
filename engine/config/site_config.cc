#include "config/site_config.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "config/config_reader.h"
#include "config/yaml_parse.h"
#include "diag/spellcheck.h"

namespace kansli {
namespace {

// The output folder is replaced wholesale on every build, so it must be a folder of its own
// inside the site: never the site itself, a parent of it, or a source folder.
void CheckFolders(ConfigReader& reader, const YAML::Node& root, const SiteConfig& config) {
  YAML::Node at = root["folders"] ? root["folders"] : root;
  if (at.IsMap() && at["output"]) at = at["output"];
  auto inside_site = [](const std::string& folder) {
    std::filesystem::path path = std::filesystem::path(folder).lexically_normal();
    return !folder.empty() && path.is_relative() && !path.empty() && path != "." &&
           *path.begin() != "..";
  };
  for (const std::string* folder :
       {&config.content_dir, &config.layouts_dir, &config.scripts_dir, &config.output_dir,
        &config.archive_dir}) {
    if (!inside_site(*folder)) {
      reader.Error(at, "folder '" + *folder + "' must be a folder inside the site, e.g. output");
      return;
    }
  }
  const std::filesystem::path output = std::filesystem::path(config.output_dir).lexically_normal();
  for (const std::string* source :
       {&config.content_dir, &config.layouts_dir, &config.scripts_dir, &config.archive_dir}) {
    const std::filesystem::path path = std::filesystem::path(*source).lexically_normal();
    auto [o, p] = std::mismatch(output.begin(), output.end(), path.begin(), path.end());
    if (o == output.end()) {  // output equals or contains a source folder
      reader.Error(at, "output folder '" + config.output_dir + "' would replace '" + *source +
                           "': every build replaces the output folder entirely");
      return;
    }
  }
}

}  // namespace

SourcePos PdfSettings::PosOf(std::string_view setting) const {
  auto it = positions.find(std::string(setting));
  return it != positions.end() ? it->second : pos;
}

std::string SiteConfig::TextPath() const {
  std::string dir = layouts_dir;
  while (dir.ends_with('/')) dir.pop_back();
  return dir + "/text/" + language + ".yaml";
}

std::string SiteConfig::BasePath() const {
  size_t scheme = base_url.find("://");
  size_t start = base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return start == std::string::npos ? "/" : base_url.substr(start);
}

const DocumentType* SiteConfig::FindType(std::string_view name) const {
  for (const DocumentType& type : types) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

const DiaryNumberRule* SiteConfig::DiaryNumbersOf(std::string_view organisation) const {
  for (const DiaryNumberRule& rule : diary_numbers) {
    if (rule.organisation == organisation) return &rule;
  }
  return nullptr;
}

const SiteField* SiteConfig::FindField(std::string_view name) const {
  for (const SiteField& field : fields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::vector<std::string> SiteConfig::FieldNames() const {
  std::vector<std::string> names;
  for (const SiteField& field : fields) names.push_back(field.name);
  return names;
}

std::vector<std::string> SiteConfig::TypeNames() const {
  std::vector<std::string> names;
  for (const DocumentType& type : types) names.push_back(type.name);
  return names;
}

std::optional<SiteConfig> LoadSiteConfig(const SourceFile& file, Diagnostics& diags) {
  std::variant<YAML::Node, YamlError> parsed = ParseYaml(file, file.text(), 1);
  if (YamlError* error = std::get_if<YamlError>(&parsed)) {
    diags.Error(error->pos, Code::kConfigError, "kansli.yaml: " + error->message,
                std::move(error->hints));
    return std::nullopt;
  }
  YAML::Node root = std::get<YAML::Node>(std::move(parsed));
  if (!root.IsMap()) {
    diags.Error(file.At(1, 1), Code::kConfigError, "kansli.yaml must be a map of settings");
    return std::nullopt;
  }
  const int errors_before = diags.error_count();
  ConfigReader reader(file, diags);
  SiteConfig config;
  reader.CheckKeys(root, {"name", "organisation", "base_url", "language", "review_window_days",
                          "register_page_size", "folders", "scripts",
                          "script_seconds", "required", "required_when_in_force", "types",
                          "diary_numbers", "fields", "pdf"});
  reader.Text(root, "name", config.name);
  reader.Text(root, "organisation", config.organisation);
  reader.Text(root, "base_url", config.base_url);
  if (config.base_url.empty()) {
    reader.Error(root, "base_url is required: the intranet address every printed copy points to");
  } else if (!config.base_url.ends_with('/')) {
    config.base_url += '/';
  }
  reader.Text(root, "language", config.language);
  if (config.language.empty() ||
      config.language.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) {
    reader.Error(root["language"], "language must be a language code such as sv or en");
  }
  double window = config.review_window_days;
  reader.Number(root, "review_window_days", window, 0, 3650);
  config.review_window_days = static_cast<int>(window);
  reader.Integer(root, "register_page_size", config.register_page_size, 1, 10000);
  if (YAML::Node folders = root["folders"]) {
    if (!folders.IsMap()) {
      reader.Error(folders, "folders must be a map");
    } else {
      reader.CheckKeys(folders, {"content", "layouts", "scripts", "output", "archive"});
      reader.Text(folders, "content", config.content_dir);
      reader.Text(folders, "layouts", config.layouts_dir);
      reader.Text(folders, "scripts", config.scripts_dir);
      reader.Text(folders, "output", config.output_dir);
      reader.Text(folders, "archive", config.archive_dir);
    }
  }
  CheckFolders(reader, root, config);
  reader.List(root, "scripts", config.scripts);
  reader.Number(root, "script_seconds", config.script_seconds, 1, 600);
  reader.List(root, "required", config.required);
  reader.List(root, "required_when_in_force", config.required_when_in_force);
  YAML::Node types = root["types"];
  if (!types || !types.IsMap() || types.size() == 0) {
    reader.Error(types ? types : root, "types must list at least one document type");
  } else {
    for (const auto& entry : types) {
      DocumentType type{.name = entry.first.Scalar(), .label = entry.first.Scalar()};
      if (entry.second.IsMap()) {
        reader.CheckKeys(entry.second,
                         {"label", "required", "required_when_in_force", "adopted_by"});
        reader.Text(entry.second, "label", type.label);
        reader.List(entry.second, "required", type.required);
        reader.List(entry.second, "required_when_in_force", type.required_when_in_force);
        reader.List(entry.second, "adopted_by", type.adopted_by);
      } else if (!entry.second.IsNull()) {
        reader.Error(entry.second, "type '" + type.name + "' must be a map (label, required)");
      }
      config.types.push_back(std::move(type));
    }
  }
  // After types: a field's `required` adds it to the types it names.
  if (YAML::Node fields = root["fields"]) {
    config.fields = ReadSiteFields(reader, fields, config.types);
  }
  if (YAML::Node diary = root["diary_numbers"]) {
    if (!diary.IsMap()) {
      reader.Error(diary, "diary_numbers must be a map of organisation: pattern",
                   {"e.g. diary_numbers: {Ljungby kommun: 'KS \\d{4}/\\d{4}'}"});
    } else {
      for (const auto& entry : diary) {
        DiaryNumberRule rule{.organisation = entry.first.Scalar()};
        std::vector<YAML::Node> patterns;
        if (entry.second.IsSequence()) {
          for (const YAML::Node& item : entry.second) patterns.push_back(item);
        } else {
          patterns.push_back(entry.second);
        }
        for (const YAML::Node& pattern : patterns) {
          if (!pattern.IsScalar() || pattern.Scalar().empty()) {
            reader.Error(pattern, "a diary number pattern must be text, e.g. 'KS \\d{4}/\\d{4}'");
            continue;
          }
          try {
            rule.compiled.emplace_back(pattern.Scalar(), kPatternSyntax);
            rule.patterns.push_back(pattern.Scalar());
          } catch (const std::regex_error& e) {
            reader.Error(pattern, "'" + pattern.Scalar() + "' is not a regular expression: " +
                                      e.what(),
                         {"write it as in JavaScript, e.g. 'KS \\d{4}/\\d{4}'"});
          }
        }
        config.diary_numbers.push_back(std::move(rule));
      }
    }
  }
  if (YAML::Node pdf = root["pdf"]) {
    config.pdf.pos = reader.Pos(pdf);
    if (!pdf.IsMap()) {
      reader.Error(pdf, "pdf must be a map");
    } else {
      reader.CheckKeys(pdf, {"font_regular", "font_bold", "font_italic", "font_bold_italic",
                             "font_mono", "font_size", "margin_mm", "align", "hyphenate",
                             "toc_headings", "toc_depth"});
      reader.Text(pdf, "font_regular", config.pdf.font_regular);
      reader.Text(pdf, "font_bold", config.pdf.font_bold);
      reader.Text(pdf, "font_italic", config.pdf.font_italic);
      reader.Text(pdf, "font_bold_italic", config.pdf.font_bold_italic);
      reader.Text(pdf, "font_mono", config.pdf.font_mono);
      reader.Number(pdf, "font_size", config.pdf.font_size, 6, 24);
      reader.Number(pdf, "margin_mm", config.pdf.margin_mm, 5, 60);
      reader.Text(pdf, "align", config.pdf.align);
      if (config.pdf.align != "justify" && config.pdf.align != "ragged") {
        reader.Error(pdf["align"], "align must be justify or ragged", {"align: justify"});
        config.pdf.align = "justify";
      }
      if (YAML::Node hyphenate = pdf["hyphenate"]) {
        bool value = true;
        if (!hyphenate.IsScalar() || !YAML::convert<bool>::decode(hyphenate, value)) {
          reader.Error(hyphenate, "hyphenate must be true or false");
        } else {
          config.pdf.hyphenate = value;
        }
      }
      reader.Integer(pdf, "toc_headings", config.pdf.toc_headings, 0, 10000);
      reader.Integer(pdf, "toc_depth", config.pdf.toc_depth, 1, 3);
      for (const auto& entry : pdf) {
        config.pdf.positions[entry.first.Scalar()] = reader.Pos(entry.second);
      }
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return config;
}

std::optional<SiteConfig> LoadSiteConfig(SourceTree& tree, Diagnostics& diags) {
  if (!tree.root().empty() && !tree.Exists("kansli.yaml")) {
    diags.Error({"kansli.yaml", 0, 0}, Code::kConfigError,
                "no kansli.yaml in " + tree.root().string() + ": this folder is not a kansli site",
                {"name the site's folder, e.g. kansli check path/to/site"});
    return std::nullopt;
  }
  const SourceFile* file = tree.File("kansli.yaml", diags);
  if (file == nullptr) return std::nullopt;
  std::optional<SiteConfig> config = LoadSiteConfig(*file, diags);
  if (!config || !LoadSiteText(tree, *config, diags)) return std::nullopt;
  return config;
}

bool LoadSiteText(SourceTree& tree, SiteConfig& config, Diagnostics& diags) {
  const std::string path = config.TextPath();
  if (!tree.Exists(path)) {
    diags.Error({"kansli.yaml", 0, 0}, Code::kConfigError,
                "the texts for language '" + config.language + "' are missing: " + path,
                {config.language == "sv" || config.language == "en"
                     ? "copy layouts/ from kansli's bundled site: it holds text/sv.yaml and "
                       "text/en.yaml"
                     : "copy layouts/text/sv.yaml to " + path + " and translate it"});
    return false;
  }
  const SourceFile* file = tree.File(path, diags);
  if (file == nullptr) return false;
  std::optional<SiteText> text = LoadSiteText(*file, diags);
  if (!text) return false;
  config.text = std::move(*text);
  // A site field's label and description are its texts, as a built-in field's are: on one
  // line, as kansli new writes a description into a comment after the field.
  auto one_line = [](std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    return text;
  };
  for (const SiteField& field : config.fields) {
    // A built-in field's name is refused (validate/); its texts stay kansli's meanwhile.
    if (config.text.Has("fields." + field.name)) continue;
    config.text.Set("fields." + field.name, one_line(field.Label(config.language)));
    const std::string values = JoinNames(field.choices);
    config.text.Set("new_document.fields." + field.name,
                    one_line(field.descriptions.empty()
                                 ? config.text.Format("new_document.kinds." +
                                                          std::string(SiteFieldKindName(field.kind)),
                                                      {{"label", field.Label(config.language)},
                                                       {"values", values},
                                                       {"pattern", field.pattern}})
                                 : field.Description(config.language)));
  }
  return true;
}

}  // namespace kansli
