// The indicator tree: headings with max points and self-scores, sentence-form parents and
// children, body restatements and sub-item points, the total and the grade.
//
// Levels come from numbering styles: the first style seen on a scored heading is level 1, a new
// style seen below a heading is one level deeper, and a style seen before keeps its level. An
// unnumbered scored heading sits one level below the heading before it (or beside an unnumbered
// sibling).
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "audit/outline.h"
#include "audit/scan.h"
#include "audit/sentences.h"
#include "structure/structure.h"

namespace jixiao {

namespace {

// Figures of a match's named group.
std::optional<Stated> StatedOf(const Document& doc, const Match& m, const char* group,
                               Span context, const char* source) {
  if (!m.Has(group)) return std::nullopt;
  auto n = FigureAt(doc.text, m.Get(group).begin);
  if (!n) return std::nullopt;
  if (n->unit == Unit::kNone || n->unit == Unit::kCount) n->unit = Unit::kPoints, n->measure = "分";
  return Stated{*n, Span{n->begin, n->end}, context, source};
}

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

class TreeParser {
 public:
  TreeParser(const Document& doc, const Structure& st, const Rules& rules, Outline* out)
      : doc_(doc), st_(st), rules_(rules), out_(out) {}

  void Run() {
    for (size_t i = 0; i < st_.sections.size(); ++i) section_at_[st_.sections[i].heading.begin] = static_cast<int>(i);
    lines_ = Lines(doc_.text);
    for (size_t li = 0; li < lines_.size(); ++li) ReadLine(li);
    CloseBody(doc_.text.size());
    size_t headed = out_->indicators.size();
    ReadSentenceForms();
    for (size_t i = 0; i < headed; ++i) ReadBody(static_cast<int>(i));
    ReadTotal();
  }

 private:
  void ReadLine(size_t li) { ReadSpan(lines_[li]); }

