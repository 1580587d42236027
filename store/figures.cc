// FiguresOf: the stated figures of an audit result; SplitAmount and SameAmount compare them.
#include "store/figures.h"

#include <charconv>
#include <cmath>
#include <set>
#include <tuple>

namespace jixiao {

namespace {

std::string JoinPath(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) {
    if (!out.empty()) out += " / ";
    out += p;
  }
  return out;
}

// The factor to 元 of a money unit; 0 for units that are not money.
double MoneyScale(const std::string& unit) {
  if (unit == "元") return 1;
  if (unit == "千元") return 1e3;
  if (unit == "万元") return 1e4;
  if (unit == "亿元") return 1e8;
  return 0;
}

bool ParseNumber(const std::string& value, double* out, int* decimals) {
  const char* b = value.data();
  const char* e = b + value.size();
  if (b != e && *b == '+') ++b;
  auto [ptr, ec] = std::from_chars(b, e, *out);
  if (ec != std::errc() || ptr != e) return false;
  auto dot = value.find('.');
  *decimals = dot == std::string::npos ? 0 : static_cast<int>(value.size() - dot - 1);
  return true;
}

}  // namespace

bool SplitAmount(std::string_view stated, std::string* value, std::string* unit) {
  size_t i = 0;
  std::string v;
  if (i < stated.size() && (stated[i] == '-' || stated[i] == '+')) v += stated[i++];
  bool digits = false, dot = false;
  for (; i < stated.size(); ++i) {
    char c = stated[i];
    if (c >= '0' && c <= '9') {
      v += c;
      digits = true;
    } else if (c == '.' && !dot && digits) {
      v += c;
      dot = true;
    } else if (c == ',' && digits && !dot) {
      continue;
    } else {
      break;
    }
  }
  if (!digits || v.back() == '.') return false;
  size_t u = i;
  while (u < stated.size() && stated[u] == ' ') ++u;
  *value = v;
  *unit = std::string(stated.substr(u));
  while (!unit->empty() && unit->back() == ' ') unit->pop_back();
  return true;
}

bool SameAmount(const std::string& value_a, const std::string& unit_a, const std::string& value_b,
                const std::string& unit_b, bool* comparable) {
  if (comparable) *comparable = false;
  double a = 0, b = 0;
  int da = 0, db = 0;
  if (!ParseNumber(value_a, &a, &da) || !ParseNumber(value_b, &b, &db)) return false;
  double sa = MoneyScale(unit_a), sb = MoneyScale(unit_b);
  if (sa == 0 || sb == 0) {
    if (unit_a != unit_b) return false;
    sa = sb = 1;
  }
  if (comparable) *comparable = true;
  // Half a unit of the last written digit, in 元 (or the shared unit), of the coarser figure.
  double tol = std::max(0.5 * std::pow(10.0, -da) * sa, 0.5 * std::pow(10.0, -db) * sb);
  return std::fabs(a * sa - b * sb) <= tol * (1 + 1e-9);
}

std::vector<StatedFigure> FiguresOf(const AuditResult& r) {
  std::vector<StatedFigure> out;
  if (r.year == 0) return out;
  std::set<std::tuple<std::string, int, std::string, std::string>> seen;
  auto add = [&](std::string name, int year, const std::string& stated, int page, int line,
                 const std::string& quote) {
    StatedFigure f;
    if (name.empty() || !SplitAmount(stated, &f.value, &f.unit)) return;
    if (!seen.insert({name, year, f.value, f.unit}).second) return;
    f.name = std::move(name);
    f.refers_year = year;
    f.page = page;
    f.line = line;
    f.quote = quote;
    out.push_back(std::move(f));
  };
  if (r.total && !r.total->score.empty()) {
    add("总分", r.year, r.total->score, r.total->page, r.total->line, "");
  }
  for (const auto& i : r.indicators) {
    if (!i.score.empty()) add(JoinPath(i.path), r.year, i.score, i.page, i.line, "");
  }
  for (const auto& f : r.figures) add(f.name, f.refers_year, f.value, f.page, f.line, f.quote);
  for (const auto& c : r.checks) {
    if (c.path.empty() || c.check == CheckId::kChangeCrossYear) continue;
    int year = c.check == CheckId::kChangeYoy ? r.year - 1 : r.year;
    add(JoinPath(c.path), year, c.stated, c.page, c.line, c.quote);
  }
  return out;
}

}  // namespace jixiao
