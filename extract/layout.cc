// Reading order of one page's words: group into visual lines, sort, join with spaces.
#include "extract/layout.h"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace jixiao::internal {

namespace {

// A visual line being built. `top`/`bottom` are the vertical extent of its tallest word so far:
// the line's core, which new words must overlap. (Not the union of all words, which would let a
// line grow downwards word by word and swallow the next line.)
struct Line {
  double top = 0, bottom = 0;
  std::vector<size_t> words;
  double Height() const { return bottom - top; }
  double Center() const { return (top + bottom) / 2; }
};

// How much two vertical ranges overlap (negative if they do not).
double Overlap(double a0, double a1, double b0, double b1) {
  return std::min(a1, b1) - std::max(a0, b0);
}

constexpr double kMinHeight = 0.5;  // points; guards degenerate boxes

// Whether the line holds a word that `b` sits above or below rather than beside: their horizontal
// extents overlap by more than half the narrower one. Two lines of one wrapped table cell start at
// the same x; when their boxes are tall (fonts whose ascent and descent exceed the line pitch) and
// a merged cell centred between them overlaps both, they would otherwise chain into one line and
// glue into one word ("…扣完为止。" over "无结余…" read as "…扣完为止。无结余…").
bool Stacked(const std::vector<Word>& words, const Line& l, const Box& b) {
  for (size_t k : l.words) {
    const Box& o = words[k].box;
    double w = std::min(o.x1 - o.x0, b.x1 - b.x0);
    if (w > 0 && Overlap(o.x0, o.x1, b.x0, b.x1) > 0.5 * w) return true;
  }
  return false;
}

}  // namespace

int LayOutWords(std::vector<Word> words, RawPage* page) {
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](const Word& w) { return w.text.empty(); }),
              words.end());
  if (words.empty()) return 0;

  // Top to bottom, then left to right: each word joins the open line it overlaps most.
  std::vector<size_t> order(words.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&words](size_t a, size_t b) {
    if (words[a].box.y0 != words[b].box.y0) return words[a].box.y0 < words[b].box.y0;
    return words[a].box.x0 < words[b].box.x0;
  });

  std::vector<Line> lines;
  double max_height = kMinHeight;
  for (size_t i : order) {
    const Box& b = words[i].box;
    double h = std::max(b.y1 - b.y0, kMinHeight);
    max_height = std::max(max_height, h);
    size_t best = lines.size();
    double best_ratio = 0;
    // Lines are in order of their top; only the last few can reach this word.
    for (size_t k = lines.size(); k-- > 0;) {
      const Line& l = lines[k];
      if (l.top < b.y0 - 2 * max_height) break;
      double lh = std::max(l.Height(), kMinHeight);
      double ratio = Overlap(l.top, l.bottom, b.y0, b.y0 + h) / std::min(h, lh);
      if (ratio >= 0.5 && ratio > best_ratio && !Stacked(words, l, b)) {
        best = k;
        best_ratio = ratio;
      }
    }
    if (best == lines.size()) {
      lines.push_back(Line{b.y0, b.y0 + h, {}});
    } else if (h > lines[best].Height()) {
      lines[best].top = b.y0;
      lines[best].bottom = b.y0 + h;
    }
    lines[best].words.push_back(i);
  }

  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.Center() < b.Center(); });

  size_t bytes = page->text.size();
  for (const Word& w : words) bytes += w.text.size() + 1;
  page->text.reserve(bytes + lines.size());
  page->boxes.reserve(bytes + lines.size());

  for (Line& l : lines) {
    std::stable_sort(l.words.begin(), l.words.end(),
                     [&words](size_t a, size_t b) { return words[a].box.x0 < words[b].box.x0; });
    double gap_for_space = 0.25 * std::max(l.Height(), kMinHeight);
    const Word* prev = nullptr;
    for (size_t i : l.words) {
      const Word& w = words[i];
      if (prev != nullptr && (prev->space_after || w.box.x0 - prev->box.x1 > gap_for_space)) {
        page->text += ' ';
        page->boxes.push_back(Box{});
      }
      page->text += w.text;
      if (w.boxes.size() == w.text.size()) {
        page->boxes.insert(page->boxes.end(), w.boxes.begin(), w.boxes.end());
      } else {  // defensive: a word without per-byte boxes gets its own box on every byte
        page->boxes.insert(page->boxes.end(), w.text.size(), w.box);
      }
      prev = &w;
    }
    page->text += '\n';
    page->boxes.push_back(Box{});
  }
  return static_cast<int>(lines.size());
}

}  // namespace jixiao::internal