  // A heading at the start of `line`; a second heading may follow on the same line when the PDF
  // set them side by side ("(1)绩效管理(分值 7 分，自评得 7 分)绩效管理制度建设(分值 7 分，…)").
  void ReadSpan(Span line) {
    // A form is read from its tables (ReadForms); its lines are no headings of a report's tree.
    DocKind kind = st_.PartAt(line.begin).kind;
    if (kind == DocKind::kProjectForm || kind == DocKind::kDepartmentForm) return;
    if (out_->InTreeTable(line.begin)) return;  // a scoring table read as the tree
    if (FindFirst(rules_.Get("score.toc_line"), doc_.text, line)) return;  // a table of contents
    std::string style;
    size_t name_from = line.begin;
    if (auto m = FindFirst({&rules_.One("score.marker")}, doc_.text, line);
        m && m->whole.begin == line.begin) {
      for (const auto& [g, span] : m->groups) style = g;
      name_from = m->whole.end;
    }
    Span rest{name_from, line.end};
    bool bonus = false;
    std::optional<Match> h;
    for (const char* rule : {"score.heading", "score.heading_bonus"}) {
      for (const re2::RE2* re : rules_.Get(rule)) {
        auto all = FindAll(*re, doc_.text, rest);
        if (!all.empty()) {
          h = all.front();
          bonus = std::string(rule) == "score.heading_bonus";
          break;
        }
      }
      if (h) break;
    }
    bool max_only = false;
    if (!h) {
      // A heading with max points only, if numbered or alone on its line.
      for (const re2::RE2* re : rules_.Get("score.heading_max")) {
        auto all = FindAll(*re, doc_.text, rest);
        if (!all.empty() && (!style.empty() || all.front().whole.end == line.end)) {
          h = all.front();
          max_only = true;
          break;
        }
      }
    }
    if (!h) {
      if (!style.empty()) ReadUnscored(line, style, name_from);
      return;
    }
    std::string name = CleanName(View(doc_.text, h->Get("name")));
    if (name.empty() || name.size() > 90) return;
    Indicator ind;
    ind.name = name;
    ind.heading = Span{line.begin, h->whole.end};
    ind.bonus = bonus || name.find("加分") != std::string::npos ||
                name.find("加减分") != std::string::npos;
    ind.max = StatedOf(doc_, *h, "max", ind.heading, "heading");
    if (!max_only) ind.score = StatedOf(doc_, *h, "score", ind.heading, "heading");
    if (ind.max) ind.max->value.unit = Unit::kPoints;
    MarkRead(ind.heading);
    size_t heading_end = ind.heading.end;
    // "部门决策(25分)" with the score as the first words below it: "得分 23 分".
    if (max_only && heading_end == line.end) {
      if (auto own = OwnStatement(line, line.end, /*bound=*/false)) {
        if (own->Has("score")) {
          ind.score = StatedOf(doc_, *own, "score", SentenceAround(doc_.text, own->whole), "body");
          consumed_.push_back(own->whole);
          MarkRead(own->whole);
        }
      }
    }
    // "1.部门决策（20分）：得分19分。": the score as the first words after the heading, on its line.
    if (max_only && heading_end < line.end) {
      for (const re2::RE2* re : rules_.Get("score.own_start")) {
        auto all = FindAll(*re, doc_.text, Span{heading_end, line.end});
        if (all.empty() || all.front().whole.begin != heading_end || !all.front().Has("score")) continue;
        const Match& own = all.front();
        ind.score = StatedOf(doc_, own, "score", SentenceAround(doc_.text, own.whole), "body");
        consumed_.push_back(own.whole);
        MarkRead(own.whole);
        heading_end = own.whole.end;
        break;
      }
      // "1.预算编制合理性（10分）：预算编制科学合理，得10分。": the score as the last words of its line.
      if (!ind.score) {
        for (const re2::RE2* re : rules_.Get("score.own_tail")) {
          auto all = FindAll(*re, doc_.text, Span{heading_end, line.end});
          if (all.empty() || !all.front().Has("score")) continue;
          const Match& own = all.front();
          if (FindFirst(rules_.Get("score.own_tail_not"), doc_.text, Span{heading_end, own.whole.begin})) break;
          ind.score = StatedOf(doc_, own, "score", SentenceAround(doc_.text, own.whole), "body");
          consumed_.push_back(own.whole);
          MarkRead(own.whole);
          heading_end = line.end;
          break;
        }
      }
    }
    AddIndicator(std::move(ind), style, line);
    if (heading_end < line.end) ReadSpan(Span{heading_end, line.end});
  }

  // The own body of the section headed at `line`: after `from` to its first sub-heading (or its
  // end). Empty when `line` heads no section.
  Span OwnBody(Span line, size_t from) const {
    auto it = section_at_.find(line.begin);
    if (it == section_at_.end()) return Span{};
    const Section& sec = st_.sections[static_cast<size_t>(it->second)];
    size_t end = sec.body.end;
    if (!sec.children.empty()) end = std::min(end, st_.sections[static_cast<size_t>(sec.children.front())].heading.begin);
    return Span{from, std::max(from, end)};
  }

  // The first statement of points that binds to the section headed at `line`: score.own anywhere
  // in its own body (when `bound`), score.own_start as the first words after the heading line.
  std::optional<Match> OwnStatement(Span line, size_t from, bool bound) const {
    Span own = OwnBody(line, from);
    if (own.empty()) return std::nullopt;
    std::optional<Match> best;
    size_t below = std::min(line.end + 1, own.end);
    for (const re2::RE2* re : rules_.Get("score.own_start")) {
      auto all = FindAll(*re, doc_.text, Span{below, own.end});
      if (!all.empty() && all.front().whole.begin == below) best = all.front();
      if (best) break;
    }
    if (best || !bound) return best;
    for (const re2::RE2* re : rules_.Get("score.own")) {
      auto all = FindAll(*re, doc_.text, own);
      if (!all.empty() && (!best || all.front().whole.begin < best->whole.begin)) best = all.front();
    }
    return best;
  }

