#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "render/html/html_query.h"

namespace kansli::testing {
namespace {

// One document of the test config (kTestConfig) as a txtar file. A policy in force needs
// version, adopted_by and valid_from; review_by must come after valid_from.
std::string Doc(const std::string& id, const std::string& title, const std::string& status,
                const std::string& owner, const std::string& review_by) {
  std::string text = "-- content/" + id + ".md --\n---\nid: " + id + "\ntitle: " + title +
                     "\ntype: policy\norganisation: Testby kommun\nstatus: " + status +
                     "\nversion: 1\nadopted_by: Kommunfullmäktige\nvalid_from: 2000-01-01\n";
  if (!owner.empty()) text += "owner: " + owner + "\n";
  if (!review_by.empty()) text += "review_by: " + review_by + "\n";
  return text + "---\nText.\n";
}

std::string Config(int review_window_days) {
  return std::string("-- kansli.yaml --\n") + kTestConfig +
         "review_window_days: " + std::to_string(review_window_days) + "\n";
}

// A site, its graph and its rendered dashboard.
class Review {
 public:
  Review(const std::string& txtar, const std::string& today) : site_(txtar, today) {
    EXPECT_TRUE(site_.site.has_value()) << site_.DiagnosticLines();
    EXPECT_EQ(site_.diags.error_count(), 0) << site_.DiagnosticLines();
    if (!site_.site) return;
    graph_ = std::make_unique<SiteGraph>(*site_.site, Relations{});
    Diagnostics diags;
    OutputFile file = html::RenderReview(*graph_, theme_, diags);
    EXPECT_TRUE(diags.empty()) << diags.list().front().message;
    EXPECT_EQ(file.path, "html/granskning/index.html");
    html_ = file.bytes;
    page_ = std::make_unique<ParsedMarkup>(ParsedMarkup::Html(html_));
    EXPECT_TRUE(page_->errors().empty()) << page_->errors().front();
  }

  const ParsedMarkup& page() const { return *page_; }
  const std::string& html() const { return html_; }

  // The ids of the dashboard's rows, in page order.
  std::vector<std::string> Ids() const { return page_->All("//tbody/tr/@data-id"); }
  std::vector<std::string> IdsOf(const std::string& owner) const {
    return page_->All("//section[@class='review-owner'][h2[starts-with(., '" + owner +
                      " (')]]//tbody/tr/@data-id");
  }
  std::string RowClass(const std::string& id) const {
    return page_->First("//tbody/tr[@data-id='" + id + "']/@class");
  }
  std::string When(const std::string& id) const {
    return page_->First("//tbody/tr[@data-id='" + id + "']/td[5]");
  }

 private:
  TestSite site_;
  HtmlTheme theme_ = RealTheme();
  std::unique_ptr<SiteGraph> graph_;
  std::string html_;
  std::unique_ptr<ParsedMarkup> page_ = std::make_unique<ParsedMarkup>(ParsedMarkup::Html(""));
};

// Today is 2024-02-20, in a leap year; the window is the default 90 days (to 2024-05-20).
const std::string kSite =
    Doc("forsenad", "Försenad policy", "gällande", "Kansliet", "2023-12-31") +  // -51
    Doc("idag", "Idag policy", "gällande", "Kansliet", "2024-02-20") +          // 0
    Doc("snart", "A snart policy", "gällande", "Kansliet", "2024-03-01") +      // 10, leap day
    Doc("kanten", "Kanten policy", "gällande", "Ekonomi", "2024-05-20") +       // 90
    Doc("utanfor", "Utanför policy", "gällande", "Ekonomi", "2024-05-21") +     // 91
    Doc("utkast", "Utkast policy", "utkast", "Kansliet", "2020-01-01") +
    Doc("upphavd", "Upphävd policy", "upphävd", "Kansliet", "2020-01-01") +
    Doc("ersatt", "Ersatt policy", "ersatt", "Kansliet", "2020-01-01") +
    Doc("odaterad", "Odaterad policy", "gällande", "Kansliet", "");

TEST(ReviewPage, OverdueDocumentInForceIsFlaggedWithDaysLate) {
  Review review(kSite, "2024-02-20");
  EXPECT_EQ(review.RowClass("forsenad"), "overdue");
  EXPECT_EQ(review.When("forsenad"), "försenad 51 dagar");
  EXPECT_EQ(review.page().First("//tr[@data-id='forsenad']/td[5]/strong/@class"), "flag-overdue");
  EXPECT_EQ(review.page().First("//tr[@data-id='forsenad']/th/a/@href"), "../forsenad/index.html");
  EXPECT_EQ(review.page().First("//tr[@data-id='forsenad']/td[4]"), "2023-12-31");
}

TEST(ReviewPage, DocumentDueWithinTheWindowIsUpcomingWithDaysLeft) {
  Review review(kSite, "2024-02-20");
  EXPECT_EQ(review.RowClass("snart"), "upcoming");
  EXPECT_EQ(review.When("snart"), "om 10 dagar");  // 2024-02-29 is a day too
  EXPECT_EQ(review.RowClass("kanten"), "upcoming");
  EXPECT_EQ(review.When("kanten"), "om 90 dagar");
}

TEST(ReviewPage, DocumentDueTodaySaysToday) {
  Review review(kSite, "2024-02-20");
  EXPECT_EQ(review.RowClass("idag"), "upcoming");
  EXPECT_EQ(review.When("idag"), "idag");
}

TEST(ReviewPage, LeavesOutDocumentsBeyondTheWindowNotInForceOrUndated) {
  Review review(kSite, "2024-02-20");
  std::vector<std::string> ids = review.Ids();
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"forsenad", "idag", "kanten", "snart"}));
  for (const char* absent : {"utanfor", "utkast", "upphavd", "ersatt", "odaterad"}) {
    EXPECT_EQ(review.html().find(std::string("../") + absent + "/"), std::string::npos) << absent;
  }
}

