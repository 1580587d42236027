// ReadForm, the lines of a form's part outside its blocks: identity (项目名称, 主管部门, the year),
// footnotes (一级 weights, printed scoring rules), a 总分 line outside the tables, the grade and
// the conclusion's claims (全部完成, 资金全部执行完毕, 均获满分).
#include <re2/re2.h>

#include <algorithm>

#include "audit/forms_reader.h"
#include "audit/scan.h"

namespace jixiao::forms {

// Lines of the part outside its blocks: identity, footnotes, printed rules, grade, claims.
void Reader::ReadLines() {
  Span all{part_.at.begin, std::min(part_.at.end, doc_.text.size())};
  std::vector<Span> lines = Lines(doc_.text);
  size_t first_block = all.end;
  for (const Span& r : form_.read) first_block = std::min(first_block, r.begin);
  std::string sig = part_.title + signature_;
  int seen = 0;
  bool grade_label = false;  // the line before (not blank) is a grade's label alone
  for (const Span& l : lines) {
    if (l.begin < all.begin || l.begin >= all.end) continue;
    std::string_view s = View(doc_.text, l);
    std::string str(s);
    if (l.begin < first_block || seen < 12) Identity(str, l);
    ++seen;
    if (const Table* t = s_.TableAt(l.begin); t == nullptr || s.size() > 200) Footnote(l);
    if (RE2::PartialMatch(str, rules_.One("forms.footnote.rate_rule"))) form_.rate_rule_printed = true;
    if (!form_.total_score && s_.TableAt(l.begin) == nullptr) TotalLine(l);
    if (RE2::PartialMatch(str, rules_.One("forms.footnote.row_rule"))) form_.row_rule_printed = true;
    for (const auto& m : FindAll(rules_.One("forms.grade"), doc_.text, l)) {
      if (form_.grade.empty()) {
        form_.grade = std::string(View(doc_.text, m.Get("grade")));
        form_.grade_at = m.Get("grade");
      }
    }
    // One cell per line: the grade's label alone on its line, the grade alone on the next.
    std::string cell = NoSpace(s);
    if (form_.grade.empty() && grade_label && RE2::FullMatch(cell, rules_.One("forms.grade_cell"))) {
      form_.grade = cell;
      form_.grade_at = l;
    }
    if (!cell.empty()) grade_label = RE2::FullMatch(cell, rules_.One("forms.grade_label"));
    auto claim = [&](const char* rule, Span* at) {
      if (!at->empty()) return;
      for (const auto& m : FindAll(rules_.One(rule), doc_.text, l)) {
        *at = SentenceAround(doc_.text, m.whole);
        break;
      }
    };
    claim("forms.claim.all_spent", &form_.claim_spent_at);
    claim("forms.claim.full_marks", &form_.claim_full_at);
    if (!form_.claims_all_met) {
      for (const auto& m : FindAll(rules_.One("forms.claim.all_met"), doc_.text, l)) {
        form_.claims_all_met = true;
        form_.claim_at = SentenceAround(doc_.text, m.whole);
        break;
      }
    }
  }
  signature_ = sig;
}

void Reader::Identity(const std::string& s, Span) {
  auto take = [&](const char* rule, std::string* into) {
    if (!into->empty()) return;
    std::string v;
    if (!RE2::PartialMatch(s, rules_.One(rule), &v)) return;
    re2::StringPiece in(v), m;
    // Cut at the next label glued on ("XX局实施单位XX中心"); a value that is the next label
    // ("主管部门 | | 实施单位 | XX局": its cell is empty) is no value.
    for (const re2::RE2* re : rules_.Get("forms.identity.label")) {
      if (re->Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) v = v.substr(0, static_cast<size_t>(m.data() - v.data()));
    }
    if (v.size() < 2) return;
    *into = v;
  };
  take("forms.identity.project", &form_.project);
  take("forms.identity.department", &form_.department);
  take("forms.identity.unit", &form_.unit);
  take("forms.identity.code", &form_.code);
  if (form_.year == 0) {
    int y = 0;
    if (RE2::PartialMatch(s, rules_.One("forms.identity.year"), &y) && y >= 2000 && y < 2100) form_.year = y;
  }
}

// "总分 | 100 | 92.5 |" outside any table: the max and the score.
void Reader::TotalLine(Span l) {
  auto m = FindAll(rules_.One("forms.total_line"), doc_.text, l);
  if (m.empty()) {
    auto only = FindAll(rules_.One("forms.total_score_line"), doc_.text, l);
    if (only.empty()) return;
    auto score = FigureAt(doc_.text, only[0].Get("score").begin);
    if (!score) return;
    form_.total_score = Fig{*score, Span{score->begin, score->end}};
    form_.total_row = l;
    form_.read.push_back(l);
    return;
  }
  auto max = FigureAt(doc_.text, m[0].Get("max").begin), score = FigureAt(doc_.text, m[0].Get("score").begin);
  if (!max || !score) return;
  form_.total_max = Fig{*max, Span{max->begin, max->end}};
  form_.total_score = Fig{*score, Span{score->begin, score->end}};
  form_.total_row = l;
  form_.read.push_back(l);
}

void Reader::Footnote(Span l) {
  for (const auto& m : FindAll(rules_.One("forms.footnote.weight"), doc_.text, l)) {
    std::string name(View(doc_.text, m.Get("name")));
    auto n = FigureAt(doc_.text, m.Get("max").begin);
    if (!n) continue;
    for (Group& g : form_.groups) {
      if (g.level != 1 || g.max) continue;
      if (name.find(g.name) != std::string::npos || g.name.find(name) != std::string::npos) {
        Number pts = *n;
        pts.unit = Unit::kPoints;
        pts.measure = "分";
        g.max = Fig{pts, Span{n->begin, n->end}};
        g.max_source = "footnote";
      }
    }
  }
}

}  // namespace jixiao::forms
