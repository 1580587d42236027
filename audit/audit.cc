// Audit: outline → checks → findings.
#include "audit/audit.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <cstdio>
#include <tuple>

#include "audit/figure_rows.h"
#include "audit/identity.h"
#include "audit/outline.h"
#include "audit/relation.h"
#include "structure/structure.h"

namespace jixiao {

int AuditResult::errors() const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == Severity::kError;
  return n;
}

int AuditResult::warnings() const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == Severity::kWarning;
  return n;
}

namespace {

std::string WrittenOr(const std::optional<Stated>& s) {
  return s ? (s->value.unit == Unit::kPercent ? s->value.written + "%" : s->value.written) : "";
}

// "2.73分" → "2.73", "4家" → "4": points and counts are shown bare in `stated` and `recomputed`
// (as the labels write them); money keeps its unit (元 / 万元 / 亿元), rates their %.
std::string BareFigure(const std::string& s) {
  static const RE2 kCountOrPoints(
      R"(^(-?\d[\d,]*(?:\.\d+)?)\s*(?:分|家|项|个|人|座|次|件|名|户|场|批|条|所|台|套|份|宗|篇|期|支|类|笔|人次)$)");
  std::string out;
  return RE2::FullMatch(s, kCountOrPoints, &out) ? out : s;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Figures jixiao cannot compute with exactly: more than 18 significant digits (extract/number.h
// keeps a value as a 64-bit scaled integer), written with a decimal point or followed by a unit
// (分 % 元), so long codes and serial numbers are not taken for figures. Such a figure is never
// dropped silently: it is parse.unread.
std::vector<Span> Unrepresentable(const std::string& text) {
  std::vector<Span> out;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiDigit(text[i]) || (i > 0 && (IsAsciiDigit(text[i - 1]) || text[i - 1] == '.'))) {
      ++i;
      continue;
    }
    size_t b = i, significant = 0;
    bool point = false, nonzero = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (IsAsciiDigit(c)) {
        nonzero = nonzero || c != '0';
        significant += nonzero;
      } else if (c == '.' && !point && i + 1 < text.size() && IsAsciiDigit(text[i + 1])) {
        point = true;
      } else if (!(c == ',' && i + 1 < text.size() && IsAsciiDigit(text[i + 1]))) {
        break;
      }
    }
    if (significant <= 18) continue;
    size_t u = i;
    while (u < text.size() && text[u] == ' ') ++u;
    bool unit = text.compare(u, 3, "分") == 0 || text.compare(u, 1, "%") == 0 ||
                text.compare(u, 3, "元") == 0 || text.compare(u, 6, "万元") == 0 ||
                text.compare(u, 6, "亿元") == 0;
    if (point || unit) out.push_back(Span{b, i});
  }
  return out;
}

}  // namespace

namespace {

// Between stages: false (and *stopped set) once the deadline has passed.
struct Stages {
  const AuditLimits* limits = nullptr;
  const Document* doc = nullptr;
  Status stopped;
  bool Done(const char* stage) {
    if (limits == nullptr || !stopped.ok()) return stopped.ok();
    std::chrono::duration<double> spent = std::chrono::steady_clock::now() - limits->start;
    if (spent.count() > limits->max_seconds) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%g", limits->max_seconds);
      stopped = Status(Status::Code::kLimit, doc->path + ": auditing took longer than --max-seconds " +
                                                 secs + " (stopped after " + stage + ")");
    }
    return stopped.ok();
  }
};


