// ReadForms: each part of kind project_form / department_form is read (forms_blocks.cc), given the
// rule set of its family (forms_rules.cc) and checked (forms_checks.cc).
#include "audit/forms.h"

#include "audit/outline.h"

namespace jixiao {

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
