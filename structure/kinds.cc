// What a file is, part by part. A title line (a short line near the top of a page range, rules
// kind.title.*) starts a part of its kind; a project form's title starts a new part each time, so
// a unit's forms one after another become one part each. A form is also recognised from its blocks
// (a funds header and an indicator header, rules kind.block.*) when its title is missing. Without
// any title, a text with scoring words is a department report, one whose part heading names its
// 决算 is a 决算 (kind.heading.final_accounts), and anything else is unknown. A numbered form title
// followed by another numbered heading is a table of contents' entry, not a form.
#include <re2/re2.h>

#include <algorithm>
#include <string_view>

#include "structure/internal.h"

namespace jixiao::internal {

namespace {

struct Candidate {
  DocKind kind;
  size_t line;  // index in lines
};

constexpr size_t kTitleMaxBytes = 120;  // about 40 Chinese characters

const std::pair<const char*, DocKind> kTitleRules[] = {
    {"kind.title.project_form", DocKind::kProjectForm},
    {"kind.title.department_form", DocKind::kDepartmentForm},
    {"kind.title.department_report", DocKind::kDepartmentReport},
    {"kind.title.final_accounts", DocKind::kFinalAccounts},
    {"kind.title.budget", DocKind::kBudget},
};

bool Matches(const Rules& rules, const char* name, std::string_view s) {
  for (const re2::RE2* re : rules.Get(name))
    if (RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *re)) return true;
  return false;
}

// Whether the first non-empty line after line `i` is a short numbered heading (no sentence stop).
bool NextIsHeading(const Document& doc, const Rules& rules, const std::vector<Span>& lines, size_t i) {
  for (size_t j = i + 1; j < lines.size(); ++j) {
    std::string_view n(doc.text.data() + lines[j].begin, lines[j].end - lines[j].begin);
    while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
    if (n.empty()) continue;
    return n.size() <= kTitleMaxBytes && n.find("。") == std::string_view::npos &&
           RE2::PartialMatch(re2::StringPiece(n.data(), n.size()), rules.One("structure.marker"));
  }
  return false;
}

}  // namespace

// Forms one after another whose repeated title normalization dropped as a running header: a form
// part holding two or more funds tables is one form per funds table, each from the first line of
// its page (or from the table, when two share a page).
std::vector<Part> SplitForms(const Document& doc, const Rules& rules, const std::vector<Span>& lines,
                             const std::vector<Table>& tables, std::vector<Part> parts) {
  std::vector<Part> out;
  for (const Part& p : parts) {
    if (p.kind != DocKind::kProjectForm && p.kind != DocKind::kDepartmentForm) {
      out.push_back(p);
      continue;
    }
    std::vector<size_t> cuts;
    int prev_page = -1;
    for (const Table& t : tables) {
      if (t.at.begin < p.at.begin || t.at.begin >= p.at.end) continue;
      std::string labels;
      for (const Column& c : t.columns) labels += c.label;
      if (!Matches(rules, "kind.block.funds", labels)) continue;
      int page = doc.PageAt(t.at.begin);
      if (prev_page >= 0) {
        size_t cut = t.at.begin;
        if (page > prev_page)
          for (const Span& l : lines)
            if (l.begin >= p.at.begin && l.begin < t.at.begin && doc.PageAt(l.begin) == page) {
              cut = l.begin;
              break;
            }
        if (cuts.empty() || cut > cuts.back()) cuts.push_back(cut);
      }
      prev_page = page;
    }
    size_t begin = p.at.begin;
    for (size_t k = 0; k <= cuts.size(); ++k) {
      Part q = p;
      q.at = Span{begin, k < cuts.size() ? cuts[k] : p.at.end};
      q.first_page = doc.PageAt(q.at.begin);
      q.last_page = doc.PageAt(q.at.end == 0 ? 0 : q.at.end - 1);
      if (q.first_page == 0) q.first_page = p.first_page;
      if (q.last_page == 0) q.last_page = p.last_page;
      if (k > 0) q.title = p.title;
      out.push_back(q);
      if (k < cuts.size()) begin = cuts[k];
    }
  }
  return out;
}

