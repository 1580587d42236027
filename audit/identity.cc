// Which department and year a report is about, from its own text: the title line first, then the
// text ("本部门全称为…", the most frequent year). Never from the file name.
#include <re2/re2.h>

#include <charconv>
#include <map>

#include "audit/identity.h"
#include "audit/scan.h"

namespace jixiao {

namespace {

// The year group of a match as a number, or 0 when a user's rule gives something else.
int YearOf(const Document& doc, const Match& m) {
  std::string_view y = View(doc.text, m.Get("year"));
  int v = 0;
  auto [p, ec] = std::from_chars(y.data(), y.data() + y.size(), v);
  return ec == std::errc() && p == y.data() + y.size() && v >= 1900 && v <= 2200 ? v : 0;
}

// A department candidate cleaned of a leading function word, or "" if it is not a name.
std::string CleanDepartment(const Document& doc, const Match& m) {
  std::string d(View(doc.text, m.Get("dept")));
  static const char* const kLead[] = {"为", "是", "对", "由", "向", "经", "被", "在", "与", "及", "和", "的"};
  for (bool again = true; again;) {
    again = false;
    for (const char* w : kLead) {
      if (d.rfind(w, 0) == 0) {
        d.erase(0, 3);
        again = true;
      }
    }
  }
  static const char* const kNot[] = {"年度", "企业", "项目", "工作", "部门", "单位", "方面"};
  for (const char* w : kNot) {
    if (d.find(w) != std::string::npos) return "";
  }
  size_t end = m.Get("dept").end;
  if (doc.text.compare(end, 3, "门") == 0) return "";  // "…部门", not "…部"
  return d.size() >= 9 ? d : "";
}

}  // namespace

Identity FindIdentity(const Document& doc, const Rules& rules) {
  Identity id;
  // The title: the first lines of the first page.
  size_t head_end = 0;
  for (int lines = 0; head_end < doc.text.size() && lines < 6; ++lines) {
    size_t nl = doc.text.find('\n', head_end);
    head_end = nl == std::string::npos ? doc.text.size() : nl + 1;
  }
  Span head{0, head_end};
  for (const auto& m : FindAll(rules.One("identity.title_year"), doc.text, head)) {
    id.year = YearOf(doc, m);
    if (id.year == 0) continue;
    id.year_source = "title";
    break;
  }
  for (const auto& m : FindAll(rules.One("identity.department"), doc.text, head)) {
    std::string d = CleanDepartment(doc, m);
    if (d.empty()) continue;
    id.department = d;
    id.department_source = "title";
    break;
  }
  Span all{0, doc.text.size()};
  if (id.department.empty()) {
    for (const auto& m : FindAll(rules.One("identity.department_named"), doc.text, all)) {
      std::string d = CleanDepartment(doc, m);
      if (d.empty()) continue;
      id.department = d;
      id.department_source = "text";
      break;
    }
  }
  if (id.department.empty()) {
    // The department named most often in the text.
    std::map<std::string, int> count;
    std::string first;
    for (const auto& m : FindAll(rules.One("identity.department"), doc.text, all)) {
      std::string d = CleanDepartment(doc, m);
      if (d.empty()) continue;
      if (first.empty()) first = d;
      count[d] = 0;
    }
    // Each candidate counts every place the text names it, whatever precedes it.
    for (auto& [d, n] : count) {
      for (size_t at = doc.text.find(d); at != std::string::npos; at = doc.text.find(d, at + 1)) ++n;
    }
    int best = 0;
    for (const auto& [d, n] : count) {
      if (n > best) {
        best = n;
        id.department = d;
      }
    }
    if (!id.department.empty()) id.department_source = "text";
  }
  if (id.year == 0) {
    // The year mentioned most often (a report is about its year; "上年" mentions are fewer).
    std::map<int, int> count;
    for (const auto& m : FindAll(rules.One("identity.year"), doc.text, all)) {
      if (int y = YearOf(doc, m)) ++count[y];
    }
    int best = 0;
    for (const auto& [y, n] : count) {
      if (n > best || (n == best && y > id.year)) {
        best = n;
        id.year = y;
      }
    }
    if (id.year != 0) id.year_source = "text";
  }
  return id;
}

}  // namespace jixiao