// The indicator tree: tree tables first (their lines are no headings), then headings; when
// neither gives one, a scoring table with one name column (its lines, read first, are then no
// headings either, so the headings are read again around it).
void ReadIndicatorTreeOnly(const Document& doc, const Structure& structure, const Rules& rules, Outline* outline);
void ReadIndicatorTree(const Document& doc, const Structure& structure, const Rules& rules, Outline* outline) {
  ReadIndicatorTreeOnly(doc, structure, rules, outline);
  ReadTotalBreakdown(doc, rules, outline);
}
void ReadIndicatorTreeOnly(const Document& doc, const Structure& structure, const Rules& rules, Outline* outline) {
  ReadTableTrees(doc, structure, rules, outline);
  ReadStreamTables(doc, rules, outline);
  const size_t from_tables = outline->indicators.size();
  ParseTree(doc, structure, rules, outline);
  // Headings and a tree table both hold a tree (a table cut short, its rest read as headings, or
  // a narrative restated by a table): neither is known complete, so no sums are checked on the
  // table's nodes or over the first level.
  if (from_tables > 0 && outline->indicators.size() > from_tables) {
    outline->top_incomplete = true;
    for (size_t i = 0; i < from_tables; ++i) outline->indicators[i].incomplete = true;
  }
  if (!outline->indicators.empty()) return;
  Outline list;
  ReadListTables(doc, structure, rules, &list);
  const size_t from_list = list.indicators.size();
  if (from_list == 0) return;
  const std::optional<Outline::Total> table_total = list.total;
  ParseTree(doc, structure, rules, &list);
  if (list.indicators.size() != from_list) return;
  // A total stated in prose too ("总分88.5分") keeps the table's max.
  if (table_total && list.total && !list.total->max) list.total->max = table_total->max;
  *outline = std::move(list);
}
// Names the result takes from the text (paths, titles, the department) in the document's own
// characters: a filing in traditional characters was read in simplified ones (extract/hans.h).
// Quotes are taken as written where they are made (relation.cc).
void ShowAsWritten(const Document& doc, AuditResult* r) {
  if (doc.written_chars.empty()) return;
  auto each = [&](std::vector<std::string>* path) {
    for (std::string& s : *path) s = doc.AsWritten(s);
  };
  r->department = doc.AsWritten(r->department);
  for (AuditResult::Part& p : r->parts) {
    for (std::string* s : {&p.title, &p.project, &p.department, &p.unit}) *s = doc.AsWritten(*s);
  }
  for (IndicatorRow& i : r->indicators) each(&i.path);
  for (FigureRow& f : r->figures) f.name = doc.AsWritten(f.name);
  for (CheckResult& c : r->checks) each(&c.path);
  for (Finding& f : r->findings) each(&f.path);
}

AuditResult AuditStagedRead(const Document& doc, const Rules& rules, Stages& stages);

AuditResult AuditStaged(const Document& doc, const Rules& all, Stages& stages) {
  // Every string the readers match is made of the document's characters: a rule whose literals
  // they cannot spell is set aside, not compiled (Rules::Focused).
  const Rules rules = all.Focused({doc.text, doc.written, doc.path, doc.name});
  AuditResult r = AuditStagedRead(doc, rules, stages);
  ShowAsWritten(doc, &r);
  return r;
}

