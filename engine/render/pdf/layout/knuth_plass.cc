#include "render/pdf/layout/knuth_plass.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kansli::pdf {
namespace {

using Kind = KpItem::Kind;

constexpr double kAwful = std::numeric_limits<double>::max();
constexpr size_t kStart = static_cast<size_t>(-1);
// A line this much too wide still fits: widths summed in another order (a table column set to
// exactly its widest piece) differ in the last bits, and a millionth of a point is invisible.
constexpr double kSlack = 1e-6;

struct Totals {
  double width = 0, stretch = 0, shrink = 0;
  int fills = 0;  // infinite stretch is counted apart so that sums stay finite
};

struct Node {
  size_t item = kStart;
  int fitness = 1;
  Totals totals;  // of the items before the first one on the next line
  double demerits = 0;
  double ratio = 0;
  int previous = -1;
};

int FitnessClass(double ratio) {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

// TeX's badness, 100 |r|^3 capped at 10000; cubed by multiplying, which is a tenth of pow's
// cost and runs for every active node at every breakpoint.
double Badness(double ratio) {
  const double r = std::abs(ratio);
  return std::min(100 * r * r * r, 10000.0);
}

class Breaker {
 public:
  Breaker(const std::vector<KpItem>& items, const KpParams& params)
      : items_(items), params_(params), sums_(items.size() + 1) {
    for (size_t i = 0; i < items.size(); ++i) {
      Totals t = sums_[i];
      const KpItem& item = items[i];
      if (item.kind != Kind::kPenalty) t.width += item.width;
      if (item.kind == Kind::kGlue) {
        if (std::isinf(item.stretch)) {
          ++t.fills;
        } else {
          t.stretch += item.stretch;
        }
        t.shrink += item.shrink;
      }
      sums_[i + 1] = t;
    }
  }

  // Empty if no way through the paragraph stays within `tolerance`.
  std::vector<KpBreak> Run(double tolerance, bool final_pass) {
    background_stretch_ = params_.line_end_stretch + (final_pass ? params_.emergency_stretch : 0);
    nodes_.assign(1, Node{});
    std::vector<int> active{0};
    for (size_t i = 0; i < items_.size() && !active.empty(); ++i) {
      const KpItem& item = items_[i];
      bool legal = item.kind == Kind::kPenalty
                       ? item.penalty < kInfinitePenalty && (final_pass || !item.emergency)
                       : item.kind == Kind::kGlue && i > 0 && items_[i - 1].kind == Kind::kBox;
      if (legal) TryBreak(i, tolerance, final_pass, active);
    }
    int best = -1;
    for (int a : active) {
      if (nodes_[a].item + 1 == items_.size() &&
          (best < 0 || nodes_[a].demerits < nodes_[best].demerits)) {
        best = a;
      }
    }
    std::vector<KpBreak> breaks;
    for (int n = best; n > 0; n = nodes_[n].previous) {
      breaks.push_back({nodes_[n].item, nodes_[n].ratio});
    }
    std::reverse(breaks.begin(), breaks.end());
    return breaks;
  }

 private:
  void TryBreak(size_t i, double tolerance, bool final_pass, std::vector<int>& active) {
    const KpItem& item = items_[i];
    const bool is_penalty = item.kind == Kind::kPenalty;
    const bool forced = is_penalty && item.penalty <= -kInfinitePenalty;
    struct Candidate {
      double demerits = kAwful;
      int previous = -1;
      double ratio = 0;
    };
    std::array<Candidate, 4> best;
    bool found = false;
    for (size_t k = 0; k < active.size();) {
      const Node& a = nodes_[active[k]];
      double ratio = Ratio(a, i, forced);
      bool deactivate = ratio < -1 || forced;
      bool feasible = ratio >= -1;
      double badness = ratio < -1 ? kAwful : Badness(ratio);
      if (!feasible && final_pass && active.size() == 1 && !found) {
        feasible = true;  // an overfull line is the only way on (a box wider than the line)
        badness = 0;
        ratio = -1;
      }
      if (feasible && badness <= tolerance) {
        double demerits = Demerits(a, i, badness, FitnessClass(ratio));
        Candidate& c = best[FitnessClass(ratio)];
        if (demerits < c.demerits) c = {demerits, active[k], ratio};
        found = true;
      }
      if (deactivate) {
        active.erase(active.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
    if (is_penalty && item.penalty >= kInfinitePenalty) return;
    Totals after = After(i);
    for (int fitness = 0; fitness < 4; ++fitness) {
      const Candidate& c = best[fitness];
      if (c.previous < 0) continue;
      nodes_.push_back({.item = i,
                        .fitness = fitness,
                        .totals = after,
                        .demerits = c.demerits,
                        .ratio = c.ratio,
                        .previous = c.previous});
      active.push_back(static_cast<int>(nodes_.size()) - 1);
    }
  }

  double Ratio(const Node& a, size_t i, bool forced) const {
    const KpItem& item = items_[i];
    double width = sums_[i].width - a.totals.width;
    if (item.kind == Kind::kPenalty) width += item.width;
    double shortfall = params_.line_width - width;
    if (shortfall >= -kSlack) {
      if (forced || sums_[i].fills > a.totals.fills) return 0;
      double stretch = sums_[i].stretch - a.totals.stretch + background_stretch_;
      return stretch > 0 ? shortfall / stretch : (shortfall > 0 ? 1000 : 0);
    }
    double shrink = sums_[i].shrink - a.totals.shrink;
    return shrink > 0 ? shortfall / shrink : -kAwful;
  }

  double Demerits(const Node& a, size_t i, double badness, int fitness) const {
    const KpItem& item = items_[i];
    double line = params_.line_penalty + badness;
    double demerits = line * line;
    if (item.kind == Kind::kPenalty) {
      if (item.penalty >= 0) {
        demerits += item.penalty * item.penalty;
      } else if (item.penalty > -kInfinitePenalty) {
        demerits -= item.penalty * item.penalty;
      }
      if (item.flagged && a.item != kStart && items_[a.item].kind == Kind::kPenalty &&
          items_[a.item].flagged) {
        demerits += params_.flagged_demerits;
      }
    }
    if (std::abs(fitness - a.fitness) > 1) demerits += params_.fitness_demerits;
    return a.demerits + demerits;
  }

  // Glue and penalties after a break are dropped, up to the next box or forced break.
  Totals After(size_t i) const {
    size_t k = i + 1;
    while (k < items_.size() && items_[k].kind != Kind::kBox &&
           !(items_[k].kind == Kind::kPenalty && items_[k].penalty <= -kInfinitePenalty)) {
      ++k;
    }
    return sums_[k];
  }

  const std::vector<KpItem>& items_;
  const KpParams& params_;
  std::vector<Totals> sums_;  // sums_[i]: of items before i
  std::vector<Node> nodes_;
  double background_stretch_ = 0;  // every line's, besides its glue's
};

}  // namespace

std::vector<KpBreak> KnuthPlass(const std::vector<KpItem>& items, const KpParams& params) {
  if (items.empty()) return {};
  Breaker breaker(items, params);
  std::vector<KpBreak> breaks = breaker.Run(params.tolerance, false);
  if (breaks.empty()) breaks = breaker.Run(std::numeric_limits<double>::infinity(), true);
  return breaks;
}

}  // namespace kansli::pdf
