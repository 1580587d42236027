// ReadStreamTables: a scoring table whose cells reached the text as one stream in row order, with
// no columns left (a PDF extracted in content order): the header "一级指标二级指标三级指标得分",
// then "部门决策(25分)目标任务(15分)相关性(5分)\n5 明确性(5分)\n5 合理性(5分)\n5 预算编制(10分)…".
// Every name carries its max ("(5分)"), so the names delimit themselves; a figure after a run of
// names is the score of the row they open. A merged name cell is written in its first row only, so
// a row of k names holds the deepest k levels, and the first row holds all of them.
//
// The reading is taken only where it is certain: every row's score within its leaf's max, no row
// with more names than the header has levels; else the lines are unread. The tree's parents come
// from the row shape, so its maxima sums are checked only when every closed group adds up (a row
// whose leaf spans two level columns would put a name one level too deep: then no sum is checked).
//
// The same shape as pipe rows ("| 一级指标 | 二级指标 | 三级指标 | 得分 |", a web page's table whose
// merged cells split each row over lines): each `|` line that names something is a row, the lines
// of pipes alone its empty cells; its names may lack a max, its last cell may be the score.
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>

#include "audit/outline.h"
#include "audit/scan.h"

namespace jixiao {

namespace {

// How many times `re` matches in `s`, left to right, without overlaps; an empty match counts once
// and moves on by a byte (a rule overridden with (?s).* must not loop forever).
size_t CountMatches(const RE2& re, std::string_view s) {
  size_t n = 0, at = 0;
  re2::StringPiece in(s.data(), s.size()), m;
  while (at <= s.size() && re.Match(in, at, s.size(), RE2::UNANCHORED, &m, 1)) {
    ++n;
    const size_t end = static_cast<size_t>(m.data() - s.data()) + m.size();
    at = std::max(end, at + 1);
    if (m.empty() && end >= s.size()) break;
  }
  return n;
}

struct Token {
  bool figure = false;
  Span at;             // the whole token
  std::string name;    // a name token: the name without its max
  Span value;          // the max of a name, or the figure
};

struct Name {
  std::string name;  // without its max
  Span at;           // the cell or token
  Span max;          // its max, empty if none
};

struct Row {
  std::vector<Name> names;
  Span score;        // empty if the row states none
  Span line;
};

Span LineAround(const std::string& text, size_t b, size_t e) {
  size_t lb = text.rfind('\n', b == 0 ? 0 : b - 1);
  lb = (lb == std::string::npos || b == 0) ? 0 : lb + 1;
  size_t le = text.find('\n', e);
  return Span{lb, le == std::string::npos ? text.size() : le};
}

// A figure as an exact count of 1/10000ths (scores are written with at most 4 decimals), or -1.
int64_t Units(const Number& n) {
  if (n.decimals > 4) return -1;
  int64_t v = n.scaled;
  for (int d = n.decimals; d < 4; ++d) v *= 10;
  return v;
}

std::optional<Stated> Points(const std::string& text, Span at, Span row) {
  auto n = FigureAt(text, at.begin);
  if (!n) return std::nullopt;
  n->unit = Unit::kPoints;
  n->measure = "分";
  return Stated{*n, Span{n->begin, n->end}, row, "table"};
}

class StreamTable {
 public:
  StreamTable(const Document& doc, const Rules& rules, Outline* out)
      : doc_(doc), out_(out), header_(rules.One("scoretable.stream_header")),
        level_(rules.One("scoretable.stream_level")), name_(rules.One("scoretable.stream_name")),
        figure_(rules.One("scoretable.stream_figure")), pipe_header_(rules.One("scoretable.stream_pipe_header")),
        pipe_name_(rules.One("scoretable.stream_pipe_name")), prose_(rules.One("grid.prose")) {}

