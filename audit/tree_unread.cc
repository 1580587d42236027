// parse.unread of the indicator tree: inside the scoring part, a line stating points no reader took, and
// lines that look scored (score.looks_scored); the indicator around such a line is not summed.
#include <re2/re2.h>

#include <algorithm>

#include "audit/outline.h"
#include "audit/scan.h"

namespace jixiao {

void FindUnread(const Document& doc, const Rules& rules, Outline* out) {
  // The read spans by start, with the furthest end among each prefix: whether a match overlaps
  // any of them is one binary search (linear overall, not lines × spans).
  std::vector<Span> read = out->read;
  std::sort(read.begin(), read.end(),
            [](Span a, Span b) { return a.begin < b.begin || (a.begin == b.begin && a.end < b.end); });
  std::vector<size_t> max_end(read.size());
  for (size_t i = 0; i < read.size(); ++i) {
    max_end[i] = std::max(read[i].end, i > 0 ? max_end[i - 1] : 0);
  }
  auto overlaps_read = [&](Span m) {
    // The spans starting before m ends; one of them overlaps m iff the furthest end passes m.begin.
    size_t k = static_cast<size_t>(
        std::lower_bound(read.begin(), read.end(), m.end,
                         [](Span c, size_t end) { return c.begin < end; }) -
        read.begin());
    return k > 0 && max_end[k - 1] > m.begin;
  };
  // From the structure: inside the scoring part (the first indicator's heading to the end of the
  // last one's body), a line that states points ("N 分") none of which a reader took is unread,
  // whatever its wording; the indicator around it is incomplete (see Indicator::incomplete).
  size_t from = doc.text.size(), to = 0;
  for (const Indicator& ind : out->indicators) {
    from = std::min(from, ind.heading.begin);
    to = std::max({to, ind.heading.end, ind.body.end});
  }
  std::vector<int> by_start(out->indicators.size());
  for (size_t i = 0; i < by_start.size(); ++i) by_start[i] = static_cast<int>(i);
  std::sort(by_start.begin(), by_start.end(), [&](int a, int b) {
    return out->indicators[static_cast<size_t>(a)].heading.begin < out->indicators[static_cast<size_t>(b)].heading.begin;
  });
  std::vector<size_t> structural;  // line begins reported here
  for (const Span& line : Lines(doc.text)) {
    if (line.end <= from || line.begin >= to) continue;
    bool points = false, any_taken = false;
    for (const Number& n : FiguresIn(doc.text, line)) {
      if (n.unit != Unit::kPoints) continue;
      points = true;
      any_taken |= overlaps_read(Span{n.begin, n.end});
    }
    if (!points || any_taken) continue;
    out->unread.push_back(line);
    structural.push_back(line.begin);
    // The innermost indicator around the line: the last one starting before it, or an ancestor
    // of it whose body reaches the line.
    auto it = std::upper_bound(by_start.begin(), by_start.end(), line.begin, [&](size_t b, int i) {
      return b < out->indicators[static_cast<size_t>(i)].heading.begin;
    });
    int in = it == by_start.begin() ? -1 : *(it - 1);
    const int first = in;
    while (in >= 0) {
      const Indicator& ind = out->indicators[static_cast<size_t>(in)];
      if (line.begin < std::max(ind.heading.end, ind.body.end)) break;
      in = ind.parent;
    }
    if (in < 0) {
      // Past every body (a heading of unread points closed the one before): its level is not
      // known, so none of the ancestors of the indicator before it is summed.
      for (int a = first >= 0 ? out->indicators[size_t(first)].parent : -1; a >= 0; a = out->indicators[size_t(a)].parent)
        out->indicators[size_t(a)].incomplete = true;
      out->top_incomplete = true;
      continue;
    }
    Indicator& ind = out->indicators[static_cast<size_t>(in)];
    int mark = ind.children.empty() ? ind.parent : in;
    if (mark < 0) {
      out->top_incomplete = true;
      continue;
    }
    out->indicators[static_cast<size_t>(mark)].incomplete = true;
    out->unbound += 1;
  }
  for (const Span& line : Lines(doc.text)) {
    if (std::binary_search(structural.begin(), structural.end(), line.begin)) continue;
    bool unread = false;
    for (const re2::RE2* re : rules.Get("score.looks_scored")) {
      for (const auto& m : FindAll(*re, doc.text, line)) {
        if (!overlaps_read(m.whole)) {
          out->unread.push_back(SentenceAround(doc.text, m.whole));
          unread = true;
          break;
        }
      }
      if (unread) break;
    }
  }
}

}  // namespace jixiao
