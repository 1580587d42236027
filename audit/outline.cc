// Outline: paths, lookup, and the canonical Dump() that tests compare.
#include "audit/outline.h"

#include <algorithm>
#include <iterator>

namespace jixiao {

std::vector<std::string> Outline::PathOf(int index) const {
  std::vector<std::string> path;
  for (int i = index; i >= 0 && i < static_cast<int>(indicators.size());
       i = indicators[static_cast<size_t>(i)].parent) {
    path.push_back(indicators[static_cast<size_t>(i)].name);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

int Outline::Find(const std::string& name) const {
  for (int i = static_cast<int>(indicators.size()) - 1; i >= 0; --i) {
    if (indicators[static_cast<size_t>(i)].name == name) return i;
  }
  return -1;
}

std::string Outline::Dump() const {
  std::string out;
  for (const auto& ind : indicators) {
    out += std::string(static_cast<size_t>(ind.level - 1) * 2, ' ') + ind.name;
    out += " max=" + (ind.max ? Written(ind.max->value) : std::string("-"));
    out += " score=" + (ind.score ? Written(ind.score->value) : std::string("-"));
    for (const auto& s : ind.more_score) out += " restated(" + s.source + ")=" + Written(s.value);
    for (const auto& s : ind.more_max) out += " restated_max(" + s.source + ")=" + Written(s.value);
    if (!ind.items.empty()) {
      out += " items=";
      for (size_t i = 0; i < ind.items.size(); ++i) out += (i ? "+" : "") + ind.items[i].value.written;
    }
    if (ind.bonus) out += " bonus";
    out += "\n";
  }
  if (total) {
    out += "TOTAL max=" + (total->max ? Written(total->max->value) : std::string("-"));
    out += " score=" + (total->score ? Written(total->score->value) : std::string("-"));
    out += " grade=" + (total->grade.empty() ? std::string("-") : total->grade) + "\n";
  }
  return out;
}

bool Outline::InTreeTable(size_t offset) const {
  // The tables do not overlap and come in document order: the one that may hold the offset is
  // the last that begins at or before it.
  auto after = std::upper_bound(tree_tables.begin(), tree_tables.end(), offset,
                                [](size_t at, const Span& t) { return at < t.begin; });
  return after != tree_tables.begin() && offset < std::prev(after)->end;
}

}  // namespace jixiao