  // A numbered heading without points ("3.预算调整率") whose own body states them ("本指标满分 3 分，
  // 得 2 分"): an indicator, so the statement is its own and not a restatement of its parent's.
  void ReadUnscored(Span line, const std::string& style, size_t name_from) {
    auto m = OwnStatement(line, name_from, /*bound=*/true);
    if (!m) {
      // A sibling (or shallower) heading stating points no pattern reads ("（2）结转结余率，经评定本项计10分") ends the
      // open body: its words are its own (parse.unread), never a restatement of the one before, and no level
      // above is summed (the line's level is not certain).
      auto lv = style_level_.find(style);
      std::string_view after = View(doc_.text, Span{name_from, line.end});  // "0.5 分；…" is a figure, not "0."
      bool points = false;
      for (const Number& n : FiguresIn(doc_.text, line)) points |= n.unit == Unit::kPoints;
      const int last = open_levels_.empty() ? -1 : open_levels_.back();  // the indicator before the line
      if (points && last >= 0 && section_at_.count(line.begin) && lv != style_level_.end() &&
          lv->second <= out_->indicators[size_t(last)].level && !AnyMatch(rules_.Get("structure.not_after_marker"), after)) {
        for (int a = out_->indicators[size_t(last)].parent; a >= 0; a = out_->indicators[size_t(a)].parent)
          out_->indicators[size_t(a)].incomplete = true;
        if (lv->second <= 1) out_->top_incomplete = true;
        CloseBody(line.begin);
        out_->unread.push_back(line);
        MarkRead(line);
      }
      return;
    }
    auto it = section_at_.find(line.begin);
    const Section& sec = st_.sections[static_cast<size_t>(it->second)];
    // The name: the heading's title, or the words before the statement on the heading line.
    Span name_span = sec.title;
    if (m->whole.begin < line.end) name_span = Span{name_from, m->whole.begin};
    std::string name = CleanName(View(doc_.text, name_span));
    if (name.empty() || name.size() > 90) return;
    Indicator ind;
    ind.name = name;
    ind.heading = line;
    Span sentence = SentenceAround(doc_.text, m->whole);
    ind.max = StatedOf(doc_, *m, "max", sentence, "body");
    ind.score = StatedOf(doc_, *m, "score", sentence, "body");
    if (ind.max) ind.max->value.unit = Unit::kPoints;
    if (!ind.max && !ind.score) return;
    consumed_.push_back(m->whole);
    MarkRead(line);
    MarkRead(m->whole);
    AddIndicator(std::move(ind), style, line);
  }

  // Appends `ind` at the level of its numbering `style` under the nearest shallower indicator,
  // and opens its body.
  void AddIndicator(Indicator ind, const std::string& style, Span line) {
    int level;
    if (!style.empty()) {
      auto it = style_level_.find(style);
      if (it == style_level_.end()) {
        level = last_level_ + 1;
        // A style never deeper than one below the current heading; reuse a free level.
        style_level_[style] = level;
      } else {
        level = it->second;
      }
      last_unmarked_level_ = 0;
    } else {
      level = last_unmarked_level_ > 0 ? last_unmarked_level_ : last_level_ + 1;
      last_unmarked_level_ = level;
    }
    if (level < 1) level = 1;
    ind.level = level;
    // Parent: the nearest earlier indicator with a smaller level, from a stack of the earlier
    // headings whose levels increase (each is pushed and popped once: linear, where searching
    // back was quadratic on thousands of headings of one level).
    int idx = static_cast<int>(out_->indicators.size());
    while (!open_levels_.empty() &&
           out_->indicators[static_cast<size_t>(open_levels_.back())].level >= level) {
      open_levels_.pop_back();
    }
    if (!open_levels_.empty()) ind.parent = open_levels_.back();
    open_levels_.push_back(idx);
    CloseBody(line.begin);
    if (ind.parent >= 0) out_->indicators[static_cast<size_t>(ind.parent)].children.push_back(idx);
    ind.body = Span{ind.heading.end, ind.heading.end};
    out_->indicators.push_back(std::move(ind));
    open_ = idx;
    last_level_ = level;
  }

