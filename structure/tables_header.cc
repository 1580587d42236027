// Header cells by what their words say. grid.column lists the column words it knows; real forms
// write many others (全年实际值, 未完成原因及拟采取的改进措施, 扣分原因和其他说明, 评分标准). A cell
// outside that list is classified by its words (rules grid.class_*: …得分 / 分值 / 权重 a number
// column, …值 / 性质 / 单位 a value, 原因 / 措施 / 说明 / 标准 text, …指标 / 名称 / 内容 a name), and a
// line of such cells is a header only when it looks like one: three or more short cells, a number
// column and a name column, at most one cell of unknown words besides the first, none with
// figures, signs or prose. Text input only: PDF header cells wrap over lines, so a PDF line of
// them is pieces of cells.
#include <string>

#include "structure/tables_internal.h"

namespace jixiao::internal::grid {

namespace {

constexpr size_t kMaxCellBytes = 60;  // 20 Chinese characters

enum class Known { kNo, kWhitelist, kClass, kOther };



// Classifies one token; kNo if it cannot be a header cell.
// A token of column words (grid.column) gives one or more cells (`words`).
Known Classify(const Document& doc, const GridRules& g, const RawLine& line, size_t ti, HeaderCol* col,
               std::vector<HeaderCol>* words) {
  const Token& t = line.tokens[ti];
  std::string_view s = View(doc, t.at);
  if (s.empty() || s == "|" || s.size() > kMaxCellBytes) return Known::kNo;
  words->clear();
  if (ParseHeader(doc, g, line, ti, ti + 1, words) && !words->empty()) {
    *col = words->front();
    return Known::kWhitelist;
  }
  words->clear();
  std::string_view stem = Stem(g, s);
  if (stem.empty() || Has(g.class_reject, stem) || IsFigure(g, s) || IsEmptyMarker(g, s)) return Known::kNo;
  col->label = std::string(s);
  col->at = t.at;
  col->x0 = t.x0;
  col->x1 = t.x1;
  col->first_token = col->last_token = ti;
  Known k = Known::kClass;
  if (Has(g.class_text, stem))
    col->type = ColType::kText;
  else if (Has(g.class_number, stem))
    col->type = ColType::kNumber;
  else if (Has(g.class_value, stem))
    col->type = ColType::kValue;
  else if (Has(g.class_name, stem))
    col->type = ColType::kName;
  else
    col->type = ColType::kText, k = Known::kOther;
  return k;
}

}  // namespace

void DropTitleCell(const GridRules& g, std::vector<HeaderCol>* cols) {
  if (cols->size() < 4) return;
  const std::string& a = (*cols)[0].label;
  const std::string& b = (*cols)[1].label;
  if (RE2::FullMatch(a, g.title_cell) && RE2::PartialMatch(b, g.level_column)) cols->erase(cols->begin());
}

bool LooksLikeHeader(const std::vector<HeaderCol>& cols, bool classified) {
  if (!classified) return cols.size() >= 2;
  bool number = false, name = false;
  for (const HeaderCol& c : cols) {
    number = number || c.type == ColType::kNumber;
    name = name || c.type == ColType::kName;
  }
  return cols.size() >= 3 && number && name;
}

bool ClassifyHeader(const Document& doc, const GridRules& g, const RawLine& line, size_t from, size_t to,
                    std::vector<HeaderCol>* cols) {
  cols->clear();
  // PDF header cells wrap over lines ("全年执" / "行数"): a line of them is pieces, not cells.
  if (line.positioned) return false;
  size_t known = 0, other = 0;
  for (size_t ti = from; ti < to && ti < line.tokens.size(); ++ti) {
    std::string_view tok = View(doc, line.tokens[ti].at);
    if (tok == "|") continue;
    if (!cols->empty() && RE2::FullMatch(re2::StringPiece(tok.data(), tok.size()), g.note)) {
      cols->back().label += std::string(tok);  // "(万元)" of the cell before it
      cols->back().x1 = line.tokens[ti].x1;
      cols->back().last_token = ti;
      continue;
    }
    HeaderCol c;
    std::vector<HeaderCol> words;
    Known k = Classify(doc, g, line, ti, &c, &words);
    if (k == Known::kNo) return false;
    if (k == Known::kWhitelist) {
      known += words.size();
      cols->insert(cols->end(), words.begin(), words.end());
      continue;
    }
    // The header's first cell labels the rows: a name column whatever its words.
    if (cols->empty() && k == Known::kOther) c.type = ColType::kName;
    (k == Known::kOther && !cols->empty() ? other : known) += 1;
    cols->push_back(std::move(c));
  }
  return known >= 2 && other <= 1 && LooksLikeHeader(*cols, true);
}

bool HeaderWord(const Document& doc, const GridRules& g, const RawLine& line, HeaderCol* col) {
  if (line.positioned) {  // PDF: column words only (see ClassifyHeader)
    std::vector<HeaderCol> words;
    if (!ParseHeader(doc, g, line, 0, line.tokens.size(), &words) || words.size() != 1) return false;
    *col = words[0];
    return true;
  }
  size_t ti = line.tokens.size();
  for (size_t i = 0; i < line.tokens.size(); ++i) {
    if (View(doc, line.tokens[i].at) == "|") continue;
    if (ti != line.tokens.size()) return false;  // one token only
    ti = i;
  }
  if (ti == line.tokens.size()) return false;
  std::vector<HeaderCol> words;
  Known k = Classify(doc, g, line, ti, col, &words);
  return (k == Known::kWhitelist && words.size() == 1) || k == Known::kClass;
}

bool Has(const RE2& re, std::string_view s) { return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), re); }

// The label without trailing notes ("全年实际值(B)" → "全年实际值").
std::string_view Stem(const GridRules& g, std::string_view s) {
  for (;;) {
    if (s.empty() || s.back() != ')') return s;
    size_t open = s.rfind('(');
    if (open == std::string_view::npos) return s;
    std::string_view note = s.substr(open);
    if (!RE2::FullMatch(re2::StringPiece(note.data(), note.size()), g.note)) return s;
    s = s.substr(0, open);
  }
}

}  // namespace jixiao::internal::grid
