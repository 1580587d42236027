// Ruled PDF tables with wrapped cells: a page's tokens become pdf_grid words, the grids it reads
// become Tables whose cells are spans of Document::text (a wrapped cell's lines are its parts).
#include "structure/tables_pdf.h"

#include <algorithm>
#include <string>

#include "structure/pdf_grid.h"

namespace jixiao::internal::grid {

namespace {

constexpr size_t kMaxCellBytes = 60;  // 20 Chinese characters



// One column word of grid.column and its notes, the whole label.
bool ColumnWord(const GridRules& g, std::string_view s, ColType* type) {
  const int n = g.column.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sub(static_cast<size_t>(n));
  re2::StringPiece in(s.data(), s.size());
  if (!g.column.Match(in, 0, in.size(), RE2::ANCHOR_START, sub.data(), n)) return false;
  for (const auto& [index, t] : g.groups)
    if (sub[static_cast<size_t>(index)].data() != nullptr) *type = t;
  size_t pos = sub[0].size();
  while (pos < s.size()) {
    re2::StringPiece here = in.substr(pos);
    if (!g.note.Match(here, 0, here.size(), RE2::ANCHOR_START, sub.data(), 1) || sub[0].empty()) return false;
    pos += sub[0].size();
  }
  return true;
}

pdfgrid::Kind KindOf(ColType t) {
  switch (t) {
    case ColType::kName: return pdfgrid::Kind::kName;
    case ColType::kNumber: return pdfgrid::Kind::kNumber;
    case ColType::kValue: return pdfgrid::Kind::kValue;
    case ColType::kText: return pdfgrid::Kind::kText;
  }
  return pdfgrid::Kind::kText;
}

Span Hull(Span a, Span b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Span{std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

struct Ref {
  size_t line = 0, token = 0;
  Span at;
};

}  // namespace

bool PdfHeaderKinds(const GridRules& g, const std::vector<std::string>& labels, const std::vector<int>& groups,
                    std::vector<ColType>* kinds) {
  kinds->clear();
  size_t known = 0, other = 0, words = 0;  // words: cells that are column words of grid.column
  std::vector<int> other_groups;  // the cells of a group of unknown sub-columns count once
  bool name = false, number = false;
  for (size_t i = 0; i < labels.size(); ++i) {
    std::string_view s = labels[i];
    if (s.empty() || s.size() > kMaxCellBytes || IsFigure(g, s) || IsEmptyMarker(g, s) || Has(g.prose, s)) return false;
    ColType t = ColType::kText;
    const int group = i < groups.size() ? groups[i] : -1;
    if (ColumnWord(g, s, &t)) {
      ++known, ++words;
    } else {
      std::string_view stem = Stem(g, s);
      if (group >= 0 && (stem.empty() || Has(g.class_reject, stem))) {  // "采集数据项数据项1"
        if (std::find(other_groups.begin(), other_groups.end(), group) == other_groups.end())
          other_groups.push_back(group), ++other;
        kinds->push_back(ColType::kText);
        continue;
      }
      if (stem.empty() || Has(g.class_reject, stem)) return false;
      if (Has(g.class_text, stem)) {
        t = ColType::kText, ++known;
      } else if (Has(g.class_number, stem)) {
        t = ColType::kNumber, ++known;
      } else if (Has(g.class_value, stem)) {
        t = ColType::kValue, ++known;
      } else if (Has(g.class_name, stem)) {
        t = ColType::kName, ++known;
      } else {
        // The header's first cell labels the rows: a name column whatever its words.
        t = i == 0 ? ColType::kName : ColType::kText;
        ++other;
      }
    }
    name = name || t == ColType::kName;
    number = number || t == ColType::kNumber;
    kinds->push_back(t);
  }
  // Pieces of wrapped body cells can read as a few classed words ("标" "格率"): a header has
  // three known cells, two of them column words.
  return labels.size() >= 3 && known >= 3 && words >= 2 && other <= 1 && name && number;
}

std::vector<Table> FindPdfTables(const Document& doc, const GridRules& g, const std::vector<RawLine>& lines,
                                 std::vector<bool>* consumed, PdfOpen* open) {
  consumed->assign(lines.size(), false);
  PdfOpen before = std::move(*open);
  *open = PdfOpen{};
  std::vector<pdfgrid::Word> words;
  std::vector<Ref> refs;
  for (size_t li = 0; li < lines.size(); ++li) {
    const RawLine& l = lines[li];
    if (!l.positioned) continue;
    for (size_t ti = 0; ti < l.tokens.size(); ++ti) {
      const Token& t = l.tokens[ti];
      if (!(t.x1 > t.x0) || !(t.y1 > t.y0)) continue;
      std::string text = t.at.empty() ? doc.pages[l.page].text.substr(t.raw_b, t.raw_e - t.raw_b)
                                      : std::string(View(doc, t.at));
      if (text.empty() || text == "|") continue;
      pdfgrid::Word w;
      w.x0 = t.x0, w.x1 = t.x1, w.y0 = t.y0, w.y1 = t.y1;
      w.figure = IsFigure(g, text);
      w.text = std::move(text);
      words.push_back(std::move(w));
      refs.push_back(Ref{li, ti, t.at});
    }
  }
  if (words.empty()) return {};
  pdfgrid::Tests tests;
  tests.header = [&g](const std::vector<std::string>& labels, const std::vector<int>& groups,
                      std::vector<pdfgrid::Kind>* kinds) {
    std::vector<ColType> types;
    if (!PdfHeaderKinds(g, labels, groups, &types)) return false;
    kinds->clear();
    for (ColType t : types) kinds->push_back(KindOf(t));
    return true;
  };
  tests.total = [&g](std::string_view s) { return Has(g.total, s); };
  std::vector<pdfgrid::Column> open_grid;
  std::vector<pdfgrid::Table> grids =
      pdfgrid::ReadTables(words, tests, before.grid.empty() ? nullptr : &before.grid, &open_grid);

  std::vector<Table> out;
  const int page = lines.empty() ? 0 : doc.pages[lines.front().page].number;
  for (size_t gi = 0; gi < grids.size(); ++gi) {
    pdfgrid::Table& pg = grids[gi];
    bool dropped = false;
    if (pg.continued && before.dropped_title) {
      for (pdfgrid::Row& r : pg.rows) r.cells.erase(r.cells.begin());
      pg.columns.erase(pg.columns.begin());
      dropped = true;
    }
    // A title cell before the level columns ("绩效指标(90分)" over 一级指标 …) that no row fills is
    // not a column of the rows.
    if (!pg.continued && pg.columns.size() >= 4 && RE2::FullMatch(pg.columns[0].label, g.title_cell) &&
        RE2::PartialMatch(pg.columns[1].label, g.level_column) &&
        std::all_of(pg.rows.begin(), pg.rows.end(), [](const pdfgrid::Row& r) { return r.cells[0].words.empty(); })) {
      pg.columns.erase(pg.columns.begin());
      for (pdfgrid::Row& r : pg.rows) r.cells.erase(r.cells.begin());
      dropped = true;
    }
    Table t;
    t.shape = TableShape::kPositions;
    t.page = page;
    if (pg.continued) t.columns = before.columns;  // their header is on the page before
    for (size_t ci = 0; !pg.continued && ci < pg.columns.size(); ++ci) {
      const pdfgrid::Column& c = pg.columns[ci];
      Column col;
      col.label = c.label;
      for (size_t w : c.words)
        if (col.at.empty()) col.at = refs[w].at;
      col.x0 = c.x0, col.x1 = c.x1;
      t.at = Hull(t.at, col.at);
      t.columns.push_back(std::move(col));
    }
    for (size_t w : pg.unplaced)
      if (!refs[w].at.empty()) t.unread.push_back(refs[w].at);
    for (const pdfgrid::Row& pr : pg.rows) {
      TableRow row;
      for (size_t w : pr.words) row.at = Hull(row.at, refs[w].at);
      size_t where = row.at.begin;
      for (size_t c = 0; c < pr.cells.size(); ++c) {
        const pdfgrid::Cell& pc = pr.cells[c];
        Cell cell;
        cell.column = static_cast<int>(c);
        cell.carried = pc.carried;
        std::vector<Span> spans;
        bool lost = false;
        for (size_t w : pc.words) {
          if (refs[w].at.empty()) lost = true;
          else spans.push_back(refs[w].at);
        }
        if (pc.unread || lost) {
          cell.empty = cell.unread = true;
          cell.at = Span{where, where};
          if (!pc.carried)
            for (const Span& s : spans) t.unread.push_back(s);
          if (spans.empty() && !row.at.empty()) t.unread.push_back(row.at);  // a merged cell not known
        } else if (spans.empty()) {
          cell.empty = true;
          cell.at = Span{where, where};
        } else {
          // Pieces that follow each other in the text (a space or a line break between) are one
          // span; pieces with other text between them are kept as parts.
          bool adjacent = true;
          for (size_t k = 1; k < spans.size(); ++k)
            adjacent = adjacent && spans[k].begin >= spans[k - 1].end && spans[k].begin <= spans[k - 1].end + 1;
          if (adjacent) {
            cell.at = Span{spans.front().begin, spans.back().end};
          } else {
            cell.at = spans.front();
            cell.parts = spans;
          }
          if (!pc.carried) where = std::max(where, cell.at.end);
        }
        row.cells.push_back(std::move(cell));
      }
      for (const Cell& c : row.cells) {
        if (c.empty) continue;
        std::string_view s = View(doc, c.at);
        row.total = Has(g.total, s) && !c.carried;
        break;
      }
      // A total row with a figure under a name column does not follow the columns (a merged cell
      // centred over several): its figures under number columns are not known to be theirs.
      if (row.total) {
        bool figure_in_name = false;
        for (size_t c = 1; c < row.cells.size(); ++c)
          if (pg.columns[c].kind == pdfgrid::Kind::kName && !row.cells[c].empty && !row.cells[c].carried &&
              IsFigure(g, View(doc, row.cells[c].at)))
            figure_in_name = true;
        for (size_t c = 0; figure_in_name && c < row.cells.size(); ++c) {
          Cell& cell = row.cells[c];
          if (pg.columns[c].kind != pdfgrid::Kind::kNumber || cell.empty || !IsFigure(g, View(doc, cell.at))) continue;
          t.unread.push_back(cell.at);
          cell.empty = cell.unread = true;
          cell.at = Span{cell.at.begin, cell.at.begin};
          cell.parts.clear();
        }
      }
      if (row.at.empty()) continue;
      t.at = Hull(t.at, row.at);
      t.rows.push_back(std::move(row));
    }
    if (t.rows.empty() || t.at.empty()) continue;
    // A table continued from the page before: its first rows' empty leading name cells are the
    // merged cells of the last row there, run on over the page break (never the last name column,
    // a row's own name; never where the cell above the break was not read).
    if (pg.continued && before.last.size() == t.columns.size()) {
      size_t last_name = pg.columns.size();
      for (size_t c = 0; c < pg.columns.size(); ++c)
        if (pg.columns[c].kind == pdfgrid::Kind::kName) last_name = c;
      for (size_t c = 0; c < last_name && c < t.columns.size(); ++c) {
        if (pg.columns[c].kind != pdfgrid::Kind::kName) continue;
        const Cell& above = before.last[c];
        if (above.empty || above.unread) continue;
        for (TableRow& row : t.rows) {
          Cell& cell = row.cells[c];
          if (!cell.empty || cell.unread) break;
          // Only leading cells continue: a name cell before it that the row states itself means a
          // new group started in this row.
          bool leading = true;
          for (size_t k = 0; k < c; ++k)
            if (pg.columns[k].kind == pdfgrid::Kind::kName && !row.cells[k].empty && !row.cells[k].carried) leading = false;
          bool content = std::any_of(row.cells.begin(), row.cells.end(),
                                     [](const Cell& o) { return !o.empty && !o.carried; });
          if (!leading || !content) break;
          int column = cell.column;
          cell = above;
          cell.column = column;
          cell.carried = true;
        }
      }
    }
    for (size_t w : pg.words) (*consumed)[refs[w].line] = true;
    if (gi + 1 == grids.size() && !open_grid.empty()) {
      open->grid = open_grid;
      open->columns = t.columns;
      open->dropped_title = dropped;
      open->last = t.rows.back().cells;
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace jixiao::internal::grid