  void ReadAll() {
    const std::string& text = doc_.text;
    re2::StringPiece in(text);
    size_t from = 0;
    re2::StringPiece m;
    while (from < text.size() &&
           header_.Match(in, from, text.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t hb = static_cast<size_t>(m.data() - text.data()), he = hb + m.size();
      from = std::max({Read(hb, he), he, hb + 1});  // an empty match must not stall the search
    }
    from = 0;
    while (from < text.size() && pipe_header_.Match(in, from, text.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t hb = static_cast<size_t>(m.data() - text.data()), he = hb + m.size();
      from = std::max({he, hb + 1, ReadPipe(hb, he)});
    }
  }

 private:
  // Reads one table whose header is text[hb, he); returns where to search on.
  size_t Read(size_t hb, size_t he) {
    const std::string& text = doc_.text;
    const std::string header = text.substr(hb, he - hb);
    const size_t levels = CountMatches(level_, header);
    if (levels < 2) return he;
    if (out_->InTreeTable(hb)) return he;
    // Tokens: names with their max, figures; anything else ends the stream.
    std::vector<Token> tokens;
    size_t at = he;
    re2::StringPiece in(text);
    for (;;) {
      while (at < text.size() && (text[at] == ' ' || text[at] == '\n' || text[at] == '\t')) ++at;
      if (at >= text.size()) break;
      re2::StringPiece g[3];
      Token t;
      if (name_.Match(in, at, text.size(), RE2::ANCHOR_START, g, 3)) {
        t.name = CleanName(std::string(g[1].data(), g[1].size()));
        t.value = Span{static_cast<size_t>(g[2].data() - text.data()),
                       static_cast<size_t>(g[2].data() - text.data() + g[2].size())};
      } else if (figure_.Match(in, at, text.size(), RE2::ANCHOR_START, g, 2)) {
        t.figure = true;
        t.value = Span{static_cast<size_t>(g[1].data() - text.data()),
                       static_cast<size_t>(g[1].data() - text.data() + g[1].size())};
      } else {
        break;
      }
      t.at = Span{at, static_cast<size_t>(g[0].data() - text.data() + g[0].size())};
      at = t.at.end;
      tokens.push_back(std::move(t));
    }
    // Rows: a run of names, then their score. A run of names at the end has no score yet (the
    // table goes on, or was cut): the stream ends before it.
    std::vector<Row> rows;
    for (size_t i = 0; i < tokens.size();) {
      size_t j = i;
      while (j < tokens.size() && !tokens[j].figure) ++j;
      if (j == i || j == tokens.size()) break;  // two figures in a row, or names with no score
      Row r;
      for (size_t n = i; n < j; ++n) r.names.push_back(Name{tokens[n].name, tokens[n].at, tokens[n].value});
      r.score = tokens[j].value;
      r.line = LineAround(text, tokens[i].at.begin, tokens[j].at.end);
      rows.push_back(std::move(r));
      i = j + 1;
    }
    if (rows.size() < 2) return he;
    const size_t end = tokens.empty() ? he : rows.back().line.end;
    Build(rows, levels, LineAround(text, hb, end), /*scores=*/true);
    return end;
  }

  // A pipe table of the same shape ("| 一级指标 | 二级指标 | 三级指标 | 得分 |", then
  // "| 部门决策(25分) | 目标任务(15分) | 相关性(5分) |", "|", "| 明确性(5分) |", "| ||", …): each
  // line that starts with `|` and names something is a row; its merged names are written in its
  // first row only; empty cells (the blank 得分, the parts of a row the merged cells left) are
  // lines of pipes alone. A row's last cell may be its score.
  size_t ReadPipe(size_t hb, size_t he) {
    const std::string& text = doc_.text;
    const size_t levels = CountMatches(level_, std::string_view(text).substr(hb, he - hb));
    if (levels < 2) return he;
    std::vector<Row> rows;
    size_t at = text.find('\n', he);
    size_t end = he;
    while (at != std::string::npos && at < text.size()) {
      const size_t b = at + 1;
      size_t e = text.find('\n', b);
      if (e == std::string::npos) e = text.size();
      at = e;
      std::string_view l(text.data() + b, e - b);
      size_t lead = 0;
      while (lead < l.size() && l[lead] == ' ') ++lead;
      if (lead >= l.size() || l[lead] != '|') break;
      // Cells between pipes.
      std::vector<Span> cells;
      size_t cb = b + lead + 1;
      for (size_t k = b + lead + 1; k <= e; ++k) {
        if (k == e || text[k] == '|') {
          size_t x = cb, y = k;
          while (x < y && text[x] == ' ') ++x;
          while (y > x && text[y - 1] == ' ') --y;
          if (y > x) cells.push_back(Span{x, y});
          cb = k + 1;
        }
      }
      if (cells.empty()) {
        end = e;
        continue;  // empty cells
      }
      Row r;
      r.line = Span{b, e};
      for (size_t c = 0; c < cells.size(); ++c) {
        std::string_view v = View(text, cells[c]);
        re2::StringPiece g[3];
        re2::StringPiece in(v.data(), v.size());
        if (c + 1 == cells.size() && c > 0 && RE2::FullMatch(in, figure_)) {
          r.score = cells[c];
          break;
        }
        if (v.size() > 90 || RE2::PartialMatch(in, prose_)) return Done(rows, levels, hb, end);
        Name n;
        n.at = cells[c];
        if (pipe_name_.Match(in, 0, in.size(), RE2::ANCHOR_BOTH, g, 3)) {
          n.name = CleanName(std::string(g[1].data(), g[1].size()));
          const size_t mb = cells[c].begin + static_cast<size_t>(g[2].data() - v.data());
          n.max = Span{mb, mb + g[2].size()};
        } else {
          n.name = CleanName(v);
        }
        r.names.push_back(std::move(n));
      }
      const bool any_max = std::any_of(r.names.begin(), r.names.end(), [](const Name& n) { return !n.max.empty(); });
      if (r.names.empty() || !any_max) break;  // a row of no points: another table
      rows.push_back(std::move(r));
      end = e;
    }
    return Done(rows, levels, hb, end);
  }

  size_t Done(const std::vector<Row>& rows, size_t levels, size_t hb, size_t end) {
    if (rows.size() < 2) return end;
    const Span region = LineAround(doc_.text, hb, end);
    // A tree table read from the same lines by the grid (its columns misplaced by the rows the
    // merged cells shortened): replaced when it is all the tree there is.
    if (out_->InTreeTable(hb)) {
      for (const Indicator& ind : out_->indicators)
        if (ind.heading.begin < region.begin || ind.heading.begin >= region.end) return end;
      out_->indicators.clear();
      // Its rows the grid could not place are the rows read here.
      out_->unread.erase(std::remove_if(out_->unread.begin(), out_->unread.end(),
                                        [&](const Span& u) { return u.begin < region.end && region.begin < u.end; }),
                         out_->unread.end());
      out_->tree_tables.erase(std::remove_if(out_->tree_tables.begin(), out_->tree_tables.end(),
                                             [&](const Span& t) { return t.begin < region.end && region.begin < t.end; }),
                              out_->tree_tables.end());
    }
    Build(rows, levels, region, /*scores=*/false);
    return end;
  }

  // The tree of `rows`, when its shape is certain; else the region is unread.
  void Build(const std::vector<Row>& rows, size_t levels, Span region, bool scores_required) {
    const std::string& text = doc_.text;
    // The shape must be certain: the first row opens every level, no row has more names than
    // levels, every score within its leaf's max.
    bool certain = rows.front().names.size() == levels;
    for (const Row& r : rows) {
      if (r.names.size() > levels || r.names.empty()) certain = false;
      if (r.score.empty()) {
        if (scores_required) certain = false;
        continue;
      }
      if (r.names.back().max.empty()) continue;
      auto max = FigureAt(text, r.names.back().max.begin);
      auto score = FigureAt(text, r.score.begin);
      if (!max || !score || Units(*max) < 0 || Units(*score) < 0 || Units(*score) > Units(*max)) certain = false;
    }
    if (!certain) {
      out_->unread.push_back(region);
      out_->read.push_back(region);
      return;
    }
    const size_t before = out_->indicators.size();
    std::vector<int> current(levels, -1);
    for (const Row& r : rows) {
      const size_t k = r.names.size();
      for (size_t n = 0; n < k; ++n) {
        const Name& t = r.names[n];
        const size_t level = levels - k + n;
        Indicator ind;
        ind.name = t.name;
        ind.parent = level > 0 ? current[level - 1] : -1;
        ind.level = ind.parent >= 0 ? out_->indicators[static_cast<size_t>(ind.parent)].level + 1 : 1;
        if (!t.max.empty()) ind.max = Points(text, t.max, r.line);
        if (n + 1 == k && !r.score.empty()) ind.score = Points(text, r.score, r.line);
        ind.heading = t.at;
        ind.body = Span{t.at.end, t.at.end};
        const int index = static_cast<int>(out_->indicators.size());
        if (ind.parent >= 0) out_->indicators[static_cast<size_t>(ind.parent)].children.push_back(index);
        out_->indicators.push_back(std::move(ind));
        current[level] = index;
        for (size_t d = level + 1; d < levels; ++d) current[d] = -1;
      }
    }
    // No total row: the table may go on (a page, "以下略"); the nodes open at its end may miss
    // children. The closed groups' maxima must add up, else the parents are not certain.
    for (int open : current)
      if (open >= 0) out_->indicators[static_cast<size_t>(open)].incomplete = true;
    out_->top_incomplete = true;
    bool adds_up = true;
    for (size_t i = before; i < out_->indicators.size(); ++i) {
      const Indicator& p = out_->indicators[i];
      if (p.children.empty() || p.incomplete || !p.max) continue;
      int64_t sum = 0;
      bool all = true;
      for (int c : p.children) {
        const Indicator& ch = out_->indicators[static_cast<size_t>(c)];
        if (ch.max) sum += Units(ch.max->value);
        else all = false;
      }
      if (all && sum != Units(p.max->value)) adds_up = false;
    }
    if (!adds_up)
      for (size_t i = before; i < out_->indicators.size(); ++i) out_->indicators[i].incomplete = true;
    out_->read.push_back(region);
    out_->tree_tables.push_back(region);
  }

  const Document& doc_;
  Outline* out_;
  const re2::RE2 &header_, &level_, &name_, &figure_, &pipe_header_, &pipe_name_, &prose_;
};

}  // namespace

void ReadStreamTables(const Document& doc, const Rules& rules, Outline* out) {
  StreamTable(doc, rules, out).ReadAll();
  std::sort(out->tree_tables.begin(), out->tree_tables.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

}  // namespace jixiao
