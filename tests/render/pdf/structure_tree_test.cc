// The structure tree: the elements layout makes (roles, parents, tags) and what the writer's
// MarkedContent turns them into (the reading order of an element's kids, the ParentTree).
#include "render/pdf/writer/structure_tree.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <string>

#include "render/pdf/layout/lay_out.h"
#include "render/pdf/layout/structure.h"
#include "render/pdf/layout_fixture.h"
#include "render/pdf/pdf_tools.h"

namespace kansli::pdf {
namespace {

using testing::LaidOutSite;
using testing::PolicyTxtar;

// The roles of `doc`'s elements, each with its parent's role: "LI<L".
std::vector<std::string> RolesWithParents(const LaidOutDocument& doc) {
  std::vector<std::string> roles;
  for (const StructElement& e : doc.structure) {
    std::string role = RoleName(e.role);
    if (e.parent >= 0) role += std::string("<") + RoleName(doc.structure[e.parent].role);
    roles.push_back(role);
  }
  return roles;
}

bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(StructureTree, LayoutNamesEachBlocksRoleUnderItsParent) {
  LaidOutSite site(PolicyTxtar(
      "## Syfte\n\nText med [länk](https://example.se/) och not[^1].\n\n"
      "1. Ett\n2. Två\n   - inre\n\n> Citat\n\n```\nkod\n```\n\n[^1]: Noten.\n"));
  LaidOutDocument doc = site.Lay("a");
  ASSERT_FALSE(doc.structure.empty());
  EXPECT_EQ(doc.structure[0].role, StructRole::kDocument);
  EXPECT_EQ(doc.language, "sv-SE");
  const std::vector<std::string> roles = RolesWithParents(doc);
  for (const char* expected :
       {"H1<Document", "Table<Document", "TR<TBody", "TH<TR", "TD<TR", "H2<Document",
        "P<Document", "Link<P", "Reference<P", "L<Document", "LI<L", "Lbl<LI", "LBody<LI",
        "P<LBody", "L<LBody", "BlockQuote<Document", "P<BlockQuote", "Code<Document",
        "Note<Document"}) {
    EXPECT_TRUE(Has(roles, expected)) << expected;
  }
  // Parents come first, so the writer never meets a child before its parent.
  for (size_t i = 1; i < doc.structure.size(); ++i) {
    EXPECT_LT(doc.structure[i].parent, static_cast<int>(i));
  }
  for (const StructElement& e : doc.structure) {
    if (e.role == StructRole::kL && doc.structure[e.parent].role == StructRole::kDocument) {
      EXPECT_EQ(e.numbering, ListNumbering::kDecimal);
    }
    if (e.role == StructRole::kLink) {
      EXPECT_EQ(e.alt, "länk");
    }
    if (e.role == StructRole::kNote) {
      EXPECT_EQ(e.id, "fn1");
    }
    if (e.role == StructRole::kTH) {
      EXPECT_EQ(e.scope, HeaderScope::kRow);
    }
  }
}

TEST(StructureTree, BodyTextIsTaggedAndPageFurnitureIsNot) {
  LaidOutSite site(PolicyTxtar(testing::LongBody(12)));
  LaidOutDocument doc = site.Lay("a");
  ASSERT_GT(doc.pages.size(), 1u);
  const PageStyle style;
  for (const PageFrame& page : doc.pages) {
    for (const FrameItem& item : page.items) {
      const auto* run = std::get_if<TextRun>(&item);
      if (run == nullptr || run->utf8.find_first_not_of(". ") == std::string::npos) continue;
      const bool furniture = run->y > style.body_top() || run->y < style.body_bottom();
      if (furniture) {
        EXPECT_EQ(run->tag, kArtifact) << run->utf8;
      } else {
        EXPECT_NE(run->tag, kArtifact) << run->utf8;
        EXPECT_LT(run->tag, static_cast<int>(doc.structure.size()));
      }
    }
  }
}

TEST(StructureTree, HeadingsStartBelowTheTitleAndSkipNoLevel) {
  LaidOutSite site(PolicyTxtar("# Ett\n\nText.\n\n#### Fyra\n\nText.\n\n## Två\n\nText.\n"));
  LaidOutDocument doc = site.Lay("a");
  std::vector<StructRole> headings;
  for (const StructElement& e : doc.structure) {
    if (e.role >= StructRole::kH1 && e.role <= StructRole::kH6) headings.push_back(e.role);
  }
  EXPECT_EQ(headings, (std::vector<StructRole>{StructRole::kH1, StructRole::kH2, StructRole::kH3,
                                                StructRole::kH3}));
}

TEST(StructureTree, ATableHeaderRepeatedOnALaterPageIsAnArtifact) {
  std::string table = "| Kolumn | Värde |\n|---|---|\n";
  for (int i = 0; i < 120; ++i) table += "| rad " + std::to_string(i) + " | text |\n";
  LaidOutSite site(PolicyTxtar(table));
  LaidOutDocument doc = site.Lay("a");
  ASSERT_GT(doc.pages.size(), 1u);
  std::vector<int> header_tags;  // one per page the header is set on
  for (const PageFrame& page : doc.pages) {
    for (const FrameItem& item : page.items) {
      const auto* run = std::get_if<TextRun>(&item);
      if (run != nullptr && run->utf8 == "Kolumn") header_tags.push_back(run->tag);
    }
  }
  ASSERT_GT(header_tags.size(), 1u);
  EXPECT_NE(header_tags[0], kArtifact);
  EXPECT_EQ(doc.structure[header_tags[0]].role, StructRole::kTH);
  for (size_t p = 1; p < header_tags.size(); ++p) EXPECT_EQ(header_tags[p], kArtifact);
}

// MarkedContent on its own: elements, MCIDs and an annotation, written and read back by qpdf.
class WrittenTree : public ::testing::Test {
 protected:
  nlohmann::json Write(const std::vector<StructElement>& structure,
                       const std::function<void(MarkedContent&, PdfBuilder&,
                                                std::vector<PdfDict>&)>& draw) {
    PdfBuilder pdf;
    std::vector<PdfDict> pages = {pdf.AddPage(100, 100), pdf.AddPage(100, 100)};
    MarkedContent marks(structure, pages.size());
    draw(marks, pdf, pages);
    marks.AddStructureTree(pdf, pages, "sv-SE");
    std::optional<std::string> bytes = pdf.Save();
    EXPECT_TRUE(bytes) << pdf.Problem();
    if (!bytes) return {};
    const std::string path = (dir_.path() / "t.pdf").string();
    std::ofstream(path, std::ios::binary) << *bytes;
    auto out = testing::RunTool("qpdf --json=2 --json-key=qpdf " + path, dir_);
    nlohmann::json json = nlohmann::json::parse(out.out, nullptr, false);
    objects_ = json["qpdf"][1];
    return objects_;
  }
  // The value of the object "N 0 R".
  const nlohmann::json& Object(const std::string& ref) {
    return objects_["obj:" + ref]["value"];
  }
  const nlohmann::json& OfRole(const std::string& role) {
    for (const auto& [name, object] : objects_.items()) {
      if (object.contains("value") && object["value"].is_object() &&
          object["value"].value("/S", "") == "/" + role) {
        return object["value"];
      }
    }
    static const nlohmann::json none;
    return none;
  }

