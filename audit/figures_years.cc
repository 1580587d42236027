// change.yoy against the other year's level stated in its own sentence: "2022年度“三公”经费预算合计
// 21.8万元,其中:…公务接待11.8万元…。" / "2021年度“三公”经费合计支出20.12万元,其中:…公务接待12.39
// 万元…。" / "2022年度“三公”经费预算较2021年度增加1.68万元,其中公务接待较上年同期减少0.58万元,减少
// 4.68%。": the change is the difference of the two years' levels of its item, the rate the change
// over the earlier one.
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "audit/figures.h"
#include "audit/scan.h"

namespace jixiao {
namespace {

// The item a label names, without years, totals and the words every level of it carries
// (rule fig.year_item_generic): "2022年度“三公”经费预算合计" and "“三公”经费合计支出" are 三公经费.
std::string ItemCore(const Rules& rules, std::string_view label) {
  std::string core;
  for (char c : label)
    if (c != ' ') core += c;
  for (const re2::RE2* re : rules.Get("fig.year_item_generic")) RE2::GlobalReplace(&core, *re, "");
  return core;
}


struct Level {
  int year;
  std::string item;
  Number n;
};

}  // namespace

std::optional<int> YearOf(const std::string& t, Span g) {
  if (g.end <= g.begin) return std::nullopt;
  int y = 0;
  auto [p, ec] = std::from_chars(t.data() + g.begin, t.data() + g.end, y);
  if (ec != std::errc() || p != t.data() + g.end || y < 1900 || y > 2200) return std::nullopt;
  return y;
}

void YearLevels(const Document& doc, const Rules& rules, const std::vector<Sentence>& sentences, Outline* out) {
  const std::string& t = doc.text;
  const re2::RE2& lead_re = rules.One("fig.year_lead");
  const re2::RE2& change_re = rules.One("fig.year_change");
  // The year each sentence is stated for: its own leading year, else that of the sentence before it
  // on the same line.
  std::vector<std::optional<int>> year(sentences.size());
  std::vector<bool> changes(sentences.size(), false);
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    auto lead = FindAll(lead_re, t, s.span);
    if (!lead.empty() && lead.front().whole.begin == s.span.begin) year[i] = YearOf(t, lead.front().Get("year"));
    if (!year[i] && i > 0 && sentences[i - 1].line == s.line) year[i] = year[i - 1];
    changes[i] = !FindAll(change_re, t, s.span).empty();
  }
  // Levels: the amounts of the sentences that open with their year and state no change.
  std::vector<Level> levels;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (!year[i] || changes[i]) continue;
    auto lead = FindAll(lead_re, t, s.span);
    if (lead.empty() || lead.front().whole.begin != s.span.begin) continue;
    for (const Number& n : s.figures) {
      if (!IsQuantity(n) || n.IsCount() || IsChangeFigure(t, rules, n, s.span.begin) || IsShareBase(t, n)) continue;
      std::string item = ItemCore(rules, LabelBefore(t, n.begin, 16));
      if (Bigrams(item).empty()) continue;
      levels.push_back(Level{*year[i], item, n});
    }
  }
  // The one level of `item` in year `y`, or none when it is not stated or stated with two values.
  auto level_of = [&](int y, const std::string& item, const Number& like) -> std::optional<Number> {
    std::optional<Number> found;
    for (const Level& l : levels) {
      if (l.year != y || l.item != item || !SameKind(l.n, like)) continue;
      if (found && ValueOf(*found) != ValueOf(l.n)) return std::nullopt;
      if (!found) found = l.n;
    }
    return found;
  };
  std::vector<size_t> anchored;
  for (const Relation& r : out->relations) anchored.push_back(r.anchor.begin);
  auto taken = [&](const Number& n) { return std::find(anchored.begin(), anchored.end(), n.begin) != anchored.end(); };
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (!year[i] || !changes[i]) continue;
    for (const Match& m : FindAll(change_re, t, s.span)) {
      if (m.whole.end <= m.whole.begin) continue;
      auto diff = FigureAt(t, m.Get("diff").begin);
      if (!diff || taken(*diff)) continue;
      int base_year = *year[i] - 1;
      if (m.Has("year")) {
        auto y = YearOf(t, m.Get("year"));
        if (!y || *y >= *year[i]) continue;
        base_year = *y;
      }
      // The item: the words of the change's clause before 较 / 比, without its year and 其中.
      Span clause = ClauseBefore(t, m.whole.begin, s.span.begin);
      std::string item = ItemCore(rules, View(t, clause));
      if (Bigrams(item).empty()) continue;
      auto cur = level_of(*year[i], item, *diff);
      auto base = level_of(base_year, item, *diff);
      if (!cur || !base || ValueOf(*base) == 0) {
        out->unbound += 1;
        continue;
      }
      std::string_view dir = View(t, m.Get("dir"));
      bool up = dir == "增加";
      Expr e = up ? Expr::Diff(Fig(*cur), Fig(*base)) : Expr::Diff(Fig(*base), Fig(*cur));
      std::string names = item + " " + std::to_string(*year[i]) + " " + Written(*cur) + " (line " +
                          std::to_string(doc.LineAt(cur->begin)) + "), " + std::to_string(base_year) + " " +
                          Written(*base) + " (line " + std::to_string(doc.LineAt(base->begin)) + ")";
      Relation r;
      r.check = CheckId::kChangeYoy;
      r.computed = e;
      r.stated = *diff;
      r.quote = s.span;
      r.anchor = Span{diff->begin, diff->end};
      r.more_quotes = {Span{ClauseBefore(t, cur->begin, 0).begin, cur->end},
                       Span{ClauseBefore(t, base->begin, 0).begin, base->end}};
      r.note = "the change of " + names;
      out->relations.push_back(r);
      anchored.push_back(diff->begin);
      if (!m.Has("pct")) continue;
      auto pct = FigureAt(t, m.Get("pct").begin);
      if (!pct || pct->unit != Unit::kPercent || taken(*pct)) continue;
      Relation p = r;
      p.computed = Expr::Quotient(Fig(*diff), Fig(*base));
      p.stated = *pct;
      p.anchor = Span{pct->begin, pct->end};
      p.note = "the change " + Written(*diff) + " over the earlier level: " + names;
      out->relations.push_back(p);
      anchored.push_back(pct->begin);
    }
  }
}

}  // namespace jixiao