  // consumed_ grows in document order, and its spans do not overlap: one binary search.
  bool Consumed(Span s) const {
    auto it = std::upper_bound(consumed_.begin(), consumed_.end(), s.begin,
                               [](size_t b, Span c) { return b < c.begin; });
    if (it != consumed_.end() && Overlaps(*it, s)) return true;
    return it != consumed_.begin() && Overlaps(*(it - 1), s);
  }

  void CloseBody(size_t at) {
    if (open_ >= 0) out_->indicators[static_cast<size_t>(open_)].body.end = at;
    open_ = -1;
  }

  // Restatements in the body: "故此项指标自评得 3 分", "本项不得分"; sub-item points.
  void ReadBody(int i) {
    Indicator& ind = out_->indicators[static_cast<size_t>(i)];
    if (ind.body.empty()) return;
    for (const re2::RE2* re : rules_.Get("score.body_max")) {
      for (const auto& m : FindAll(*re, doc_.text, ind.body)) {
        if (Consumed(m.whole)) continue;
        if (auto s = StatedOf(doc_, m, "max", SentenceAround(doc_.text, m.whole), "body")) {
          (ind.max ? ind.more_max.push_back(*s) : void(ind.max = *s));
          MarkRead(m.whole);
        }
      }
    }
    std::vector<Stated> statements;
    for (const re2::RE2* re : rules_.Get("score.body")) {
      for (const auto& m : FindAll(*re, doc_.text, ind.body)) {
        if (Consumed(m.whole)) continue;
        if (auto s = StatedOf(doc_, m, "score", SentenceAround(doc_.text, m.whole), "body")) {
          statements.push_back(*s);
          MarkRead(m.whole);
        }
      }
    }
    for (const re2::RE2* re : rules_.Get("score.body_zero")) {
      for (const auto& m : FindAll(*re, doc_.text, ind.body)) {
        Number zero;
        zero.written = "0";
        zero.unit = Unit::kPoints;
        zero.measure = "分";
        zero.begin = m.whole.begin;
        zero.end = m.whole.end;
        statements.push_back(Stated{zero, m.whole, SentenceAround(doc_.text, m.whole), "body"});
        MarkRead(m.whole);
      }
    }
    std::sort(statements.begin(), statements.end(),
              [](const Stated& a, const Stated& b) { return a.at.begin < b.at.begin; });
    std::vector<Stated> items;
    for (const re2::RE2* re : rules_.Get("score.item")) {
      for (const auto& m : FindAll(*re, doc_.text, ind.body)) {
        bool in_statement = std::any_of(statements.begin(), statements.end(), [&](const Stated& s) {
          return Overlaps(s.context, m.whole) && Overlaps(Span{s.at.begin, s.at.end}, m.Get("score"));
        });
        bool read = IsRead(m.whole);
        if (in_statement || read) continue;
        if (auto s = StatedOf(doc_, m, "score", SentenceAround(doc_.text, m.whole), "item")) {
          items.push_back(*s);
          MarkRead(m.whole);
        }
      }
    }
    // A closing statement in the same clause as an enumerated item ("二是…，故此项指标自评得 1
    // 分") is also that item's points.
    if (!items.empty() && !statements.empty()) {
      const Stated& last = statements.back();
      size_t clause = ClauseStart(last.at.begin);
      if (clause > items.back().at.end &&
          !FindAll(rules_.One("score.item_marker"), doc_.text, Span{clause, last.at.begin}).empty()) {
        Stated s = last;
        s.source = "item";
        items.push_back(s);
      }
    }
    std::sort(items.begin(), items.end(),
              [](const Stated& a, const Stated& b) { return a.at.begin < b.at.begin; });
    // A single "自评得 N 分" is not a sub-item: the body restates the score.
    if (items.size() == 1 && !ind.bonus) {
      items.front().source = "body";
      statements.push_back(items.front());
      items.clear();
      std::sort(statements.begin(), statements.end(),
                [](const Stated& a, const Stated& b) { return a.at.begin < b.at.begin; });
    }
    for (auto& s : statements) {
      if (!ind.score) {
        ind.score = s;
      } else {
        ind.more_score.push_back(s);
      }
    }
    ind.items = std::move(items);
  }

