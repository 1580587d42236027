// Reading order from word boxes (no PDFs): lines by vertical overlap, words left to right,
// spaces from the PDF or from gaps, one box per byte.
#include "extract/layout.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace jixiao::internal {
namespace {

// A word at x0..x1, y0..y1 whose characters split the box evenly.
Word W(const std::string& text, double x0, double y0, double x1, double y1, bool space = false) {
  Word w;
  w.text = text;
  w.box = Box{x0, y0, x1, y1};
  w.space_after = space;
  // Count characters (UTF-8 lead bytes) to split the box.
  size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  double step = chars ? (x1 - x0) / static_cast<double>(chars) : 0;
  size_t ci = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++ci;
    double cx = x0 + step * static_cast<double>(ci);
    w.boxes.push_back(Box{cx, y0, cx + step, y1});
  }
  return w;
}

std::string Lay(std::vector<Word> words, int* lines = nullptr) {
  RawPage p;
  int n = LayOutWords(std::move(words), &p);
  if (lines) *lines = n;
  REQUIRE(p.boxes.size() == p.text.size());
  return p.text;
}

TEST_CASE("layout: lines, order and spaces", "[layout]") {
  struct Case {
    const char* name;
    std::vector<Word> words;
    const char* text;
  } cases[] = {
      {"empty page", {}, ""},
      {"one word", {W("预算", 10, 10, 30, 20)}, "预算\n"},
      {"given out of order",
       {W("第二行", 10, 30, 40, 40), W("右", 50, 10, 60, 20), W("左", 10, 10, 20, 20)},
       "左 右\n第二行\n"},
      {"space_after from the PDF", {W("总计", 10, 10, 30, 20, true), W("27,600.43", 31, 10, 70, 20)},
       "总计 27,600.43\n"},
      {"no space between touching words", {W("27,600", 10, 10, 40, 20), W(".43", 40.5, 10, 50, 20)},
       "27,600.43\n"},
      {"table cells on one row, wide gaps",
       {W("自评总得分", 10, 100, 60, 110), W("110", 150, 100.5, 165, 109.5),
        W("102.34", 200, 100.5, 230, 109.5), W("93.04%", 260, 100.5, 290, 109.5)},
       "自评总得分 110 102.34 93.04%\n"},
      {"baseline shifts within a line stay on it",
       {W("一二三", 10, 10, 40, 22), W("45", 40, 12, 50, 21), W("六", 50, 10, 60, 22)},
       "一二三45六\n"},
      {"lines close together but not overlapping by half",
       {W("上", 10, 10, 20, 22), W("下", 10, 17, 20, 29)}, "上\n下\n"},
      {"a tall word does not swallow the next line",
       {W("标题", 10, 10, 60, 40), W("甲", 70, 15, 80, 25), W("乙", 70, 38, 80, 48)},
       "标题 甲\n乙\n"},
      {"empty words are dropped", {W("", 0, 0, 0, 0), W("字", 10, 10, 20, 20)}, "字\n"},
      // Two lines of one wrapped cell (same x) and a taller label centred beside them: the label
      // overlaps both, but a line never holds two words one above the other, so the second line
      // is not glued to the first ("…扣完为止。无结余…").
      {"a word under another is on the next line, not glued to it",
       {W("第一行", 50, 0, 80, 10), W("名称", 0, 2, 20, 22), W("第二行", 50, 12, 80, 22)},
       "名称 第一行\n第二行\n"},
  };
  for (auto& c : cases) {
    INFO(c.name);
    CHECK(Lay(c.words) == c.text);
  }
}

TEST_CASE("layout: every byte carries its character's box", "[layout]") {
  RawPage p;
  p.text = "x\n";  // appends to what is there
  p.boxes = {Box{1, 1, 2, 2}, Box{}};
  int n = LayOutWords({W("甲1", 10, 10, 30, 20, true), W("乙", 40, 10, 50, 20)}, &p);
  CHECK(n == 1);
  REQUIRE(p.text == "x\n甲1 乙\n");
  REQUIRE(p.boxes.size() == p.text.size());
  for (size_t i = 2; i < 5; ++i) CHECK(p.boxes[i].x0 == 10);  // 甲: 3 bytes
  CHECK(p.boxes[5].x0 == 20);                                  // 1
  CHECK(p.boxes[6].x1 == 0);                                   // inserted space
  for (size_t i = 7; i < 10; ++i) CHECK(p.boxes[i].x0 == 40);  // 乙
  CHECK(p.boxes[10].x1 == 0);                                  // '\n'
}

}  // namespace
}  // namespace jixiao::internal
