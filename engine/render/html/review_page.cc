// The review dashboard: what a kommunstyrelse must see at a glance, the documents in force
// whose revision is overdue or due soon, per owner, most urgent first.
#include <algorithm>
#include <map>

#include "render/html/site_pages.h"
#include "render/html/site_view.h"

namespace kansli::html {
namespace {

struct Due {
  const SiteDocument* doc;
  int days;  // until review_by; negative when overdue
};

// "försenad 12 dagar", "försenad 1 dag", "idag", "om 1 dag", "om 30 dagar".
std::string When(const SiteText& text, int days) {
  if (days == 0) return text.Get("review.due_today");
  if (days == -1) return text.Get("review.overdue_by_one");
  if (days == 1) return text.Get("review.due_in_one");
  return days < 0 ? text.Format("review.overdue_by", {{"days", std::to_string(-days)}})
                  : text.Format("review.due_in", {{"days", std::to_string(days)}});
}

}  // namespace

OutputFile RenderReview(const SiteGraph& site, const HtmlTheme& theme, Diagnostics& diags) {
  const SiteConfig& config = site.config();
  const SiteText& text = config.text;
  const int today = site.today().DayNumber();
  std::map<std::string, std::vector<Due>> by_owner;
  int overdue = 0, upcoming = 0;
  for (const SiteDocument* doc : site.Register()) {
    if (!doc->in_force) continue;  // a draft or repealed document has nothing to revise
    std::optional<Date> review_by = Date::Parse(doc->meta().Value("review_by"));
    if (!review_by) continue;
    const int days = review_by->DayNumber() - today;
    if (days > config.review_window_days) continue;
    (days < 0 ? overdue : upcoming) += 1;
    by_owner[doc->meta().Value("owner")].push_back({doc, days});
  }
  TemplateList groups;
  for (auto& [owner, due] : by_owner) {
    std::stable_sort(due.begin(), due.end(),
                     [](const Due& a, const Due& b) { return a.days < b.days; });
    TemplateList rows;
    std::vector<const SiteDocument*> docs;
    for (const Due& d : due) docs.push_back(d.doc);
    TemplateList base = DocumentRows(site, docs, "../");
    for (size_t i = 0; i < due.size(); ++i) {
      TemplateData row = base[i];
      const int days = due[i].days;
      row.set("overdue", days < 0);
      row.set("days", std::to_string(days));
      row.set("when", When(text, days));
      rows.push_back(row);
    }
    TemplateData group;
    group.set("owner", owner.empty() ? text.Get("review.no_owner") : owner);
    group.set("slug", "owner-" + std::to_string(groups.size() + 1));
    group.set("count", std::to_string(due.size()));
    group.set("rows", rows);
    groups.push_back(group);
  }
  TemplateData view = SiteView(site, "../", text.Get("review.title"));
  const std::string window = std::to_string(config.review_window_days);
  view.set("lead", text.Format("review.lead", {{"days", window}, {"today", site.today().ToString()}}));
  view.set("summary", text.Format("review.count", {{"overdue", std::to_string(overdue)},
                                                   {"upcoming", std::to_string(upcoming)},
                                                   {"days", window}}));
  if (!groups.empty()) view.set("owners", groups);
  return {std::string("html/") + kReviewFolder + "index.html",
          RenderTemplate(theme, theme.Page("review"), view, diags)};
}

}  // namespace kansli::html