  // Start of the clause containing `at`: after the previous "；" "。" or line start.
  size_t ClauseStart(size_t at) const {
    size_t b = at;
    while (b > 0) {
      if (doc_.text[b - 1] == '\n') break;
      if (b >= 3 && (doc_.text.compare(b - 3, 3, "；") == 0 || doc_.text.compare(b - 3, 3, "。") == 0)) {
        break;
      }
      --b;
    }
    return b;
  }

  // An indicator named `name`, or one whose name contains it or is contained in it ("预算执行" for
  // "预算执行情况").
  int FindLoose(const std::string& name) const {
    int exact = out_->Find(name);
    if (exact >= 0 || name.size() < 6) return exact;
    for (int i = static_cast<int>(out_->indicators.size()) - 1; i >= 0; --i) {
      const std::string& n = out_->indicators[static_cast<size_t>(i)].name;
      if (n.size() >= 6 && (n.find(name) != std::string::npos || name.find(n) != std::string::npos)) {
        return i;
      }
    }
    return -1;
  }

  // "预算执行情况指标总分 50 分，自评 46.95 分，其中资金管理指标自评 10 分，…"
  void ReadSentenceForms() {
    Span all{0, doc_.text.size()};
    for (const re2::RE2* re : rules_.Get("score.sentence")) {
      for (const auto& m : FindAll(*re, doc_.text, all)) {
        if (IsRead(m.whole)) {
          continue;
        }
        std::string name = CleanName(View(doc_.text, m.Get("name")));
        Span sentence = SentenceAround(doc_.text, m.whole, 600);
        int parent = FindLoose(name);
        if (parent < 0) {
          Indicator ind;
          ind.name = name;
          ind.level = 1;
          ind.heading = sentence;
          ind.max = StatedOf(doc_, m, "max", sentence, "sentence");
          ind.score = StatedOf(doc_, m, "score", sentence, "sentence");
          out_->indicators.push_back(std::move(ind));
          parent = static_cast<int>(out_->indicators.size()) - 1;
        } else {
          auto& p = out_->indicators[static_cast<size_t>(parent)];
          if (auto s = StatedOf(doc_, m, "score", sentence, "sentence")) p.more_score.push_back(*s);
          if (auto s = StatedOf(doc_, m, "max", sentence, "sentence")) p.more_max.push_back(*s);
        }
        MarkRead(m.whole);
        Span rest{m.whole.end, sentence.end};
        for (const re2::RE2* cre : rules_.Get("score.sentence_child")) {
          for (const auto& c : FindAll(*cre, doc_.text, rest)) {
            std::string cname = CleanName(View(doc_.text, c.Get("name")));
            if (cname.rfind("其中", 0) == 0) cname.erase(0, 6);
            if (cname.empty()) continue;
            int existing = -1;
            for (int k : out_->indicators[static_cast<size_t>(parent)].children) {
              if (out_->indicators[static_cast<size_t>(k)].name == cname) existing = k;
            }
            auto score = StatedOf(doc_, c, "score", sentence, "sentence");
            auto max = StatedOf(doc_, c, "max", sentence, "sentence");
            if (existing >= 0) {
              auto& e = out_->indicators[static_cast<size_t>(existing)];
              if (score) (e.score ? e.more_score.push_back(*score) : void(e.score = score));
              if (max) (e.max ? e.more_max.push_back(*max) : void(e.max = max));
            } else {
              Indicator ind;
              ind.name = cname;
              ind.level = out_->indicators[static_cast<size_t>(parent)].level + 1;
              ind.parent = parent;
              ind.heading = Span{c.whole.begin, c.whole.end};
              ind.score = score;
              ind.max = max;
              out_->indicators.push_back(std::move(ind));
              out_->indicators[static_cast<size_t>(parent)].children.push_back(
                  static_cast<int>(out_->indicators.size()) - 1);
            }
            MarkRead(c.whole);
          }
        }
      }
    }
  }

