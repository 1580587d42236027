// BuildStructure and the model's queries: the driver of the structure stage.
#include "structure/structure.h"

#include <re2/re2.h>

#include <algorithm>

#include "structure/internal.h"

namespace jixiao {

const char* NumberingName(Numbering n) {
  switch (n) {
    case Numbering::kNone: return "none";
    case Numbering::kPart: return "part";
    case Numbering::kCn: return "cn";
    case Numbering::kParenCn: return "paren_cn";
    case Numbering::kArabic: return "arabic";
    case Numbering::kArabicDotted: return "arabic_dotted";
    case Numbering::kParenArabic: return "paren_arabic";
    case Numbering::kCircled: return "circled";
    case Numbering::kLatin: return "latin";
    case Numbering::kParenLatin: return "paren_latin";
  }
  return "none";
}

const char* TableShapeName(TableShape s) {
  switch (s) {
    case TableShape::kPositions: return "positions";
    case TableShape::kAligned: return "aligned";
    case TableShape::kPipe: return "pipe";
    case TableShape::kCellPerLine: return "cell_per_line";
    case TableShape::kOneLine: return "one_line";
  }
  return "aligned";
}

const char* DocKindName(DocKind k) {
  switch (k) {
    case DocKind::kUnknown: return "unknown";
    case DocKind::kDepartmentReport: return "department_report";
    case DocKind::kDepartmentForm: return "department_form";
    case DocKind::kProjectForm: return "project_form";
    case DocKind::kFinalAccounts: return "final_accounts";
    case DocKind::kBudget: return "budget";
    case DocKind::kOther: return "other";
  }
  return "unknown";
}

bool IsSelfEvaluation(DocKind k) {
  return k == DocKind::kDepartmentReport || k == DocKind::kDepartmentForm || k == DocKind::kProjectForm;
}

int Table::ColumnMatching(const re2::RE2& re) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (RE2::PartialMatch(columns[i].label, re)) return static_cast<int>(i);
  return -1;
}

int Structure::SectionAt(size_t offset) const {
  // Sections are in document order and nested; the innermost containing one is the last one
  // whose heading starts at or before `offset` and whose body ends after it.
  auto it = std::upper_bound(sections.begin(), sections.end(), offset,
                             [](size_t o, const Section& s) { return o < s.heading.begin; });
  for (auto i = it - sections.begin() - 1; i >= 0; --i) {
    const Section& s = sections[static_cast<size_t>(i)];
    if (offset < std::max(s.body.end, s.heading.end)) return static_cast<int>(i);
    // Not inside it: try its parent (an ancestor ends no earlier than its child).
    int p = s.parent;
    while (p >= 0) {
      const Section& q = sections[static_cast<size_t>(p)];
      if (offset < std::max(q.body.end, q.heading.end)) return p;
      p = q.parent;
    }
    return -1;
  }
  return -1;
}

const Table* Structure::TableAt(size_t offset) const {
  auto it = std::upper_bound(tables.begin(), tables.end(), offset,
                             [](size_t o, const Table& t) { return o < t.at.begin; });
  if (it == tables.begin()) return nullptr;
  --it;
  return offset < it->at.end ? &*it : nullptr;
}

const Part& Structure::PartAt(size_t offset) const {
  for (const Part& p : parts)
    if (offset < p.at.end) return p;
  return parts.back();
}

namespace {

std::string Text(const Document& doc, Span s) {
  if (s.end > doc.text.size() || s.empty()) return "";
  return doc.text.substr(s.begin, s.end - s.begin);
}

}  // namespace

std::string Structure::Dump(const Document& doc) const {
  std::string out = "kind " + std::string(DocKindName(kind)) + "\n";
  for (const Part& p : parts)
    out += "part " + std::string(DocKindName(p.kind)) + " pages " + std::to_string(p.first_page) + "-" +
           std::to_string(p.last_page) + (p.title.empty() ? "" : " " + p.title) + "\n";
  for (const Section& s : sections) {
    out += std::string(static_cast<size_t>(s.level) * 2, ' ') + NumberingName(s.style) + " " +
           std::to_string(s.ordinal) + " " + Text(doc, s.title) + "  @" + std::to_string(doc.LineAt(s.heading.begin)) +
           "\n";
  }
  for (const Table& t : tables) {
    out += "table " + std::string(TableShapeName(t.shape)) + " page " + std::to_string(t.page) + " @" +
           std::to_string(doc.LineAt(t.at.begin)) + "\n  columns:";
    for (const Column& c : t.columns) out += " [" + c.label + "]";
    out += "\n";
    for (const TableRow& r : t.rows) {
      out += r.total ? "  total:" : "  row:";
      for (const Cell& c : r.cells) {
        std::string text = c.unread ? "?" : c.empty ? "" : Text(doc, c.at);
        if (!c.unread && !c.empty && !c.parts.empty()) {
          text.clear();
          for (const Span& p : c.parts) text += Text(doc, p);
        }
        out += " [" + std::string(c.carried ? "^" : "") + text + "]";
      }
      out += "\n";
    }
  }
  return out;
}

Structure BuildStructure(const Document& doc, const Rules& rules) {
  Structure s;
  std::vector<Span> lines = internal::LogicalLines(doc.text);
  s.tables = internal::FindTables(doc, rules, lines);
  s.sections = internal::FindSections(doc, rules, lines, s.tables);
  // Paragraphs: the logical lines outside tables.
  size_t ti = 0;
  for (const Span& l : lines) {
    while (ti < s.tables.size() && s.tables[ti].at.end <= l.begin) ++ti;
    bool in_table = ti < s.tables.size() && s.tables[ti].at.begin <= l.begin && l.begin < s.tables[ti].at.end;
    if (!in_table && !l.empty()) s.paragraphs.push_back(l);
  }
  s.parts = internal::FindParts(doc, rules, lines, s.sections, s.tables);
  if (s.parts.empty()) {
    Part p;
    p.at = Span{0, doc.text.size()};
    p.first_page = doc.pages.empty() ? 0 : doc.pages.front().number;
    p.last_page = doc.pages.empty() ? 0 : doc.pages.back().number;
    s.parts.push_back(p);
  }
  // The file's kind: the largest self-evaluation part, else the largest part.
  size_t best = 0, best_eval = 0;
  for (const Part& p : s.parts) {
    size_t n = p.at.end - p.at.begin;
    if (IsSelfEvaluation(p.kind) && n >= best_eval) best_eval = n, s.kind = p.kind;
  }
  if (!IsSelfEvaluation(s.kind)) {
    for (const Part& p : s.parts) {
      size_t n = p.at.end - p.at.begin;
      if (n >= best) best = n, s.kind = p.kind;
    }
  }
  return s;
}

namespace internal {

std::vector<Span> LogicalLines(const std::string& text) {
  std::vector<Span> out;
  size_t b = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (i > b || i < text.size()) out.push_back(Span{b, i});
      b = i + 1;
    }
  }
  return out;
}

}  // namespace internal
}  // namespace jixiao
