// change.yoy in percentage points: the change between two stated percentages of one subject is
// their difference ("由22.5%下降到13.2%，下降了9.5个百分点"; a year span filled by a list, then two of
// its years compared). Rules fig.points_*.
#include <re2/re2.h>

#include <charconv>
#include <optional>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

bool Rises(std::string_view dir) {
  return dir == "提高" || dir == "上升" || dir == "增长" || dir == "增加" || dir == "升高";
}


// The stated points as a percent figure ("9.5个百分点" is 9.5%), anchored on the whole phrase.
std::optional<Number> Points(const std::string& t, Span g) {
  auto n = FigureAt(t, g.begin);
  if (!n) return std::nullopt;
  n->unit = Unit::kPercent;
  n->measure = "%";
  return n;
}

// earlier → later: a fall is earlier − later, a rise later − earlier.
void Add(const Number& earlier, const Number& later, bool up, const Number& pts, Span quote, Span pts_span,
         Outline* out) {
  Relation r;
  r.check = CheckId::kChangeYoy;
  // The percentages are rounded figures like any other (../shared/docs/rounding.md): the points
  // agree when some values that round to them differ by a value that rounds to the points; one
  // unit off in the last place is a warning (22.5% → 13.2%, "下降9.5个百分点": the difference lies
  // in (9.2, 9.4), so at most 9.4 can be written), more is an error. Taking the printed figures
  // as exact would warn where the writer subtracted unrounded values (9.2 for 22.46 − 13.24).
  Expr e = Expr::Figure(earlier), l = Expr::Figure(later);
  r.computed = up ? Expr::Diff(l, e) : Expr::Diff(e, l);
  r.stated = pts;
  r.quote = quote;
  r.anchor = pts_span;
  r.note = std::string("the change in percentage points from ") + Written(earlier) + " to " + Written(later) +
           (up ? " (a rise)" : " (a fall)");
  r.any_part = true;
  out->relations.push_back(r);
}

}  // namespace

void PointChanges(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences,
                  Outline* out) {
  const std::string& t = doc.text;
  const re2::RE2& change_re = rules.One("fig.points_change");
  for (const Sentence& s : sentences) {
    if (View(t, s.span).find("百分点") == std::string_view::npos) continue;
    for (const Match& m : FindAll(rules.One("fig.points_fromto"), t, s.span)) {
      auto from = FigureAt(t, m.Get("from").begin);
      auto to = FigureAt(t, m.Get("to").begin);
      auto pts = Points(t, m.Get("pts"));
      if (!from || !to || !pts) continue;
      Add(*from, *to, Rises(View(t, m.Get("dir"))), *pts, s.span, Span{pts->begin, m.whole.end}, out);
    }
    std::vector<Match> spans = FindAll(rules.One("fig.points_span"), t, s.span);
    for (const Match& l : FindAll(rules.One("fig.points_list"), t, s.span)) {
      auto after = FindAll(change_re, t, Span{l.whole.end, s.span.end});
      if (after.empty() || after.front().whole.begin != l.whole.end) continue;
      const Match& c = after.front();
      std::vector<Number> list;
      for (const Number& n : FiguresIn(t, l.Get("list"))) {
        if (n.unit == Unit::kPercent) list.push_back(n);
      }
      auto pts = Points(t, c.Get("pts"));
      if (!pts || list.size() < 2) continue;
      bool up = Rises(View(t, c.Get("dir")));
      Span anchor{pts->begin, c.whole.end};
      if (!c.Has("ya")) {
        // No years named: a list of two, the change from the first to the second.
        if (list.size() == 2) Add(list[0], list[1], up, *pts, s.span, anchor, out);
        else out->unbound += 1;
        continue;
      }
      // Years named: the nearest span before the list must have one year per figure.
      const Match* span = nullptr;
      for (const Match& y : spans) {
        if (y.whole.end <= l.whole.begin) span = &y;
      }
      const std::optional<int> y1 = span ? YearOf(t, span->Get("y1")) : std::optional<int>();
      const std::optional<int> y2 = span ? YearOf(t, span->Get("y2")) : std::optional<int>();
      const int first = y1.value_or(0), last = y2.value_or(0);
      auto ya = YearOf(t, c.Get("ya"));
      auto yb = YearOf(t, c.Get("yb"));
      if (!y1 || !y2 || !ya || !yb || last <= first || static_cast<size_t>(last - first + 1) != list.size() ||
          *ya < first || *ya > last || *yb < first || *yb > last || *ya == *yb) {
        out->unbound += 1;
        continue;
      }
      const Number& a = list[*ya - first];  // the year compared
      const Number& b = list[*yb - first];  // its base
      if (*ya > *yb) Add(b, a, up, *pts, s.span, anchor, out);
      else Add(a, b, !up, *pts, s.span, anchor, out);  // "2013年比2017年下降": later − earlier reversed
    }
  }
}

}  // namespace jixiao
