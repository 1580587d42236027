// Private to extract/: puts the words of one page in reading order (lines top to bottom, words
// left to right), the way `pdftotext` prints a page, keeping every character's box.
//
// Pure geometry on plain structs: no Poppler here, so it is tested without PDFs.
#ifndef JIXIAO_EXTRACT_LAYOUT_H_
#define JIXIAO_EXTRACT_LAYOUT_H_

#include <string>
#include <vector>

#include "extract/document.h"

namespace jixiao::internal {

// One word as the PDF library found it (a poppler-cpp text_box).
struct Word {
  std::string text;          // UTF-8, no '\n'
  std::vector<Box> boxes;    // one per byte of `text`: every byte of a character has its box
  Box box;                   // the whole word, top-left origin, y down
  bool space_after = false;  // the library saw a space after this word
};

// Appends the words to page->text and page->boxes in reading order and returns the number of
// lines appended. Words whose vertical extents overlap by at least half the smaller height form one
// visual line (so table cells on one row come out on one line); within a line words go left to
// right, separated by one space where `space_after` says so or where the horizontal gap is wider
// than a quarter of the line height. Every line ends with '\n'; '\n' and inserted spaces get an
// empty Box{}. Words with empty text are dropped.
int LayOutWords(std::vector<Word> words, RawPage* page);

}  // namespace jixiao::internal

#endif  // JIXIAO_EXTRACT_LAYOUT_H_
