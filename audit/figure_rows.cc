// The named amounts of a report, with the year each is about: "2023年部门整体支出决算数1600.00万元"
// (this year), "上年决算数1500.00万元" and "比上年增加100.00万元" (last year: 1600.00 − 100.00).
#include <re2/re2.h>

#include "audit/figure_rows.h"
#include "audit/interval.h"
#include "audit/scan.h"
#include "audit/sentences.h"

namespace jixiao {

namespace {

std::string StripPrefix(std::string s, const char* p) {
  size_t n = std::char_traits<char>::length(p);
  return s.compare(0, n, p) == 0 ? s.substr(n) : s;
}

}  // namespace

std::vector<FigureRow> FigureRows(const Document& doc, int year) {
  std::vector<FigureRow> out;
  if (year == 0) return out;
  const std::string& t = doc.text;
  static const RE2 kChange(R"((?:比|较)(?:上年|去年|上一年)(?:同期)?(?P<dir>增加|减少|增长|下降))");
  for (const Sentence& s : SplitSentences(t)) {
    std::string subject;  // the name of the sentence's first amount
    std::optional<Number> previous;
    std::string previous_name;
    for (const Number& n : s.figures) {
      if (!IsMoney(n)) continue;
      std::string label = LabelBefore(t, n.begin, 16);
      std::string quote(View(doc.Written(), s.span));
      FigureRow row;
      row.page = doc.PageAt(n.begin);
      row.line = doc.LineAt(n.begin);
      row.quote = quote;
      re2::StringPiece dir;
      if (RE2::PartialMatch(label, kChange, &dir) && previous) {
        // "比上年增加 100.00万元" after "1600.00万元": last year's figure is implied.
        if (previous->unit != n.unit) continue;
        mpq_class v = ValueOf(*previous);
        mpq_class d = ValueOf(n);
        bool up = dir == "增加" || dir == "增长";
        row.name = previous_name;
        row.refers_year = year - 1;
        row.value = FormatDecimal(up ? mpq_class(v - d) : mpq_class(v + d), std::max(previous->decimals, n.decimals)) +
                    n.measure;
        if (!row.name.empty()) out.push_back(row);
        continue;
      }
      size_t paren = label.rfind('(');
      if (paren != std::string::npos) label = label.substr(paren + 1);
      for (const char* p : {"年度", "年", "度"}) label = StripPrefix(label, p);
      bool last_year = false;
      for (const char* p : {"上年度", "上年", "去年", "上一年"}) {
        if (label.compare(0, std::char_traits<char>::length(p), p) == 0) {
          label = StripPrefix(label, p);
          last_year = true;
          break;
        }
      }
      if (CharCount(label) < 2) continue;
      // "上年决算数" in a sentence about "部门整体支出决算数": the subject names it.
      if (last_year && !subject.empty() && subject.size() > label.size() &&
          subject.compare(subject.size() - label.size(), label.size(), label) == 0) {
        label = subject;
      }
      row.name = label;
      row.refers_year = last_year ? year - 1 : year;
      row.value = Written(n);
      out.push_back(row);
      if (subject.empty() && !last_year) subject = label;
      if (!last_year) {
        previous = n;
        previous_name = label;
      }
    }
  }
  return out;
}

}  // namespace jixiao