AuditResult AuditStagedRead(const Document& doc, const Rules& rules, Stages& stages) {
  AuditResult r;
  r.document = doc.name;
  r.path = doc.path;
  r.pages = static_cast<int>(doc.pages.size());
  Identity id = FindIdentity(doc, rules);
  r.department = id.department;
  r.department_source = id.department_source;
  r.year = id.year;
  r.year_source = id.year_source;
  r.figures = FigureRows(doc, r.year);
  if (!stages.Done("reading identity and figures")) return r;

  Structure structure = BuildStructure(doc, rules);
  r.kind = DocKindName(structure.kind);
  for (const Part& p : structure.parts) {
    AuditResult::Part part;
    part.kind = DocKindName(p.kind);
    part.first_page = p.first_page;
    part.last_page = p.last_page;
    part.title = p.title;
    r.parts.push_back(std::move(part));
  }

  if (!stages.Done("the document structure")) return r;
  Outline outline;
  ReadIndicatorTree(doc, structure, rules, &outline);
  if (!stages.Done("the indicator tree")) return r;
  ParseTables(doc, rules, &outline);
  if (!stages.Done("the tables")) return r;
  ParseFigures(doc, rules, &outline);
  if (!stages.Done("the figures")) return r;
  ParseClaims(doc, rules, &outline);
  ReadForms(doc, structure, rules, &outline);
  for (const Outline::Form& f : outline.forms) {
    AuditResult::Part& p = r.parts[f.part];
    p.project = f.project, p.department = f.department, p.unit = f.unit, p.code = f.code, p.year = f.year;
  }
  if (!stages.Done("the claims")) return r;
  FindUnread(doc, rules, &outline);
  if (!stages.Done("the unread parts")) return r;

  // Parts that are not self-evaluations (a 决算, a 预算) get no checks: their figures are read
  // by no reader written for them, so nothing found there is certain.
  std::vector<std::pair<int, int>> unassessed;  // source line ranges [first, last]
  for (const Part& p : structure.parts) {
    if (IsSelfEvaluation(p.kind) || p.kind == DocKind::kUnknown) continue;
    unassessed.emplace_back(doc.LineAt(p.at.begin), p.at.end > 0 ? doc.LineAt(p.at.end - 1) : 0);
  }
  auto outside = [&](int line) {
    for (const auto& [a, b] : unassessed)
      if (line >= a && line <= b) return false;
    return true;
  };
  if (!unassessed.empty()) {
    // A scoring table read as the tree (its header names the levels and the score) is a
    // self-evaluation wherever it stands: a 决算's 预算绩效情况说明 may hold one.
    if (std::all_of(outline.indicators.begin(), outline.indicators.end(), [&](const Indicator& i) {
          return !outside(doc.LineAt(i.heading.begin)) && !outline.InTreeTable(i.heading.begin);
        })) {
      outline.indicators.clear();
    }
    if (outline.total && !outside(doc.LineAt(outline.total->where.begin))) outline.total.reset();
  }

  // In such parts only the generic figure checks run: breakdowns (其中), 合计 columns,
  // year-over-year changes and rates bound by their words (占 p%, 完成预算的 p%), whose reading
  // does not depend on a scoring template.
  auto generic = [](CheckId id) {
    return id == CheckId::kSumBreakdown || id == CheckId::kTableColumn || id == CheckId::kChangeYoy ||
           id == CheckId::kRateRatio;
  };
  std::vector<Relation> relations;
  for (const Relation& rel : outline.relations)
    if (generic(rel.check) || rel.any_part || outside(doc.LineAt(rel.anchor.begin))) relations.push_back(rel);
  // In a text of no known kind (a news item, a statistics bulletin) a 其中 list is not known to be a
  // partition: it may leave parts out (贷款 其中 短期, 中长期) or nest them (民生支出 with 教育支出
  // inside it). Its sum is still checked, but a difference is a warning, never an error.
  auto unknown_kind = [&](size_t at) {
    for (const Part& p : structure.parts)
      if (at >= p.at.begin && at < p.at.end) return p.kind == DocKind::kUnknown;
    return structure.kind == DocKind::kUnknown;
  };
  std::vector<bool> soft(relations.size(), false);
  for (size_t i = 0; i < relations.size(); ++i) {
    Relation& rel = relations[i];
    if (rel.check != CheckId::kSumBreakdown || rel.compare != Relation::Compare::kEqual ||
        (rel.note.rfind("breakdown:", 0) != 0 && rel.note.rfind("breakdown by group:", 0) != 0) ||
        !unknown_kind(rel.anchor.begin)) {
      continue;
    }
    rel.severity = Severity::kWarning;
    soft[i] = true;
  }
  std::vector<CheckResult> results;
  for (const CheckResult& c : outline.results)
    if (outside(c.line)) results.push_back(c);
  {
    std::vector<Relation> tree;
    TreeChecks(doc, rules, outline, &tree, &results);
    for (Relation& rel : tree)
      if (outside(doc.LineAt(rel.anchor.begin)) || outline.InTreeTable(rel.anchor.begin))
        relations.push_back(std::move(rel));
  }
  if (!stages.Done("the tree checks")) return r;
  for (size_t i = 0; i < relations.size(); ++i) {
    CheckResult c = Evaluate(doc, relations[i]);
    if (i < soft.size() && soft[i] && c.verdict == Verdict::kFail) {
      c.arithmetic += "; in a text of no known kind a 其中 list may leave parts out or nest them";
    }
    results.push_back(std::move(c));
  }
  if (!stages.Done("the checks")) return r;
  for (const Span& s : outline.unread) {
    // The whole line (the row) is quoted; the span, the part not read, is the finding's figure.
    CheckResult c = MakeResult(doc, CheckId::kParseUnread, LineAround(doc.text, s), s);
    c.verdict = Verdict::kWarning;
    c.severity = Severity::kInfo;
    c.arithmetic = "looks like a score or figure statement, but no pattern read it";
    results.push_back(std::move(c));
  }
  for (const Span& s : Unrepresentable(doc.text)) {
    CheckResult c = MakeResult(doc, CheckId::kParseUnread, SentenceAround(doc.text, s), s);
    c.verdict = Verdict::kWarning;
    c.severity = Severity::kInfo;
    c.stated = doc.text.substr(s.begin, s.end - s.begin);
    c.arithmetic = "a figure of more than 18 significant digits: not read (it cannot be computed "
                   "with exactly)";
    results.push_back(std::move(c));
  }

  // Report: indicators, total, checks in document order, findings sorted by page and line.
  for (size_t i = 0; i < outline.indicators.size(); ++i) {
    const Indicator& ind = outline.indicators[i];
    IndicatorRow row;
    row.path = outline.PathOf(static_cast<int>(i));
    row.max = WrittenOr(ind.max);
    row.score = WrittenOr(ind.score);
    row.page = doc.PageAt(ind.heading.begin);
    row.line = doc.LineAt(ind.heading.begin);
    r.indicators.push_back(std::move(row));
    ++r.coverage.indicators;
    r.coverage.with_max += ind.max.has_value();
    r.coverage.with_score += ind.score.has_value();
  }
  if (outline.total) {
    AuditResult::Total t;
    t.max = WrittenOr(outline.total->max);
    t.score = WrittenOr(outline.total->score);
    t.grade = outline.total->grade;
    Span at = outline.total->score ? outline.total->score->at : outline.total->where;
    t.page = doc.PageAt(at.begin);
    t.line = doc.LineAt(at.begin);
    r.total = t;
  }
  std::stable_sort(results.begin(), results.end(), [](const CheckResult& a, const CheckResult& b) {
    return std::tie(a.page, a.line) < std::tie(b.page, b.line);
  });
  for (auto& c : results) {
    c.stated = BareFigure(c.stated);
    c.recomputed = BareFigure(c.recomputed);
    if (c.check == CheckId::kParseUnread) {
      ++r.coverage.unread;
      r.findings.push_back(c);
      continue;
    }
    r.checks.push_back(c);
    if (c.verdict != Verdict::kPass) r.findings.push_back(c);
  }
  r.coverage.checks_run = static_cast<int>(r.checks.size());
  r.coverage.unbound = outline.unbound;
  // Nothing of a self-evaluation read: never reported as clean.
  bool any_eval = false;
  std::string not_eval;
  for (size_t i = 0; i < structure.parts.size(); ++i) {
    const Part& p = structure.parts[i];
    bool eval = IsSelfEvaluation(p.kind) || p.kind == DocKind::kUnknown ||
                std::any_of(outline.tree_tables.begin(), outline.tree_tables.end(), [&](const Span& t) {
                  return t.begin >= p.at.begin && t.begin < p.at.end && !r.indicators.empty();
                });
    r.parts[i].assessed = eval;
    any_eval |= eval;
    if (!eval) {
      static const std::map<DocKind, std::string> kWhat = {{DocKind::kFinalAccounts, "部门决算"},
                                                          {DocKind::kBudget, "部门预算"},
                                                          {DocKind::kOther, "other"}};
      if (!not_eval.empty()) not_eval += "; ";
      not_eval += kWhat.at(p.kind) + ", pages " + std::to_string(p.first_page) + "–" + std::to_string(p.last_page);
    }
  }
  bool read_any = !r.indicators.empty() || r.total.has_value() || !r.checks.empty();
  r.assessed = any_eval && read_any;
  for (auto& p : r.parts) p.assessed = p.assessed && read_any;
  if (!any_eval) {
    r.note = "not a performance self-evaluation (" + not_eval + ")";
  } else if (!read_any) {
    r.note = "no self-evaluation content found";
  } else if (!not_eval.empty()) {
    r.note = "parts that are not a performance self-evaluation were not checked (" + not_eval + ")";
  }
  return r;
}

}  // namespace

