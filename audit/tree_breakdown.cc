// ReadTotalBreakdown: the total's sentence broken down by the first level ("总得分为72.21分，其中：
// 投入得分13.10分、过程得分25.41分、产出得分16.70分、效果得分17.00分"). Each part's score is the score
// of the first-level indicator of that name (a tree table often gives the first level's max only,
// "投入(20分)"), or restates it; a part the tree lacks (its rows cut: "此处从略") is a first-level
// node of its own. The parts add up to the total: checked here when the tree's first level is not
// known complete (TreeChecks sums a complete first level itself), and then a difference is a
// warning (a 其中 list may leave a part out).
#include <re2/re2.h>

#include "audit/outline.h"
#include "audit/scan.h"

namespace jixiao {

void ReadTotalBreakdown(const Document& doc, const Rules& rules, Outline* out) {
  if (!out->total || !out->total->score || out->total->form) return;
  const std::string& text = doc.text;
  const Stated& total = *out->total->score;
  // The rest of the total's sentence.
  size_t end = text.find("。", total.at.end);
  const size_t nl = text.find('\n', total.at.end);
  if (end == std::string::npos || (nl != std::string::npos && nl < end)) end = nl == std::string::npos ? text.size() : nl;
  Span rest{total.at.end, end};
  size_t lead = View(text, rest).find("其中");
  // "…自评得分为90.5分，等级为“优”。其中：预算编制得分18分，…": the next sentence, when it opens with 其中.
  if (lead == std::string_view::npos && text.compare(end, 3, "。") == 0 && text.compare(end + 3, 6, "其中") == 0) {
    size_t next_end = text.find("。", end + 3);
    const size_t next_nl = text.find('\n', end + 3);
    if (next_end == std::string::npos || (next_nl != std::string::npos && next_nl < next_end)) {
      next_end = next_nl == std::string::npos ? text.size() : next_nl;
    }
    rest = Span{end + 3, next_end};
    lead = 0;
  }
  if (lead == std::string_view::npos || lead > 6) return;  // right after the total: "，其中："
  struct Part {
    std::string name;
    Stated score;
  };
  std::vector<Part> parts;
  for (const auto& m : FindAll(rules.One("score.total_part"), text, Span{rest.begin + lead, rest.end})) {
    auto n = FigureAt(text, m.Get("score").begin);
    if (!n) return;
    n->unit = Unit::kPoints;
    n->measure = "分";
    parts.push_back(Part{CleanName(View(text, m.Get("name"))), Stated{*n, Span{n->begin, n->end}, Span{m.whole.begin, m.whole.end}, "sentence"}});
  }
  if (parts.size() < 2) return;
  std::vector<int> top;
  for (size_t i = 0; i < out->indicators.size(); ++i)
    if (out->indicators[i].parent < 0 && !out->indicators[i].form) top.push_back(static_cast<int>(i));
  // Every first-level node of the tree must be a part (else the list is not the first level).
  for (int t : top) {
    bool named = false;
    for (const Part& p : parts) named |= p.name == out->indicators[static_cast<size_t>(t)].name;
    if (!named) return;
  }
  for (size_t a = 0; a < parts.size(); ++a)
    for (size_t b = a + 1; b < parts.size(); ++b)
      if (parts[a].name == parts[b].name) return;
  // With no tree, the first level is known from this list alone: the total is checked here only.
  if (top.empty()) out->top_incomplete = true;
  const bool checked_by_tree = !out->top_incomplete;
  std::vector<Expr> terms;
  Relation r;
  for (const Part& p : parts) {
    int found = -1;
    for (int t : top)
      if (out->indicators[static_cast<size_t>(t)].name == p.name) found = t;
    if (found >= 0) {
      Indicator& ind = out->indicators[static_cast<size_t>(found)];
      if (!ind.score) ind.score = p.score;
      else ind.more_score.push_back(p.score);
    } else {
      Indicator ind;
      ind.name = p.name;
      ind.score = p.score;
      ind.heading = p.score.context;
      ind.body = Span{p.score.context.end, p.score.context.end};
      out->indicators.push_back(std::move(ind));
    }
    terms.push_back(Expr::Figure(p.score.value, true));
    r.more_quotes.push_back(p.score.context);
  }
  out->read.push_back(rest);
  if (checked_by_tree) return;
  r.check = CheckId::kScoreTotal;
  r.computed = Expr::Sum(std::move(terms));
  r.stated = total.value;
  r.stated_exact = true;
  r.quote = total.context;
  r.anchor = total.at;
  r.severity = Severity::kWarning;
  r.note = "the parts the total's sentence lists (其中 …) → total " + total.value.written;
  out->relations.push_back(std::move(r));
}

}  // namespace jixiao
