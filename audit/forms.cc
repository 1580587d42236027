// ReadForms: each part of kind project_form / department_form is read (forms_blocks.cc), given the
// rule set of its family (forms_rules.cc) and checked (forms_checks.cc); FormIndicators: a form's
// rows and groups as the outline's indicators.
#include "audit/forms.h"

#include "audit/outline.h"

namespace jixiao {

namespace forms {

void FormIndicators(const Form& f, Outline* out) {
  auto add = [&](const std::string& name, int level, int parent, Span at) {
    Indicator ind;
    ind.name = name;
    ind.level = level;
    ind.parent = parent;
    ind.heading = at;
    ind.form = true;
    out->indicators.push_back(ind);
    int idx = static_cast<int>(out->indicators.size()) - 1;
    if (parent >= 0) out->indicators[static_cast<size_t>(parent)].children.push_back(idx);
    return idx;
  };
  auto stated = [&](const std::optional<Fig>& f, Span ctx) -> std::optional<Stated> {
    if (!f) return std::nullopt;
    return Stated{f->value, f->at, ctx, "table"};
  };
  std::vector<std::pair<std::string, int>> l1s, l2s;
  auto find = [](const std::vector<std::pair<std::string, int>>& v, const std::string& k) {
    for (const auto& [n, i] : v)
      if (n == k) return i;
    return -1;
  };
  if (const FundsRow* ft = FundsTotal(f); ft != nullptr && (ft->max || ft->score)) {
    // A block of one row ("部门预算执行情况 | 预算资金 76% 10 7.6"): the row is the block, named
    // by its title; with 其中 rows, the total row by its own name.
    bool alone = f.funds.size() == 1 && !f.funds_title.empty();
    int i = add(alone ? f.funds_title : ft->name, 1, -1, ft->row);
    out->indicators[static_cast<size_t>(i)].max = stated(ft->max, ft->row);
    out->indicators[static_cast<size_t>(i)].score = stated(ft->score, ft->row);
  }
  for (const Group& g : f.groups) {  // a block's title: an indicator of its own, over no row's path
    if (g.level != 0) continue;
    int i = add(g.name, 1, -1, g.at);
    out->indicators[static_cast<size_t>(i)].max = stated(g.max, g.at);
  }
  for (const IndicatorLine& l : f.rows) {
    int parent = -1, level = 1;
    if (!l.l1.empty()) {
      parent = find(l1s, l.l1);
      if (parent < 0) {
        parent = add(l.l1, 1, -1, l.row);
        for (const Group& g : f.groups)
          if (g.level == 1 && g.name == l.l1) out->indicators[static_cast<size_t>(parent)].max = stated(g.max, g.at);
        l1s.emplace_back(l.l1, parent);
      }
      level = 2;
    }
    if (!l.l2.empty() && !l.l3.empty() && l.l2 != l.l1 && l.l2 != l.l3) {
      std::string key = l.l1 + "›" + l.l2;
      int p2 = find(l2s, key);
      if (p2 < 0) {
        p2 = add(l.l2, level, parent, l.row);
        for (const Group& g : f.groups)
          if (g.level == 2 && g.name == l.l2 && g.parent == l.l1)
            out->indicators[static_cast<size_t>(p2)].max = stated(g.max, g.at);
        l2s.emplace_back(key, p2);
      }
      parent = p2;
      ++level;
    }
    int i = add(l.l3.empty() ? l.l2 : l.l3, level, parent, l.name_at);
    out->indicators[static_cast<size_t>(i)].max = stated(l.max, l.row);
    out->indicators[static_cast<size_t>(i)].score = stated(l.score, l.row);
  }
}

}  // namespace forms

void ReadForms(const Document& doc, const Structure& structure, const Rules& rules, Outline* out) {
  for (size_t i = 0; i < structure.parts.size(); ++i) {
    const Part& part = structure.parts[i];
    if (part.kind != DocKind::kProjectForm && part.kind != DocKind::kDepartmentForm) continue;
    std::string signature;
    forms::Form form = forms::ReadForm(doc, structure, rules, part, &signature);
    forms::RuleSet set = forms::ChooseRuleSet(rules, signature);
    forms::CheckForm(doc, rules, set, form, out);
    for (const Span& s : form.read) out->read.push_back(s);
    if (!out->total && (form.total_score || form.total_max)) {
      Outline::Total t;
      auto stated = [](const forms::Fig& f, Span ctx) { return Stated{f.value, f.at, ctx, "table"}; };
      if (form.total_max) t.max = stated(*form.total_max, form.total_row);
      if (form.total_score) t.score = stated(*form.total_score, form.total_row);
      t.grade = form.grade;
      t.grade_at = form.grade_at;
      t.where = form.total_row;
      t.form = true;
      out->total = t;
    }
    Outline::Form f;
    f.part = i;
    f.project = form.project;
    f.department = form.department;
    f.unit = form.unit;
    f.code = form.code;
    f.year = form.year;
    f.rule_set = set.name;
    f.rows = static_cast<int>(form.rows.size());
    out->forms.push_back(std::move(f));
  }
}

}  // namespace jixiao