AuditResult Audit(const Document& doc, const Rules& rules) {
  Stages unbounded;
  return AuditStaged(doc, rules, unbounded);
}

Result<AuditResult> Audit(const Document& doc, const Rules& rules, const AuditLimits& limits) {
  const int64_t text = static_cast<int64_t>(doc.text.size());
  const int64_t need_mib = (text * kAuditBytesPerTextByte + (1 << 20) - 1) >> 20;
  if (need_mib > limits.max_memory_mib) {
    return Status(Status::Code::kLimit,
                  doc.path + ": the text (" + std::to_string((text + 1023) / 1024) +
                      " KiB) needs about " + std::to_string(need_mib) +
                      " MiB to audit, more than --max-memory " +
                      std::to_string(limits.max_memory_mib) + " MiB");
  }
  Stages stages;
  stages.limits = &limits;
  stages.doc = &doc;
  if (!stages.Done("reading")) return stages.stopped;
  AuditResult r = AuditStaged(doc, rules, stages);
  if (!stages.stopped.ok()) return stages.stopped;
  return r;
}

std::string DumpOutline(const Document& doc, const Rules& rules) {
  Structure structure = BuildStructure(doc, rules);
  Outline outline;
  ReadIndicatorTree(doc, structure, rules, &outline);
  ParseTables(doc, rules, &outline);
  return outline.Dump();
}

}  // namespace jixiao