  testing::TempDir dir_;
  nlohmann::json objects_;
};

TEST_F(WrittenTree, AnElementsKidsFollowTheOrderTheyWereDrawnIn) {
  const std::vector<StructElement> structure = {
      {.role = StructRole::kDocument, .parent = -1},
      {.role = StructRole::kP, .parent = 0},
      {.role = StructRole::kLink, .parent = 1, .alt = "länk"}};
  Write(structure, [](MarkedContent& marks, PdfBuilder& pdf, std::vector<PdfDict>& pages) {
    EXPECT_EQ(marks.Mark(0, 1), 0);  // "Se "
    EXPECT_EQ(marks.Mark(0, 2), 1);  // the link's words
    PdfDict annotation = pdf.Dict();
    EXPECT_EQ(marks.Annotate(0, 2, annotation), 2);  // after the two pages' keys
    pdf.Put(pages[0], "Annots", pdf.Array({annotation}));
    EXPECT_EQ(marks.Mark(0, 1), 2);  // " nedan" on page 1
    EXPECT_EQ(marks.Mark(1, 1), 0);  // the paragraph goes on on page 2
  });
  const nlohmann::json& p = OfRole("P");
  ASSERT_TRUE(p.is_object());
  const nlohmann::json& k = p["/K"];
  ASSERT_EQ(k.size(), 4u) << k;
  EXPECT_EQ(k[0], 0);
  EXPECT_TRUE(k[1].is_string());  // the Link element, between the text before and after
  EXPECT_EQ(Object(k[1])["/S"], "/Link");
  EXPECT_EQ(k[2], 2);
  EXPECT_EQ(k[3]["/Type"], "/MCR");  // on another page than the element's /Pg
  EXPECT_EQ(k[3]["/MCID"], 0);
  const nlohmann::json& link = OfRole("Link");
  EXPECT_EQ(link["/K"][1]["/Type"], "/OBJR");

  const nlohmann::json& root = OfRole("Document");
  const std::string tree_root = root["/P"];
  const nlohmann::json& parents = Object(Object(tree_root)["/ParentTree"])["/Nums"];
  ASSERT_EQ(parents.size(), 6u) << parents;  // page 0, page 1, the annotation
  EXPECT_EQ(parents[1].size(), 3u);          // page 0's three MCIDs
  EXPECT_EQ(parents[3].size(), 1u);
  EXPECT_EQ(parents[4], 2);
  EXPECT_EQ(Object(parents[5])["/S"], "/Link");
  EXPECT_EQ(Object(tree_root)["/ParentTreeNextKey"], 3);
}

TEST_F(WrittenTree, AnElementWithoutContentStaysInReadingOrder) {
  const std::vector<StructElement> structure = {
      {.role = StructRole::kDocument, .parent = -1},
      {.role = StructRole::kTable, .parent = 0},
      {.role = StructRole::kTR, .parent = 1},
      {.role = StructRole::kTD, .parent = 2},  // an empty cell
      {.role = StructRole::kTD, .parent = 2}};
  Write(structure, [](MarkedContent& marks, PdfBuilder&, std::vector<PdfDict>&) {
    marks.Mark(0, 4);
  });
  const nlohmann::json& row = OfRole("TR");
  ASSERT_EQ(row["/K"].size(), 2u);
  EXPECT_FALSE(Object(row["/K"][0]).contains("/K"));  // the empty cell first, as made
  EXPECT_EQ(Object(row["/K"][1])["/K"], 0);  // a lone kid needs no array
}

}  // namespace
}  // namespace kansli::pdf