  void ReadTotal() {
    Span all{0, doc_.text.size()};
    Outline::Total t;
    bool found = false;
    for (const re2::RE2* re : rules_.Get("score.total")) {
      for (const auto& m : FindAll(*re, doc_.text, all)) {
        if (IsRead(m.whole)) {
          continue;
        }
        Span sentence = SentenceAround(doc_.text, m.whole);
        if (!found || m.whole.begin < t.where.begin) {
          t.score = StatedOf(doc_, m, "score", sentence, "sentence");
          t.where = sentence;
          found = t.score.has_value();
        }
        break;
      }
    }
    if (found) {
      MarkRead(t.where);
      // The grade: the first grade statement from the total's sentence on.
      for (const re2::RE2* re : rules_.Get("score.grade")) {
        auto g = FindAll(*re, doc_.text, Span{t.where.begin, doc_.text.size()});
        if (!g.empty()) {
          t.grade = std::string(View(doc_.text, g.front().Get("grade")));
          t.grade_at = g.front().Get("grade");
          break;
        }
      }
      // The max: "满分 100 分" near the total, else the sum of first-level max points later.
      out_->total = t;
    }
    for (const re2::RE2* re : rules_.Get("score.band")) {
      for (const auto& m : FindAll(*re, doc_.text, all)) {
        auto lo = FigureAt(doc_.text, m.Get("lo").begin);
        if (lo) out_->bands.emplace_back(*lo, std::string(View(doc_.text, m.Get("grade"))));
      }
    }
  }

  const Document& doc_;
  const Structure& st_;
  const Rules& rules_;
  Outline* out_;
  std::unordered_map<size_t, int> section_at_;  // heading line begin → section index
  std::vector<Span> consumed_;                  // statements a heading took as its own
  std::vector<Span> lines_;
  std::map<std::string, int> style_level_;
  int last_level_ = 0;
  int last_unmarked_level_ = 0;
  int open_ = -1;
  std::vector<int> open_levels_;  // indices of headings, levels strictly increasing

  // What has been read, as out_->read and as the union of its spans (begin → end, disjoint), so
  // that "was this read?" is a lookup, not a scan of every span read before (quadratic on
  // thousands of headings). For a non-empty span the answer is the same: it overlaps the union
  // exactly where it overlaps one of the spans.
  void MarkRead(Span s) {
    out_->read.push_back(s);
    if (s.empty()) return;
    size_t b = s.begin, e = s.end;
    auto it = read_union_.upper_bound(b);
    if (it != read_union_.begin() && std::prev(it)->second >= b) {
      --it;
      b = it->first;
      e = std::max(e, it->second);
      it = read_union_.erase(it);
    }
    while (it != read_union_.end() && it->first <= e) {
      e = std::max(e, it->second);
      it = read_union_.erase(it);
    }
    read_union_.emplace(b, e);
  }
  bool IsRead(Span m) const {
    if (m.empty()) {
      return std::any_of(out_->read.begin(), out_->read.end(),
                         [&](Span c) { return Overlaps(c, m); });
    }
    auto it = read_union_.lower_bound(m.end);  // the first union span starting at or after m.end
    return it != read_union_.begin() && std::prev(it)->second > m.begin;
  }
  std::map<size_t, size_t> read_union_;
};

}  // namespace

void ParseTree(const Document& doc, const Structure& structure, const Rules& rules, Outline* out) {
  TreeParser(doc, structure, rules, out).Run();
}

}  // namespace jixiao