std::vector<Part> FindParts(const Document& doc, const Rules& rules, const std::vector<Span>& lines,
                            const std::vector<Section>&, const std::vector<Table>& tables) {
  std::vector<Candidate> starts;
  bool funds = false, indicators = false, scoring = false, accounts_heading = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view s(doc.text.data() + lines[i].begin, lines[i].end - lines[i].begin);
    if (!funds && Matches(rules, "kind.block.funds", s)) funds = true;
    if (!indicators && Matches(rules, "kind.block.indicators", s)) indicators = true;
    if (!scoring && Matches(rules, "kind.scoring", s)) scoring = true;
    if (!accounts_heading && Matches(rules, "kind.heading.final_accounts", s)) accounts_heading = true;
    if (s.empty()) continue;
    // A long line may be a whole form flattened onto one line ("附表 2017年度项目支出绩效自评表 项目名称：…"):
    // its opening is its title, for the form kinds only.
    bool flattened = s.size() > kTitleMaxBytes;
    if (flattened) {
      size_t cut = kTitleMaxBytes;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      s = s.substr(0, cut);
    }
    // Whether `title` (line i, or line i with the next) is a title line: it starts a part.
    auto try_title = [&](std::string_view title) {
      // A numbered line is a section heading of the document, not its title ("(二)部门决算情况"),
      // except that a form may be numbered in an appendix ("1.项目支出绩效自评表").
      bool numbered = RE2::PartialMatch(re2::StringPiece(title.data(), title.size()), rules.One("structure.marker"));
      for (const auto& [rule, kind] : kTitleRules) {
        if ((flattened || numbered) && kind != DocKind::kProjectForm && kind != DocKind::kDepartmentForm) continue;
        if (!Matches(rules, rule, title)) continue;
        // A numbered form title followed by another numbered heading is an entry of a list of
        // headings (a table of contents: "十三、部门整体支出绩效自评表" / "十四、项目支出绩效自评表"), not the
        // form, which follows its title with its own rows.
        if (numbered && !flattened && NextIsHeading(doc, rules, lines, i)) return true;
        // A title is not a sentence about the thing: no sentence stop inside it.
        if (title.find("。") != std::string_view::npos || title.find("，") != std::string_view::npos) return true;
        bool repeats = !starts.empty() && starts.back().kind == kind && kind != DocKind::kProjectForm;
        // A project form's title repeated within a few lines (a title and a running header) is one.
        bool same_form = !starts.empty() && starts.back().kind == kind && i - starts.back().line <= 3;
        if (!repeats && !same_form) starts.push_back({kind, i});
        return true;
      }
      return false;
    };
    if (try_title(s) || flattened || i + 1 >= lines.size()) continue;
    // A title wrapped over two short lines ("…2018年度部门整体支出" / "绩效评价自评报告").
    std::string_view next(doc.text.data() + lines[i + 1].begin, lines[i + 1].end - lines[i + 1].begin);
    // Not when the next line is a numbered heading, or a title by itself (it is taken there).
    if (next.empty() || s.size() + next.size() > kTitleMaxBytes ||
        RE2::PartialMatch(re2::StringPiece(next.data(), next.size()), rules.One("structure.marker"))) {
      continue;
    }
    bool next_alone = false;
    for (const auto& [rule, kind] : kTitleRules) next_alone |= Matches(rules, rule, next);
    if (!next_alone) try_title(std::string(s) + std::string(next));
  }
  std::vector<Part> out;
  // A part from `begin` to `end`, titled by line `title` (npos: no title).
  auto make = [&](DocKind kind, size_t begin, size_t end, size_t title) {
    Part p;
    p.kind = kind;
    p.at = Span{begin, end};
    if (title < lines.size()) p.title = doc.text.substr(lines[title].begin, lines[title].end - lines[title].begin);
    p.first_page = doc.PageAt(p.at.begin);
    p.last_page = doc.PageAt(p.at.end == 0 ? 0 : p.at.end - 1);
    if (p.first_page == 0 && !doc.pages.empty()) p.first_page = doc.pages.front().number;
    if (p.last_page == 0 && !doc.pages.empty()) p.last_page = doc.pages.back().number;
    out.push_back(p);
  };
  if (starts.empty()) {
    // No title and no scoring words: unknown, not "other" — the generic checks still run, and a
    // document in which nothing is read says so (AuditResult::assessed).
    DocKind k = DocKind::kUnknown;
    if (funds && indicators) {
      k = DocKind::kProjectForm;
    } else if (accounts_heading) {
      k = DocKind::kFinalAccounts;
    } else if (scoring) {
      k = DocKind::kDepartmentReport;
    }
    make(k, 0, doc.text.size(), std::string::npos);
    return SplitForms(doc, rules, lines, tables, std::move(out));
  }
  for (size_t i = 0; i < starts.size(); ++i) {
    size_t end = i + 1 < starts.size() ? lines[starts[i + 1].line].begin : doc.text.size();
    make(starts[i].kind, i == 0 ? 0 : lines[starts[i].line].begin, end, starts[i].line);
  }
  return SplitForms(doc, rules, lines, tables, std::move(out));
}

}  // namespace jixiao::internal
