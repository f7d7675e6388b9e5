// The records the search index is built from: what each document is found by, what a result
// row shows, and the order of every column.
#include "render/search/search_record.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "render/search/search_site.h"
#include "support/test_site.h"

namespace kansli::testing {
namespace {

using search::SearchRecord;
using search::SearchRecords;

// Sorting: versions as numbers, Swedish titles, empty values last.
constexpr char kSortSite[] = R"(-- content/d1.md --
---
id: d1
title: Ödesplan
type: plan
organisation: Testby kommun
version: 1.10
status: gällande
valid_from: 2020-01-01
review_by: 2021-01-01
adopted_by: Kommunstyrelsen
owner: Kansliet
diary_number: "KS 2020/0042"
document_number: "DOK-77"
---
Text.
-- content/d2.md --
---
id: d2
title: Åtgärdsplan
type: plan
organisation: Testby kommun
version: 1.9
status: gällande
valid_from: 2019-01-01
adopted_by: Kommunstyrelsen
owner: Kansliet
---
Text.
-- content/d3.md --
---
id: d3
title: Zebraplan
type: plan
organisation: Testby kommun
status: utkast
owner: Kansliet
---
Text.
)";

class SearchRecordTest : public ::testing::Test {
 protected:
  explicit SearchRecordTest(const char* txtar = kSearchSite) : site_(txtar, "2026-01-01") {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    graph_.emplace(*site_.site, Relations{});
    records_ = SearchRecords(*graph_);
    bare_ = records_;
    search::AddContent(records_);
  }

  const SearchRecord& Of(const std::string& id) const {
    for (const SearchRecord& record : records_) {
      if (record.meta.at("id") == id) return record;
    }
    throw std::out_of_range(id);
  }
  std::string BodyOf(const std::string& id) { return markdown::BodyText(graph_->Find(id)->body()); }

  TestSite site_;
  std::optional<SiteGraph> graph_;
  std::vector<SearchRecord> records_;
  std::vector<SearchRecord> bare_;  // as SearchRecords gives them, before AddContent
};

TEST_F(SearchRecordTest, OneRecordPerDocumentInRegisterOrder) {
  std::vector<std::string> ids;
  for (const SearchRecord& record : records_) ids.push_back(record.meta.at("id"));
  EXPECT_EQ(ids, (std::vector<std::string>{"c", "a", "b"}));  // Annanby before Testby
  EXPECT_EQ(Of("a").url, "/a/");
}

// A part of the index taken from the cache never needs its documents' text, so the records
// carry their document, and the text is parsed only for a part that is indexed again.
TEST_F(SearchRecordTest, ContentIsFilledInOnlyWhenAsked) {
  ASSERT_EQ(bare_.size(), 3u);
  for (const SearchRecord& record : bare_) {
    EXPECT_TRUE(record.content.empty());
    ASSERT_NE(record.document, nullptr);
    EXPECT_EQ(record.document, &graph_->Find(record.meta.at("id"))->parsed->document);
  }
  SearchRecord words{.url = "/0/", .content = "ett två"};  // no document: content stays
  std::vector<SearchRecord> alone{words};
  search::AddContent(alone);
  EXPECT_EQ(alone[0].content, "ett två");
}

TEST_F(SearchRecordTest, MetaIsWhatARowShowsAndContentIsTheBody) {
  const SearchRecord& c = Of("c");
  EXPECT_EQ(c.meta.at("title"), "Gamma \u2028\u2029 med radseparator");
  EXPECT_EQ(c.meta.at("type"), "Plan");  // the label readers see
  EXPECT_EQ(c.meta.at("organisation"), "Annanby kommun");
  EXPECT_EQ(c.meta.at("owner"), "Planenheten");
  EXPECT_EQ(c.meta.at("status"), "Utkast");
  EXPECT_FALSE(c.meta.contains("version"));  // no empty values
  EXPECT_EQ(c.content, BodyOf("c"));
  // Filters by the values of the register's selects.
  EXPECT_EQ(c.filters.at("type"), std::vector<std::string>{"plan"});
  EXPECT_EQ(c.filters.at("status"), std::vector<std::string>{"utkast"});
  EXPECT_EQ(c.filters.at("organisation"), std::vector<std::string>{"Annanby kommun"});
  EXPECT_EQ(c.filters.at("owner"), std::vector<std::string>{"Planenheten"});
}

TEST_F(SearchRecordTest, BodyTextHasTheWordsOfEveryKindOfBlock) {
  const std::string text = BodyOf("a");
  for (const char* words :
       {"Rubrik om alfa", "Ett betonat och fett stycke med kodord och en länk och", "struken",
        "punkt ett", "punkt två", "inre punkt", "citerad mening", "Kolumn", "Annan",
        "kvittensblankett", "annat värde", "Sista stycket", "ny rad.", "en etikett"}) {
    EXPECT_NE(text.find(words), std::string::npos) << words << " not in: " << text;
  }
  EXPECT_NE(BodyOf("b").find("lodjurspolicy = 1"), std::string::npos) << BodyOf("b");
  EXPECT_NE(BodyOf("c").find("sjöfartsverket"), std::string::npos) << BodyOf("c");
}

TEST_F(SearchRecordTest, BodyTextSeparatesBlocks) {
  const std::string text = BodyOf("a");
  // Words of neighbouring blocks, list items and table cells never run together.
  for (const char* joined : {"alfa Ett", "punkt ett punkt två", "Kolumn Annan",
                             "kvittensblankett annat värde", "stycket ny rad."}) {
    EXPECT_NE(text.find(joined), std::string::npos) << joined << " not in: " << text;
  }
  EXPECT_EQ(BodyOf("c"), "Avsnitt sjöfartsverket annat");
}

TEST_F(SearchRecordTest, BodyTextHasNoMarkdownSyntax) {
  for (const char* id : {"a", "b", "c"}) {
    const std::string text = BodyOf(id);
    for (const char* syntax : {"*", "#", "|", "`", "](", "~~", "[[", "]]", "> ", "---", "1. "}) {
      EXPECT_EQ(text.find(syntax), std::string::npos) << id << ": '" << syntax << "' in: " << text;
    }
    EXPECT_EQ(text.find("https://example.org"), std::string::npos) << text;
  }
}

class SortedRecordTest : public SearchRecordTest {
 protected:
  SortedRecordTest() : SearchRecordTest(kSortSite), orders_(search::ColumnOrders(*graph_)) {}

