// FormsOf: the parts of an AuditResult as rows of the `forms` table.
//
// AuditResult::Part gives kind, pages and identity. The rest is taken from what the audit states
// about the part, by the conventions of audit/forms_checks.cc:
//   - total: AuditResult::total when it lies in the part; else the score.total check on path
//     {"总分"} (its stated score) and the score.children_max check on {"总分"} (its stated max);
//   - funds (the row whose first cell names a 总额 / 合计): B from the sum.breakdown check of the
//     全年执行数 column ("其中 rows of 全年执行数 → …", stated = the total row's cell), else the
//     numerator of the rate.ratio check "执行率 = 全年执行数 (B) / …" ("B / A = …"), A its
//     denominator, 执行率 its stated rate. A failed sum.breakdown on B leaves B unread.
//   - a report's 项目支出: the figures named 项目支出 / 项目支出决算(数) about the part's year whose
//     sentence does not speak of a 预算 only.
#include "store/forms.h"

#include <algorithm>
#include <set>

#include "store/figures.h"
#include "structure/structure.h"

namespace jixiao {

namespace {

bool Contains(const std::string& s, const char* w) { return s.find(w) != std::string::npos; }

// The unit a funds header prints: "(万元)", "（万元）", "单位:万元".
std::string FundsUnit(const std::string& text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!Contains(line, "资金") && !Contains(line, "预算执行")) continue;
    for (const char* u : {"万元", "千元", "亿元", "元"}) {
      for (const char* open : {"(", "（", "单位:", "单位：", "单位: ", "单位： "}) {
        if (Contains(line, (std::string(open) + u).c_str())) return u;
      }
    }
  }
  return "";
}

bool IsTotalRow(const std::vector<std::string>& path) {
  if (path.size() != 1) return false;
  return Contains(path[0], "总额") || Contains(path[0], "合计");
}

// "37.24 / 43.2 = …": the two operands.
bool Operands(const std::string& arithmetic, std::string* num, std::string* den) {
  size_t slash = arithmetic.find(" / ");
  size_t eq = arithmetic.find(" = ");
  if (slash == std::string::npos || eq == std::string::npos || eq < slash) return false;
  *num = arithmetic.substr(0, slash);
  *den = arithmetic.substr(slash + 3, eq - slash - 3);
  std::string v, u;
  return SplitAmount(*num, &v, &u) && u.empty() && SplitAmount(*den, &v, &u) && u.empty();
}

bool InPart(const StoredForm& f, int page, int line) {
  if (f.first_line > 0) return line >= f.first_line && line <= f.last_line;
  return page >= f.first_page && page <= f.last_page;
}

}  // namespace

std::vector<PartExtent> PartExtents(const Document& doc, const Rules& rules, size_t parts) {
  std::vector<PartExtent> out;
  if (parts == 0) return out;
  if (parts == 1) {
    PartExtent e;
    e.first_line = doc.text.empty() ? 0 : doc.LineAt(0);
    e.last_line = doc.text.empty() ? 0 : doc.LineAt(doc.text.size() - 1);
    e.funds_unit = FundsUnit(doc.text);
    out.push_back(std::move(e));
    return out;
  }
  Structure s = BuildStructure(doc, rules);
  if (s.parts.size() != parts) return {};
  for (const Part& p : s.parts) {
    PartExtent e;
    e.first_line = doc.LineAt(p.at.begin);
    e.last_line = p.at.end > p.at.begin ? doc.LineAt(p.at.end - 1) : e.first_line;
    const size_t end = std::min(p.at.end, doc.text.size());
    if (p.at.begin < end) e.funds_unit = FundsUnit(doc.text.substr(p.at.begin, end - p.at.begin));
    out.push_back(std::move(e));
  }
  return out;
}

std::string DepartmentKey(const std::string& stated, const std::string& document_department) {
  if (stated.empty()) return document_department;
  size_t i = 0;
  while (i < stated.size() && stated[i] >= '0' && stated[i] <= '9') ++i;
  if (i > 0 && i < stated.size() && (stated[i] == '-' || stated.compare(i, 3, "－") == 0)) {
    return stated.substr(i + (stated[i] == '-' ? 1 : 3));
  }
  return stated;
}

int PartOf(const std::vector<StoredForm>& forms, int page, int line) {
  if (forms.size() == 1) return 0;
  int found = -1;
  for (const StoredForm& f : forms) {
    if (!InPart(f, page, line)) continue;
    if (f.first_line > 0) return f.seq;
    if (found >= 0) return -1;  // two parts on this page, lines unknown
    found = f.seq;
  }
  return found;
}