TEST(ReviewPage, GroupsByOwnerMostUrgentFirst) {
  Review review(kSite, "2024-02-20");
  EXPECT_EQ(review.page().All("//section[@class='review-owner']/h2"),
            (std::vector<std::string>{"Ekonomi (1)", "Kansliet (3)"}));
  // The register order is by title ("A snart" first); the dashboard's is by days left.
  EXPECT_EQ(review.IdsOf("Kansliet"), (std::vector<std::string>{"forsenad", "idag", "snart"}));
  EXPECT_EQ(review.IdsOf("Ekonomi"), std::vector<std::string>{"kanten"});
  // Each section is named by its heading, and the ids are unique.
  std::vector<std::string> labelled = review.page().All("//section/@aria-labelledby");
  std::vector<std::string> ids = review.page().All("//section/h2/@id");
  EXPECT_EQ(labelled, ids);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 2u);
}

TEST(ReviewPage, SummaryCountsOverdueAndUpcoming) {
  Review review(kSite, "2024-02-20");
  EXPECT_EQ(review.page().First("//p[@class='review-summary']"), "1 försenade, 3 inom 90 dagar");
  EXPECT_NE(review.page().First("//p[@class='lead']").find("2024-02-20"), std::string::npos);
  EXPECT_EQ(review.page().Count("//p[@class='review-none']"), 0u);
}

TEST(ReviewPage, DocumentWithoutOwnerHasItsOwnGroup) {
  // A decision needs no owner.
  Review review(kSite + R"(-- content/agarlos.md --
---
id: agarlos
title: KS § 1
type: beslut
organisation: Testby kommun
status: gällande
version: 1
adopted_by: Kommunstyrelsen
diary_number: KS 2020/1
review_by: 2024-01-01
---
)",
                "2024-02-20");
  EXPECT_EQ(review.page().All("//section[@class='review-owner']/h2"),
            (std::vector<std::string>{"Utan dokumentansvarig (1)", "Ekonomi (1)", "Kansliet (3)"}));
  EXPECT_EQ(review.When("agarlos"), "försenad 50 dagar");
}

TEST(ReviewPage, WindowComesFromKansliYaml) {
  Review narrow(Config(10) + kSite, "2024-02-20");
  EXPECT_EQ(narrow.Ids(), (std::vector<std::string>{"forsenad", "idag", "snart"}));
  EXPECT_EQ(narrow.page().First("//p[@class='review-summary']"), "1 försenade, 2 inom 10 dagar");

  Review wide(Config(91) + kSite, "2024-02-20");
  std::vector<std::string> ids = wide.Ids();
  EXPECT_NE(std::find(ids.begin(), ids.end(), "utanfor"), ids.end());
}

TEST(ReviewPage, ZeroWindowListsOnlyOverdueAndDueToday) {
  Review review(Config(0) + kSite, "2024-02-20");
  EXPECT_EQ(review.Ids(), (std::vector<std::string>{"forsenad", "idag"}));
  EXPECT_EQ(review.page().First("//p[@class='review-summary']"), "1 försenade, 1 inom 0 dagar");
}

TEST(ReviewPage, EmptyDashboardSaysSo) {
  Review review(Doc("senare", "Senare policy", "gällande", "Kansliet", "2030-01-01") +
                    Doc("utkast", "Utkast policy", "utkast", "Kansliet", "2020-01-01"),
                "2024-02-20");
  EXPECT_EQ(review.page().Count("//section[@class='review-owner']"), 0u);
  EXPECT_EQ(review.page().Count("//table"), 0u);
  EXPECT_EQ(review.page().First("//p[@class='review-none']"),
            "Inga dokument behöver revideras inom perioden.");
  EXPECT_EQ(review.page().First("//p[@class='review-summary']"), "0 försenade, 0 inom 90 dagar");
}

struct DayCase {
  const char* today;
  const char* review_by;
  const char* when;
};

TEST(ReviewPage, CountsDaysAcrossMonthEndsAndLeapYears) {
  for (const DayCase& c : {
           DayCase{"2024-02-28", "2024-03-01", "om 2 dagar"},        // leap day between
           DayCase{"2023-02-28", "2023-03-01", "om 1 dag"},        // no leap day
           DayCase{"2024-02-29", "2024-02-28", "försenad 1 dag"},  // on the leap day
           DayCase{"2025-01-31", "2024-12-31", "försenad 31 dagar"},
           DayCase{"2025-01-01", "2024-01-01", "försenad 366 dagar"},  // all of 2024
           DayCase{"2026-01-01", "2025-01-01", "försenad 365 dagar"},
           DayCase{"2024-04-30", "2024-05-01", "om 1 dag"},
           DayCase{"2024-12-31", "2025-03-01", "om 60 dagar"},
           DayCase{"2100-02-28", "2100-03-01", "om 1 dag"},  // 2100 is not a leap year
       }) {
    Review review(Doc("d", "D", "gällande", "Kansliet", c.review_by), c.today);
    EXPECT_EQ(review.When("d"), c.when) << c.today << " → " << c.review_by;
  }
}

}  // namespace
}  // namespace kansli::testing