  // The ids with a value in a column, in its order.
  std::vector<std::string> Order(const std::string& column) const {
    const std::vector<int>& order = orders_.at(column);
    EXPECT_EQ(order.size(), records_.size());
    std::vector<std::string> ids(records_.size());
    size_t valued = 0;
    for (size_t place = 0; place < order.size(); ++place) {
      if (order[place] < 0) continue;
      ++valued;
      EXPECT_LT(static_cast<size_t>(order[place]), ids.size());
      ids.at(order[place]) = records_[place].meta.at("id");  // records are in register order
    }
    ids.resize(valued);
    return ids;
  }

  std::map<std::string, std::vector<int>> orders_;
};

TEST_F(SortedRecordTest, DiaryAndDocumentNumbersAreSearchableMeta) {
  EXPECT_EQ(Of("d1").meta.at("diary_number"), "KS 2020/0042");
  EXPECT_EQ(Of("d1").meta.at("document_number"), "DOK-77");
}

TEST_F(SortedRecordTest, EveryColumnSortsTheDocumentsThatHaveAValue) {
  EXPECT_EQ(orders_.size(), std::size(search::kRegisterColumns));
  for (std::string_view column : search::kRegisterColumns) {
    EXPECT_EQ(Order(std::string(column)).empty(), false) << column;  // d1 has every value
  }
  // Swedish order: Z, Å, Ä, Ö.
  EXPECT_EQ(Order("title"), (std::vector<std::string>{"d3", "d2", "d1"}));
  // Versions as numbers: 1.9 before 1.10; a draft without a version has no place.
  EXPECT_EQ(Order("version"), (std::vector<std::string>{"d2", "d1"}));
  EXPECT_EQ(Order("valid_from"), (std::vector<std::string>{"d2", "d1"}));
  EXPECT_EQ(Order("review_by"), (std::vector<std::string>{"d1"}));
  // Equal values keep the register's order, each at a place of its own.
  EXPECT_EQ(Order("organisation"), (std::vector<std::string>{"d3", "d2", "d1"}));
  EXPECT_EQ(Order("status"), (std::vector<std::string>{"d2", "d1", "d3"}));  // Gällande, Utkast
}

TEST_F(SortedRecordTest, OverdueRowsCarryTheFlagsText) {
  EXPECT_EQ(Of("d1").meta.at("overdue"), "Revision försenad");
  EXPECT_FALSE(Of("d2").meta.contains("overdue"));
}

// The site's own fields that its pages show are searchable; one kept off the page is not, as
// anyone who can open the register can read the index.
constexpr char kSiteFieldsSite[] = R"(-- kansli.yaml --
name: Test
base_url: https://intra.test/
types: {policy: {label: Policy}}
fields:
  galler_for: {label: Gäller för}
  arkivkod: {type: pattern, pattern: '\d+', show: [pdf]}
  malgrupp: {type: list}
-- content/a.md --
---
id: a
title: A
type: policy
galler_for: Alla nämnder
arkivkod: "12"
malgrupp: [Chefer, Medarbetare]
---
Text.
)";

class SiteFieldRecordTest : public SearchRecordTest {
 protected:
  SiteFieldRecordTest() : SearchRecordTest(kSiteFieldsSite) {}
};

TEST_F(SiteFieldRecordTest, TheSitesOwnFieldsShownOnThePageAreSearchableMeta) {
  EXPECT_EQ(Of("a").meta.at("galler_for"), "Alla nämnder");
  EXPECT_EQ(Of("a").meta.at("malgrupp"), "Chefer, Medarbetare");
  EXPECT_FALSE(Of("a").meta.contains("arkivkod"));
}

}  // namespace
}  // namespace kansli::testing
