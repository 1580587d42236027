// Exact decimal sums over the indicator rows.
#include "report/score_tree.h"

#include <algorithm>
#include <cstdint>

namespace jixiao {

namespace {

// A decimal as an integer mantissa and a count of decimals: "1.25" = {125, 2}.
struct Decimal {
  int64_t mantissa = 0;
  int scale = 0;
};

std::optional<Decimal> ParseDecimal(const std::string& s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  Decimal d;
  bool digits = false, point = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      if (d.mantissa > (INT64_MAX - 9) / 10 || d.scale >= 12) return std::nullopt;
      d.mantissa = d.mantissa * 10 + (c - '0');
      if (point) ++d.scale;
      digits = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  if (negative) d.mantissa = -d.mantissa;
  return d;
}

int64_t Pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

std::string Format(const Decimal& d) {
  uint64_t magnitude =
      d.mantissa < 0 ? static_cast<uint64_t>(-d.mantissa) : static_cast<uint64_t>(d.mantissa);
  uint64_t unit = static_cast<uint64_t>(Pow10(d.scale));
  std::string out = d.mantissa < 0 ? "-" : "";
  out += std::to_string(magnitude / unit);
  if (d.scale > 0) {
    std::string frac = std::to_string(magnitude % unit);
    out += '.';
    out.append(static_cast<size_t>(d.scale) - frac.size(), '0');
    out += frac;
  }
  return out;
}

SumCheck Check(const std::vector<std::string>& terms, const std::string& stated) {
  SumCheck c;
  if (auto sum = DecimalSum(terms)) {
    c.sum = *sum;
    if (!stated.empty() && ParseDecimal(stated)) c.ok = DecimalEqual(c.sum, stated);
  }
  return c;
}

bool IsChild(const IndicatorRow& parent, const IndicatorRow& child) {
  if (child.path.size() != parent.path.size() + 1) return false;
  for (size_t i = 0; i < parent.path.size(); ++i) {
    if (child.path[i] != parent.path[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> DecimalSum(const std::vector<std::string>& terms) {
  if (terms.empty()) return std::nullopt;
  std::vector<Decimal> ds;
  int scale = 0;
  for (const auto& t : terms) {
    auto d = ParseDecimal(t);
    if (!d) return std::nullopt;
    scale = std::max(scale, d->scale);
    ds.push_back(*d);
  }
  Decimal sum{0, scale};
  for (const auto& d : ds) sum.mantissa += d.mantissa * Pow10(scale - d.scale);
  return Format(sum);
}

bool DecimalEqual(const std::string& a, const std::string& b) {
  auto x = ParseDecimal(a), y = ParseDecimal(b);
  if (!x || !y) return false;
  int scale = std::max(x->scale, y->scale);
  return x->mantissa * Pow10(scale - x->scale) == y->mantissa * Pow10(scale - y->scale);
}

std::vector<TreeRow> BuildScoreTree(const std::vector<IndicatorRow>& rows) {
  std::vector<TreeRow> tree;
  tree.reserve(rows.size());
  for (const auto& parent : rows) {
    TreeRow t;
    t.row = &parent;
    t.depth = parent.path.empty() ? 0 : static_cast<int>(parent.path.size()) - 1;
    std::vector<std::string> maxes, scores;
    for (const auto& child : rows) {
      if (!IsChild(parent, child)) continue;
      ++t.children;
      maxes.push_back(child.max);
      scores.push_back(child.score);
    }
    if (t.children > 0) {
      t.max = Check(maxes, parent.max);
      t.score = Check(scores, parent.score);
    }
    tree.push_back(std::move(t));
  }
  return tree;
}

TotalCheck CheckTotal(const AuditResult& r) {
  TotalCheck t;
  std::vector<std::string> maxes, scores;
  for (const auto& row : r.indicators) {
    if (row.path.size() != 1) continue;
    maxes.push_back(row.max);
    scores.push_back(row.score);
  }
  t.max = Check(maxes, r.total ? r.total->max : "");
  t.score = Check(scores, r.total ? r.total->score : "");
  return t;
}

}  // namespace jixiao