std::vector<StoredForm> FormsOf(const AuditResult& r, const std::vector<PartExtent>& extents) {
  std::vector<StoredForm> out;
  const bool lines = extents.size() == r.parts.size();
  for (size_t i = 0; i < r.parts.size(); ++i) {
    const AuditResult::Part& p = r.parts[i];
    StoredForm f;
    f.seq = static_cast<int>(i);
    f.kind = p.kind, f.title = p.title, f.project = p.project, f.department = p.department;
    f.unit = p.unit, f.code = p.code;
    f.department_key = DepartmentKey(p.department, r.department);
    f.year = p.year != 0 ? p.year : r.year;
    f.first_page = p.first_page, f.last_page = p.last_page;
    f.assessed = p.assessed;
    if (lines) f.first_line = extents[i].first_line, f.last_line = extents[i].last_line;
    out.push_back(std::move(f));
  }
  if (out.empty()) return out;
  auto part_of = [&](int page, int line) { return PartOf(out, page, line); };

  if (r.total) {
    if (int k = part_of(r.total->page, r.total->line); k >= 0) {
      if (!r.total->max.empty()) out[k].total_max = r.total->max;
      if (!r.total->score.empty()) out[k].total_score = r.total->score;
    }
  }
  std::set<int> spent_uncertain;
  for (const CheckResult& c : r.checks) {
    const int k = part_of(c.page, c.line);
    if (k < 0) continue;
    StoredForm& f = out[k];
    const bool total_path = c.path.size() == 1 && c.path[0] == "总分";
    if (total_path && c.check == CheckId::kScoreTotal && !f.total_score && !c.stated.empty())
      f.total_score = c.stated;
    if (total_path && c.check == CheckId::kScoreChildrenMax && !f.total_max && !c.stated.empty())
      f.total_max = c.stated;
    if (!IsTotalRow(c.path)) continue;
    const std::string unit = lines ? extents[k].funds_unit : std::string();
    if (c.check == CheckId::kSumBreakdown && Contains(c.arithmetic, "其中 rows of 全年执行数")) {
      if (c.verdict != Verdict::kPass) {
        spent_uncertain.insert(k);
      } else if (!f.spent) {
        std::string v, u;
        if (SplitAmount(c.stated, &v, &u) && u.empty()) f.spent = PlacedValue{v, unit, c.page, c.line, c.quote};
      }
    }
    if (c.check == CheckId::kRateRatio && Contains(c.arithmetic, "执行率 = 全年执行数 (B) /")) {
      std::string num, den;
      if (!Operands(c.arithmetic, &num, &den)) continue;
      if (!f.spent) f.spent = PlacedValue{num, unit, c.page, c.line, c.quote};
      if (!f.budget) f.budget = den;
      if (!f.rate && !c.stated.empty()) f.rate = c.stated;
    }
  }
  for (int k : spent_uncertain) out[k].spent.reset();

  for (const Finding& x : r.findings) {
    const int k = part_of(x.page, x.line);
    if (k < 0) continue;
    out[k].errors += x.severity == Severity::kError;
    out[k].warnings += x.severity == Severity::kWarning;
    out[k].infos += x.severity == Severity::kInfo;
  }

  // A report's 项目支出 for its year, if every statement of it in the part agrees.
  std::vector<std::optional<PlacedValue>> spending(out.size());
  std::set<int> disagree;
  for (const FigureRow& g : r.figures) {
    if (g.name != "项目支出" && g.name != "项目支出决算" && g.name != "项目支出决算数") continue;
    if (Contains(g.quote, "预算") && !Contains(g.quote, "决算")) continue;
    const int k = part_of(g.page, g.line);
    if (k < 0 || g.refers_year != out[k].year) continue;
    if (out[k].kind != "department_report" && out[k].kind != "department_form") continue;
    PlacedValue v;
    if (!SplitAmount(g.value, &v.value, &v.unit) || v.unit.empty()) continue;
    v.page = g.page, v.line = g.line, v.quote = g.quote;
    if (!spending[k]) {
      spending[k] = v;
    } else if (!SameAmount(spending[k]->value, spending[k]->unit, v.value, v.unit)) {
      disagree.insert(k);
    }
  }
  for (size_t k = 0; k < out.size(); ++k)
    if (!disagree.count(static_cast<int>(k))) out[k].project_spending = spending[k];
  return out;
}

}  // namespace jixiao
