#include "fuzz/fuzz_site.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "diag/printer.h"
#include "support/test_images.h"
#include "support/test_site.h"
#include "validate/images.h"

namespace kansli::fuzz {
namespace {

constexpr char kFrontMatter[] = R"(---
id: a
title: Policy för provning
type: policy
organisation: Provby kommun
status: gällande
version: 2
valid_from: 2020-01-01
review_by: 2027-06-30
adopted_by: Kommunfullmäktige
adopted_date: 2019-12-12
author: Anna Andersson
owner: Kansliet
diary_number: KS 2019/12
document_number: D-17
tags: [prov, fuzz]
---
)";

constexpr char kOther[] = R"(---
id: b
title: Policy för länkar
type: policy
organisation: Provby kommun
status: utkast
owner: Kansliet
---
Den andra policyn.
)";

// Setting up what every input shares must work; if it does not, no input can be tried.
[[noreturn]] void SetUpFailed(const Diagnostics& diags) {
  PrintText(std::cerr, diags.Sorted(), nullptr);
  std::fprintf(stderr, "kansli fuzz: the test site's settings could not be loaded\n");
  std::abort();
}

SiteConfig LoadConfig() {
  Diagnostics diags;
  SourceTree tree = SourceTree::InMemory(std::string("-- kansli.yaml --\n") + testing::kTestConfig);
  const SourceFile* file = tree.File("kansli.yaml", diags);
  std::optional<SiteConfig> config = file ? LoadSiteConfig(*file, diags) : std::nullopt;
  if (!config) SetUpFailed(diags);
  SourceTree checkout = SourceTree::OnDisk(KANSLI_SOURCE_DIR);
  if (!LoadSiteText(checkout, *config, diags)) SetUpFailed(diags);
  return std::move(*config);
}

const ImageFiles& Images() {
  static const ImageFiles images = ImageFiles::InMemory({
      {"content/bild.png", testing::SolidPng(4, 3, 200, 30, 30, 72)},
      {"content/foto.jpg", testing::MakeJpeg({.width = 8, .height = 6, .dpi = 96})},
  });
  return images;
}

// What a script like scripts/crossref.lua could answer for a.md's elements.
Relations LinkAsAScriptMight(const ValidatedSite& site) {
  Relations relations;
  for (const ParsedDocument& doc : site.documents) {
    if (doc.document.path() != "content/a.md") continue;
    const std::string from = doc.document.id();
    auto link = [&](int slot) {
      const std::string to = slot % 3 == 0 ? "b" : from;
      if (slot % 3 == 2) return;
      relations.links[{from, slot}] = to;
      if (to != from) relations.relations.push_back({from, to, RelationKind::kReferences});
    };
    for (const markdown::WikiLinkRef& ref : doc.body.wiki_links) link(ref.slot);
    for (const markdown::EmphRef& ref : doc.body.emphases) link(ref.slot);
  }
  std::sort(relations.relations.begin(), relations.relations.end());
  relations.relations.erase(std::unique(relations.relations.begin(), relations.relations.end()),
                            relations.relations.end());
  return relations;
}

}  // namespace

const SiteConfig& Config() {
  static const SiteConfig config = LoadConfig();
  return config;
}

std::string DocumentText(std::string_view input) {
  if (input.starts_with("---")) return std::string(input);
  return kFrontMatter + std::string(input);
}

FuzzSite::FuzzSite(std::string_view a_md) {
  const SiteConfig& config = Config();
  std::vector<ParsedDocument> parsed;
  for (auto [path, text] : {std::pair<const char*, std::string>{"content/a.md", std::string(a_md)},
                            {"content/b.md", kOther}}) {
    std::optional<SourceFile> file = SourceFile::FromBytes(path, std::move(text), diags);
    if (!file) continue;
    files_.push_back(std::make_unique<SourceFile>(std::move(*file)));
    if (auto doc = ParseDocument(*files_.back(), diags)) parsed.push_back(std::move(*doc));
  }
  SiteImages images = ResolveImages(parsed, config.content_dir, Images(), diags);
  site_ = Validate(std::move(parsed), config, Clock::Fixed(kToday), diags);
  if (!site_ || diags.HasErrors()) return;
  site_->images = std::move(images);
  graph_ = std::make_unique<SiteGraph>(*site_, LinkAsAScriptMight(*site_));
}

const SourceFile* FuzzSite::file() const {
  for (const std::unique_ptr<SourceFile>& file : files_) {
    if (file->path() == "content/a.md") return file.get();
  }
  return nullptr;
}

const SiteDocument* FuzzSite::document() const {
  if (graph_ == nullptr) return nullptr;
  for (const SiteDocument& doc : graph_->documents()) {
    if (doc.parsed->document.path() == "content/a.md") return &doc;
  }
  return nullptr;
}

}  // namespace kansli::fuzz
