// The HTML report: one self-contained page (inline CSS, PNG data URIs), a section per document with
// its summary and coverage, the findings beside images of their page regions, the score tree with
// recomputed sums, and the pages that have findings with every finding's box highlighted.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

#include "report/audit_words.h"
#include "report/finding_text.h"
#include "report/printable.h"
#include "report/render.h"
#include "report/score_tree.h"
#include "report/writers.h"

namespace jixiao {

namespace {

constexpr char kStyle[] = R"css(
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; margin: 0 auto;
  max-width: 1200px; padding: 1em 1.5em 4em; color: #1f2328; line-height: 1.55; background: #fff; }
h1 { font-size: 1.5em; margin: .3em 0 .6em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
h3 { font-size: 1.1em; margin-top: 1.6em; }
a { color: #0b57d0; }
nav ul { padding-left: 1.2em; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1.2em; margin: .5em 0; }
.meta dt { color: #57606a; }
.meta dd { margin: 0; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .45em; color: #fff; font-size: .85em;
  font-weight: bold; }
.badge.error { background: #c62828; } .badge.warning { background: #e65100; } .badge.info { background: #0277bd; }
.status-errors { color: #c62828; font-weight: bold; } .status-warnings { color: #e65100; font-weight: bold; }
.status-clean { color: #2e7d32; font-weight: bold; }
.finding { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 1.2em;
  border: 1px solid #d0d7de; border-left: 6px solid #0277bd; border-radius: 4px; padding: .8em 1em;
  margin: 1em 0; }
.finding.error { border-left-color: #c62828; } .finding.warning { border-left-color: #e65100; }
.finding.noimage { grid-template-columns: 1fr; }
.finding .head { font-size: 1.05em; }
.finding .num { font-weight: bold; margin-right: .3em; }
.finding .path { color: #57606a; margin: .2em 0; }
code { font-family: "Noto Sans Mono CJK SC", monospace; background: #f6f8fa; padding: 0 .25em; border-radius: 3px; }
blockquote { margin: .5em 0; padding: .4em .8em; background: #f6f8fa; border-left: 3px solid #d0d7de; }
mark { background: #ffe082; font-weight: bold; padding: 0 .1em; }
table.values { border-collapse: collapse; margin: .4em 0; }
table.values th { text-align: left; font-weight: normal; color: #57606a; padding-right: 1em; }
.arith { font-family: "Noto Sans Mono CJK SC", monospace; white-space: pre-wrap; margin: .3em 0;
  background: #fff8e1; padding: .3em .6em; border-radius: 3px; }
.imgbox { position: relative; display: block; line-height: 0; border: 1px solid #d0d7de; }
.imgbox img { width: 100%; height: auto; display: block; }
.hl { position: absolute; background: rgba(255, 213, 0, .35); border: 2px solid #c62828;
  box-sizing: border-box; line-height: 1.2; }
.hl.warning { border-color: #e65100; } .hl.info { border-color: #0277bd; }
.hl span { position: absolute; top: -1.4em; left: -2px; background: #c62828; color: #fff;
  font-size: 12px; padding: 0 .35em; border-radius: 3px 3px 0 0; text-decoration: none; }
.hl.warning span { background: #e65100; } .hl.info span { background: #0277bd; }
.region figcaption, .page figcaption { font-size: .85em; color: #57606a; line-height: 1.6; }
.region, .page { margin: 0; }
.page { max-width: 720px; margin: 1.5em 0; }
.note { color: #57606a; font-style: italic; }
table.tree { border-collapse: collapse; width: 100%; font-size: .95em; }
table.tree th, table.tree td { border-bottom: 1px solid #eaeef2; padding: .25em .6em; text-align: left;
  vertical-align: top; }
table.tree th { background: #f6f8fa; }
table.tree td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.tree tr.level0 td { font-weight: bold; background: #fbfcfd; }
table.tree tr.total td { font-weight: bold; border-top: 2px solid #d0d7de; }
.ok { color: #2e7d32; } .bad { color: #c62828; font-weight: bold; }
table.tree tr.flagged td { background: #fff4f4; }
.fp { color: #57606a; font-size: .85em; } .meaning { color: #57606a; font-size: .9em; }
.decision { font-size: .85em; border: 1px solid #d0d7de; border-radius: 3px; padding: 0 .3em; }
.decision.accepted { color: #c62828; } .decision.dismissed { color: #57606a; text-decoration: line-through; }
.status-not-assessed { color: #57606a; font-weight: bold; }
.opnd { background: #e3f2fd; border-bottom: 2px solid #1565c0; }
a.opref { color: #1565c0; text-decoration: none; border-bottom: 1px dashed #1565c0; }
.hl.op { background: rgba(33, 150, 243, .18); border: 2px dashed #1565c0; }
.hl.op span { background: #1565c0; }
.operands { font-size: .9em; color: #57606a; margin: .2em 0; }
.opnd.lit, .hl.op.lit, a.opref.lit, .opnd:target, .hl.op:target { background: #90caf9; outline: 2px solid #0d47a1; }
)css";

// Hovering an operand (in the arithmetic, the list, the quote or a box) lights every place that
// shows it: the elements sharing its data-op.
constexpr char kScript[] = R"js(
document.addEventListener('mouseover', function (e) {
  var t = e.target.closest ? e.target.closest('[data-op]') : null;
  document.querySelectorAll('.lit').forEach(function (x) { x.classList.remove('lit'); });
  if (!t) return;
  document.querySelectorAll('[data-op="' + t.dataset.op + '"]').forEach(function (x) { x.classList.add('lit'); });
});
)js";

// HTML-escaped, controls and bidi characters shown escaped (report/printable.h) first.
std::string Escape(const std::string& text) {
  return HtmlEntities(Printable(text, /*keep_newlines=*/true));
}

// A CSS percentage with two decimals, locale-free.
std::string Percent(double v) {
  long hundredths = std::lround(v * 10000.0);
  std::string sign = hundredths < 0 ? "-" : "";
  long a = std::labs(hundredths);
  std::string frac = std::to_string(a % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return sign + std::to_string(a / 100) + "." + frac + "%";
}

// The style of a box [x0, x1) × [y0, y1) over an image of `w` × `h` (same units).
std::string BoxStyle(double x0, double y0, double x1, double y1, double w, double h) {
  return "left:" + Percent(x0 / w) + ";top:" + Percent(y0 / h) +
         ";width:" + Percent((x1 - x0) / w) + ";height:" + Percent((y1 - y0) / h);
}

std::string DataUri(const RgbImage& image) {
  return "data:image/png;base64," + Base64(EncodePng(image));
}

// The rendered pages of one PDF, each rendered at most once (by the PDF reader process when
// `pdf.reader` is set). Once the file fails to open, every page gives that reason.
class PageCache {
 public:
  PageCache(const std::string& path, double dpi, const ExtractOptions& pdf)
      : path_(path), dpi_(dpi), pdf_(pdf), is_pdf_(IsPdfFile(path)) {}
  bool is_pdf() const { return is_pdf_; }
  double dpi() const { return dpi_; }
  // Draws `pages` in one request (one opening of the file, one reader process), where Get would
  // ask page by page. On any error nothing is kept: Get then asks for each page alone, so that a
  // page that cannot be drawn costs only its own image.
  void Prefetch(std::vector<int> pages) {
    if (!is_pdf_ || !error_.empty()) return;
    std::sort(pages.begin(), pages.end());
    pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
    pages.erase(std::remove_if(pages.begin(), pages.end(), [&](int p) { return images_.count(p) > 0; }),
                pages.end());
    if (pages.size() < 2) return;
    auto images = RenderPages(path_, pages, dpi_, pdf_);
    if (!images.ok() || images->size() != pages.size()) return;
    for (size_t i = 0; i < pages.size(); ++i) images_.emplace(pages[i], std::move((*images)[i]));
  }
  // The page image, or nullptr with `*why` set.
  const RgbImage* Get(int page, std::string* why) {
    if (!error_.empty()) {
      *why = error_;
      return nullptr;
    }
    auto it = images_.find(page);
    if (it == images_.end()) {
      auto img = RenderPages(path_, {page}, dpi_, pdf_);
      if (!img.ok() || img->size() != 1) {
        *why = img.ok() ? path_ + ": no image of page " + std::to_string(page)
                        : img.status().message();
        // A page the file does not have, or cannot draw, says nothing of the others.
        const bool this_page = why->find(" page " + std::to_string(page)) != std::string::npos;
        if (!this_page) error_ = *why;
        return nullptr;
      }
      it = images_.emplace(page, std::move(img->front())).first;
    }
    return &it->second;
  }

 private:
  std::string path_;
  double dpi_;
  ExtractOptions pdf_;
  bool is_pdf_ = false;
  std::string error_;
  std::map<int, RgbImage> images_;
};

std::string PageId(int doc, int page) {
  return "d" + std::to_string(doc) + "-p" + std::to_string(page);
}
std::string FindingId(int doc, size_t number) {
  return "d" + std::to_string(doc) + "-f" + std::to_string(number);
}
// Operand k (1-based) of a finding: the key its places share, and the id of each place.
std::string OperandKey(int doc, size_t number, size_t k) {
  return FindingId(doc, number) + "-o" + std::to_string(k);
}

// Where an operand can be shown, in order of preference: its span in the quote, its box on the
// finding's crop, its box on the whole page.
enum class OperandPlace { kNone, kQuote, kCrop, kPage };

// The crop band of a finding's region (points, page space): the box ± 48 pt.
bool InBand(const Finding& f, const Box& b) {
  return f.bbox && b.y0 >= std::max(0.0, f.bbox->y0 - 48) && b.y1 <= f.bbox->y1 + 48;
}

OperandPlace PlaceOf(const Finding& f, const Finding::Operand& o, bool image, int pages) {
  if (!o.in_quote.empty() && o.in_quote.end <= f.quote.size()) return OperandPlace::kQuote;
  if (image && o.bbox && o.page == f.page && InBand(f, *o.bbox)) return OperandPlace::kCrop;
  if (o.bbox && o.page >= 1 && o.page <= pages) return OperandPlace::kPage;
  return OperandPlace::kNone;
}

std::string PlaceId(const std::string& key, OperandPlace p) {
  switch (p) {
    case OperandPlace::kQuote:
      return key;
    case OperandPlace::kCrop:
      return key + "-c";
    case OperandPlace::kPage:
      return key + "-p";
    case OperandPlace::kNone:
      return "";
  }
  return "";
}

void WriteSummary(const DocumentReport& d, Lang lang, std::ostream& out) {
  const AuditResult& r = d.result;
  out << "<dl class=\"meta\">\n";
  auto item = [&](Msg term, const std::string& value) {
    out << "<dt>" << Tr(lang, term) << "</dt><dd>" << value << "</dd>\n";
  };
  item(Msg::kColFile, Escape(r.path));
  if (!r.department.empty()) item(Msg::kColDepartment, Escape(r.department));
  if (r.year > 0) item(Msg::kColYear, std::to_string(r.year));
  item(Msg::kColPages, std::to_string(r.pages));
  if (r.total) item(Msg::kTotal, Escape(TotalText(r, lang)));
  std::string status = StatusWord(r);
  item(Msg::kColStatus,
       "<span class=\"status-" + status + "\">" + Escape(StatusLabel(r, lang)) + "</span>" +
           (r.assessed || r.note.empty() ? "" : " " + Escape(AuditWords(lang, r.note))));
  item(Msg::kFindings, Escape(CountsLine(r, lang)));
  item(Msg::kCoverage, Escape(CoverageLine(r, lang)));
  if (!d.sha256.empty()) item(Msg::kColSha256, "<code>" + Escape(d.sha256) + "</code>");
  if (!d.audited_at.empty()) item(Msg::kColRunAt, Escape(d.audited_at));
  out << "</dl>\n";
}

// The quote, the finding's figure marked, each quoted operand in a span that its references
// link to (data-op lights it on hover).
void WriteQuote(const Finding& f, int doc, size_t number, std::ostream& out) {
  if (f.quote.empty()) return;
  QuoteParts q = SplitQuote(f);
  struct Cut {
    size_t begin, end;
    std::string open, close;
  };
  std::vector<Cut> cuts;
  if (!q.figure.empty())
    cuts.push_back({q.before.size(), q.before.size() + q.figure.size(), "<mark>", "</mark>"});
  for (size_t k = 0; k < f.operands.size(); ++k) {
    const Span s = f.operands[k].in_quote;
    if (s.empty() || s.end > f.quote.size()) continue;
    const std::string key = OperandKey(doc, number, k + 1);
    cuts.push_back({s.begin, s.end,
                    "<span class=\"opnd\" id=\"" + key + "\" data-op=\"" + key + "\">", "</span>"});
  }
  std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.begin < b.begin; });
  out << "<blockquote>";
  size_t at = 0;
  for (const Cut& c : cuts) {
    if (c.begin < at) continue;  // overlaps one already shown (an operand that is the figure)
    out << Escape(f.quote.substr(at, c.begin - at)) << c.open
        << Escape(f.quote.substr(c.begin, c.end - c.begin)) << c.close;
    at = c.end;
  }
  out << Escape(f.quote.substr(at)) << "</blockquote>\n";
}

// The arithmetic with each operand's figure a link to its place, then the list of the operands
// with their places ("① 25100.43 第3页，第12行").
void WriteArithmetic(const Finding& f, int doc, size_t number, bool image, int pages, Lang lang,
                     std::ostream& out) {
  const std::string arith = AuditWords(lang, f.arithmetic);
  if (arith.empty()) return;
  std::vector<std::string> href(f.operands.size());
  for (size_t k = 0; k < f.operands.size(); ++k) {
    href[k] = PlaceId(OperandKey(doc, number, k + 1), PlaceOf(f, f.operands[k], image, pages));
  }
  // The operands stand in the arithmetic left to right, as the expression renders them.
  out << "<div class=\"arith\">";
  size_t at = 0;
  for (size_t k = 0; k < f.operands.size(); ++k) {
    const std::string& t = f.operands[k].text;
    size_t pos = t.empty() ? std::string::npos : arith.find(t, at);
    if (pos == std::string::npos) continue;
    const std::string key = OperandKey(doc, number, k + 1);
    out << Escape(arith.substr(at, pos - at));
    if (href[k].empty()) {
      out << "<span data-op=\"" << key << "\">" << Escape(t) << "</span>";
    } else {
      out << "<a class=\"opref\" href=\"#" << href[k] << "\" data-op=\"" << key << "\">"
          << Escape(t) << "</a>";
    }
    at = pos + t.size();
  }
  out << Escape(arith.substr(at)) << "</div>\n";
  if (f.operands.empty()) return;
  out << "<div class=\"operands\">" << Tr(lang, Msg::kOperands)
      << (lang == Lang::kZh ? "：" : ": ");
  for (size_t k = 0; k < f.operands.size(); ++k) {
    const auto& o = f.operands[k];
    const std::string key = OperandKey(doc, number, k + 1);
    const std::string text = Escape(o.text) + " " + Escape(Place(o.page, o.line, lang));
    if (href[k].empty()) {
      out << " <span data-op=\"" << key << "\">" << text << "</span>";
    } else {
      out << " <a class=\"opref\" href=\"#" << href[k] << "\" data-op=\"" << key << "\">" << text
          << "</a>";
    }
  }
  out << "</div>\n";
}

// The band of the page around the finding's box, full page width, with the box highlighted.
void WriteRegion(const Finding& f, int doc, size_t number, const RgbImage& page, double dpi,
                 Lang lang, std::ostream& out) {
  const double scale = dpi / 72.0;
  const double margin = 48;  // points above and below the box
  const Box& b = *f.bbox;
  int top = static_cast<int>(std::floor(std::max(0.0, b.y0 - margin) * scale));
  int bottom = static_cast<int>(std::ceil((b.y1 + margin) * scale));
  RgbImage crop = Crop(page, 0, top, page.width, bottom - top);
  if (crop.height <= 0 || crop.width <= 0) return;
  double w = crop.width / scale, h = crop.height / scale, y_off = top / scale;
  out << "<figure class=\"region\"><a class=\"imgbox\" href=\"#" << PageId(doc, f.page)
      << "\" title=\"page " << f.page << "\"><img src=\"" << DataUri(crop) << "\" alt=\"page "
      << f.page << " region\" width=\"" << crop.width << "\" height=\"" << crop.height
      << "\"><span class=\"hl " << SeverityName(f.severity) << "\" style=\""
      << BoxStyle(b.x0, b.y0 - y_off, b.x1, b.y1 - y_off, w, h) << "\"></span>";
  // The operands not quoted but on this band: their boxes, dashed, each with its number.
  for (size_t k = 0; k < f.operands.size(); ++k) {
    const auto& o = f.operands[k];
    if (PlaceOf(f, o, true, f.page) != OperandPlace::kCrop) continue;
    const std::string key = OperandKey(doc, number, k + 1);
    out << "<span class=\"hl op\" id=\"" << key << "-c\" data-op=\"" << key << "\" style=\""
        << BoxStyle(o.bbox->x0, o.bbox->y0 - y_off, o.bbox->x1, o.bbox->y1 - y_off, w, h)
        << "\"><span>" << k + 1 << "</span></span>";
  }
  out << "</a>"
      << "<figcaption>" << Escape(Place(f.page, 0, lang)) << " — <a href=\"#" << PageId(doc, f.page)
      << "\">" << Tr(lang, Msg::kWholePage) << "</a></figcaption></figure>\n";
}

void WriteFinding(const AuditResult& r, const Finding& f, const FindingExtra& extra, int doc,
                  size_t number, PageCache& cache, Lang lang, std::ostream& out) {
  std::string why;
  const RgbImage* page = nullptr;
  bool in_range = f.page >= 1 && f.page <= r.pages;
  if (cache.is_pdf() && in_range) page = cache.Get(f.page, &why);
  bool image = page != nullptr && f.bbox.has_value();
  const char* sev = SeverityName(f.severity);
  const std::string decision = extra.review.decision.empty() ? "open" : extra.review.decision;
  out << "<article class=\"finding " << sev << (image ? "" : " noimage") << "\" id=\""
      << FindingId(doc, number) << "\" data-check=\"" << CheckName(f.check) << "\" data-severity=\""
      << sev << "\" data-decision=\"" << decision << "\" data-fingerprint=\"" << extra.fingerprint
      << "\">\n<div class=\"text\">\n<div class=\"head\"><span class=\"num\">#" << number
      << "</span> <span class=\"badge " << sev << "\">" << SeverityWord(lang, f.severity)
      << "</span> <code title=\"" << Escape(CheckMeaning(lang, f.check)) << "\">"
      << CheckName(f.check) << "</code> ";
  if (cache.is_pdf() && in_range && page != nullptr) {
    out << "<a href=\"#" << PageId(doc, f.page) << "\">" << Escape(Location(f, lang)) << "</a>";
  } else {
    out << Escape(Location(f, lang));
  }
  out << " <code class=\"fp\">#" << extra.fingerprint << "</code> <span class=\"decision "
      << decision << "\">" << Escape(DecisionWord(extra.review, lang)) << "</span>";
  out << "</div>\n";
  out << "<div class=\"meaning\">" << Escape(CheckMeaning(lang, f.check)) << "</div>\n";
  if (!extra.review.decision.empty()) {
    out << "<div class=\"review\">" << Escape(extra.review.why) << " — " << Escape(extra.review.by)
        << " " << Escape(extra.review.at) << "</div>\n";
  }
  if (!f.path.empty()) out << "<div class=\"path\">" << Escape(JoinPath(f.path)) << "</div>\n";
  WriteQuote(f, doc, number, out);
  if (!f.stated.empty() || !f.recomputed.empty()) {
    out << "<table class=\"values\"><tr><th>" << Tr(lang, Msg::kColStated) << "</th><td>"
        << Escape(f.stated) << "</td></tr><tr><th>" << Tr(lang, Msg::kColRecomputed) << "</th><td>"
        << Escape(AuditWords(lang, f.recomputed)) << "</td></tr></table>\n";
  }
  WriteArithmetic(f, doc, number, image, r.pages, lang, out);
  if (!extra.other_file.empty()) {
    out << "<p class=\"note\">" << Escape(extra.other_file) << " "
        << Escape(Place(extra.other_page, extra.other_line, lang))
        << (extra.other_quote.empty() ? "" : ": 「" + Escape(extra.other_quote) + "」") << "</p>\n";
  }
  if (cache.is_pdf() && in_range && page == nullptr) {
    out << "<p class=\"note\">page image unavailable: " << Escape(why) << "</p>\n";
  }
  out << "</div>\n";
  if (image) WriteRegion(f, doc, number, *page, cache.dpi(), lang, out);
  out << "</article>\n";
}

std::string SumCell(const SumCheck& c) {
  if (c.sum.empty()) return "<td class=\"n\">—</td>";
  std::string mark;
  if (c.ok) mark = *c.ok ? " <span class=\"ok\">✓</span>" : " <span class=\"bad\">✗</span>";
  return "<td class=\"n\">" + Escape(c.sum) + mark + "</td>";
}

// The finding numbers (1-based, report order) whose indicator path is `path`.
std::vector<size_t> FindingsAt(const AuditResult& r, const std::vector<size_t>& order,
                               const std::vector<std::string>& path) {
  std::vector<size_t> out;
  for (size_t n = 0; n < order.size(); ++n) {
    if (r.findings[order[n]].path == path) out.push_back(n + 1);
  }
  return out;
}

void WriteTree(const AuditResult& r, const std::vector<size_t>& order, int doc, Lang lang,
               std::ostream& out) {
  out << "<h3>" << Tr(lang, Msg::kScoreTree) << "</h3>\n";
  if (r.indicators.empty()) {
    out << "<p class=\"note\">" << Tr(lang, Msg::kNoIndicators) << "</p>\n";
    return;
  }
  out << "<table class=\"tree\">\n<tr><th>" << Tr(lang, Msg::kIndicator) << "</th><th>"
      << Tr(lang, Msg::kColMax) << "</th><th>" << Tr(lang, Msg::kColScore) << "</th><th>"
      << Tr(lang, Msg::kSumChildrenMax) << "</th><th>" << Tr(lang, Msg::kSumChildrenScore)
      << "</th><th>" << Tr(lang, Msg::kColPage) << "</th><th>" << Tr(lang, Msg::kFindings)
      << "</th></tr>\n";
  for (const TreeRow& t : BuildScoreTree(r.indicators)) {
    const IndicatorRow& row = *t.row;
    std::string name = row.path.empty() ? "" : row.path.back();
    const std::vector<size_t> here = FindingsAt(r, order, row.path);
    out << "<tr class=\"level" << t.depth << (here.empty() ? "" : " flagged")
        << "\"><td style=\"padding-left:" << (0.6 + 1.5 * t.depth) << "em\" title=\""
        << Escape(JoinPath(row.path)) << "\">" << Escape(name) << "</td><td class=\"n\">"
        << Escape(row.max) << "</td><td class=\"n\">" << Escape(row.score) << "</td>";
    if (t.children > 0) {
      out << SumCell(t.max) << SumCell(t.score);
    } else {
      out << "<td></td><td></td>";
    }
    out << "<td class=\"n\">" << (row.page > 0 ? std::to_string(row.page) : "") << "</td><td>";
    for (size_t n : here) out << "<a href=\"#" << FindingId(doc, n) << "\">#" << n << "</a> ";
    out << "</td></tr>\n";
  }
  if (r.total) {
    TotalCheck t = CheckTotal(r);
    out << "<tr class=\"total\"><td>" << Tr(lang, Msg::kTotal) << "</td><td class=\"n\">"
        << Escape(r.total->max) << "</td><td class=\"n\">" << Escape(r.total->score) << "</td>"
        << SumCell(t.max) << SumCell(t.score) << "<td class=\"n\">"
        << (r.total->page > 0 ? std::to_string(r.total->page) : "") << "</td><td></td></tr>\n";
  }
  out << "</table>\n";
}

// Every page that has findings, whole, with each finding's box numbered and linked to it.
void WritePages(const AuditResult& r, const std::vector<size_t>& order, int doc, PageCache& cache,
                Lang lang, std::ostream& out) {
  std::map<int, std::vector<size_t>> by_page;  // page → finding numbers (1-based, in `order`)
  struct OperandBox {
    std::string key;
    size_t number, k;
    Box box;
  };
  std::map<int, std::vector<OperandBox>> operands;  // page → the operands shown on it only
  for (size_t n = 0; n < order.size(); ++n) {
    const Finding& f = r.findings[order[n]];
    int p = f.page;
    if (p >= 1 && p <= r.pages) by_page[p].push_back(n + 1);
    const bool image = f.bbox.has_value() && p >= 1 && p <= r.pages;
    for (size_t k = 0; k < f.operands.size(); ++k) {
      const auto& o = f.operands[k];
      if (PlaceOf(f, o, image, r.pages) != OperandPlace::kPage) continue;
      operands[o.page].push_back({OperandKey(doc, n + 1, k + 1), n + 1, k + 1, *o.bbox});
      by_page[o.page];  // the page is shown, even when no finding is on it
    }
  }
  if (by_page.empty()) return;
  out << "<h3>" << Tr(lang, Msg::kPages) << "</h3>\n";
  const double scale = cache.dpi() / 72.0;
  for (const auto& [p, numbers] : by_page) {
    std::string why;
    const RgbImage* page = cache.Get(p, &why);
    if (page == nullptr) continue;  // the findings say why
    double w = page->width / scale, h = page->height / scale;
    out << "<figure class=\"page\" id=\"" << PageId(doc, p) << "\"><figcaption>"
        << Escape(Place(p, 0, lang)) << ": " << Tr(lang, Msg::kFindings);
    for (size_t n : numbers) out << " <a href=\"#" << FindingId(doc, n) << "\">#" << n << "</a>";
    out << "</figcaption><div class=\"imgbox\"><img src=\"" << DataUri(*page) << "\" alt=\"page "
        << p << "\" width=\"" << page->width << "\" height=\"" << page->height << "\">";
    std::map<std::array<long, 4>, int> seen;  // boxes already drawn, by rounded corners
    for (size_t n : numbers) {
      const Finding& f = r.findings[order[n - 1]];
      Box b = f.bbox.value_or(Box{4, 4, 40, 22});  // no box: a tab at the top-left corner
      // Two findings on one spot: each further box drawn 3 pt larger, its tab moved right, so
      // none hides another.
      const int k =
          seen[{std::lround(b.x0), std::lround(b.y0), std::lround(b.x1), std::lround(b.y1)}]++;
      b = Box{b.x0 - 3 * k, b.y0 - 3 * k, b.x1 + 3 * k, b.y1 + 3 * k};
      out << "<a class=\"hl " << SeverityName(f.severity) << "\" href=\"#" << FindingId(doc, n)
          << "\" style=\"" << BoxStyle(b.x0, b.y0, b.x1, b.y1, w, h) << "\" title=\""
          << Escape(CheckName(f.check)) << "\"><span style=\"left:" << 2.6 * k << "em\">#" << n
          << "</span></a>";
    }
    for (const OperandBox& o : operands[p]) {
      out << "<a class=\"hl op\" id=\"" << o.key << "-p\" data-op=\"" << o.key << "\" href=\"#"
          << FindingId(doc, o.number) << "\" style=\""
          << BoxStyle(o.box.x0, o.box.y0, o.box.x1, o.box.y1, w, h) << "\"><span>#" << o.number
          << "·" << o.k << "</span></a>";
    }
    out << "</div></figure>\n";
  }
}

void WriteDocument(const DocumentReport& d, int doc, const WriteOptions& options,
                   std::ostream& out) {
  const AuditResult& r = d.result;
  const Lang lang = options.lang;
  PageCache cache(r.path, options.dpi, options.pdf);
  out << "<section class=\"doc\" id=\"d" << doc << "\" data-department=\"" << Escape(r.department)
      << "\" data-year=\"" << r.year << "\">\n<h2>" << Escape(r.document) << "</h2>\n";
  WriteSummary(d, lang, out);
  out << "<h3>" << Tr(lang, Msg::kFindings) << "</h3>\n";
  std::vector<size_t> order = FindingsBySeverity(r);
  if (order.empty()) out << "<p>" << Tr(lang, Msg::kNoFindings) << "</p>\n";
  if (cache.is_pdf()) {
    std::vector<int> pages;
    for (const Finding& f : r.findings) {
      if (f.page >= 1 && f.page <= r.pages) pages.push_back(f.page);
    }
    cache.Prefetch(std::move(pages));
  }
  for (size_t n = 0; n < order.size(); ++n) {
    WriteFinding(r, r.findings[order[n]], ExtraOf(d, order[n]), doc, n + 1, cache, lang, out);
  }
  WriteTree(r, order, doc, lang, out);
  if (cache.is_pdf()) WritePages(r, order, doc, cache, lang, out);
  out << "</section>\n";
}

void WriteFailed(const std::vector<FailedInput>& failed, Lang lang, std::ostream& out) {
  if (failed.empty()) return;
  out << "<section class=\"failed\" id=\"failed\">\n<h2>" << Tr(lang, Msg::kUnreadable) << " ("
      << failed.size() << ")</h2>\n<table class=\"tree\">\n<tr><th>" << Tr(lang, Msg::kColFile)
      << "</th><th>" << Tr(lang, Msg::kColReason) << "</th></tr>\n";
  for (const auto& f : failed) {
    out << "<tr><td>" << Escape(f.path) << "</td><td>" << Escape(f.reason) << "</td></tr>\n";
  }
  out << "</table>\n</section>\n";
}

void WriteProvenance(const Provenance& p, Lang lang, std::ostream& out) {
  out << "<footer class=\"provenance\"><h3>" << Tr(lang, Msg::kProvenance)
      << "</h3><dl class=\"meta\">"
      << "<dt>" << Tr(lang, Msg::kColJixiao) << "</dt><dd>" << Escape(p.jixiao) << "</dd><dt>"
      << Tr(lang, Msg::kColRules) << "</dt><dd><code>" << Escape(p.rules) << "</code></dd><dt>"
      << Tr(lang, Msg::kColRunAt) << "</dt><dd>" << Escape(p.run_at) << "</dd></dl></footer>\n";
}

}  // namespace

Status WriteHtml(const ReportSet& set, std::ostream& out, const WriteOptions& options) {
  const Lang lang = options.lang;
  out << "<!DOCTYPE html>\n<html lang=\"" << (lang == Lang::kZh ? "zh-CN" : "en")
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\""
      << Escape(set.provenance.jixiao) << "\">\n<title>" << Tr(lang, Msg::kTitle)
      << "</title>\n<style>" << kStyle << "</style>\n<script>" << kScript
      << "</script>\n</head>\n<body>\n<h1>" << Tr(lang, Msg::kTitle) << "</h1>\n";
  if (set.documents.size() > 1 || !set.failed.empty()) {
    out << "<nav><ul>\n";
    for (size_t i = 0; i < set.documents.size(); ++i) {
      const AuditResult& r = set.documents[i].result;
      out << "<li><a href=\"#d" << i + 1 << "\">" << Escape(r.path) << "</a> — "
          << Escape(CountsLine(r, lang)) << "</li>\n";
    }
    if (!set.failed.empty()) {
      out << "<li><a href=\"#failed\">" << Tr(lang, Msg::kUnreadable) << "</a> — "
          << set.failed.size() << "</li>\n";
    }
    out << "</ul></nav>\n";
  }
  if (set.documents.empty() && set.failed.empty())
    out << "<p>" << Tr(lang, Msg::kNoDocuments) << "</p>\n";
  for (size_t i = 0; i < set.documents.size(); ++i) {
    WriteDocument(set.documents[i], static_cast<int>(i + 1), options, out);
  }
  WriteFailed(set.failed, lang, out);
  WriteProvenance(set.provenance, lang, out);
  out << "</body>\n</html>\n";
  return Status::Ok();
}

}  // namespace jixiao
