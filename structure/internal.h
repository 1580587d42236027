// Private to structure/: the passes BuildStructure runs, in order. Each reads the logical lines of
// Document::text (spans without their '\n').
#ifndef JIXIAO_STRUCTURE_INTERNAL_H_
#define JIXIAO_STRUCTURE_INTERNAL_H_

#include <vector>

#include "structure/structure.h"

namespace jixiao::internal {

// The logical lines of `text` ('\n' excluded), in order.
std::vector<Span> LogicalLines(const std::string& text);

// Tables in every text shape (sections.cc skips lines inside them).
std::vector<Table> FindTables(const Document& doc, const Rules& rules, const std::vector<Span>& lines);

// Numbered headings and their levels; lines inside `tables` are not headings.
std::vector<Section> FindSections(const Document& doc, const Rules& rules, const std::vector<Span>& lines,
                                  const std::vector<Table>& tables);

// Parts and their kinds, from title lines and the blocks found.
std::vector<Part> FindParts(const Document& doc, const Rules& rules, const std::vector<Span>& lines,
                            const std::vector<Section>& sections, const std::vector<Table>& tables);

}  // namespace jixiao::internal

#endif  // JIXIAO_STRUCTURE_INTERNAL_H_
