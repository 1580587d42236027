// Expressions over stated figures, and the evaluation of a relation into a CheckResult.
#include "audit/relation.h"

#include <algorithm>

namespace jixiao {

Expr Expr::Figure(const Number& n, bool exact) {
  Expr e;
  e.op_ = Op::kFigure;
  e.num_ = n;
  e.exact_ = exact;
  return e;
}

void Expr::FigureSpans(std::vector<Span>* out) const {
  if (op_ == Op::kFigure) out->push_back(Span{num_.begin, num_.end});
  for (const Expr& a : args_) a.FigureSpans(out);
}

void Expr::Figures(std::vector<const Number*>* out) const {
  if (op_ == Op::kFigure) out->push_back(&num_);
  for (const Expr& a : args_) a.Figures(out);
}

Expr Expr::Const(const mpq_class& v, std::string text) {
  Expr e;
  e.op_ = Op::kConst;
  e.const_ = v;
  e.text_ = std::move(text);
  return e;
}

Expr Expr::Sum(std::vector<Expr> terms) {
  Expr e;
  e.op_ = Op::kSum;
  e.args_ = std::move(terms);
  return e;
}

Expr Expr::Diff(Expr a, Expr b) {
  Expr e;
  e.op_ = Op::kDiff;
  e.args_ = {std::move(a), std::move(b)};
  return e;
}

Expr Expr::Product(Expr a, Expr b) {
  Expr e;
  e.op_ = Op::kProduct;
  e.args_ = {std::move(a), std::move(b)};
  return e;
}

Expr Expr::Quotient(Expr a, Expr b) {
  Expr e;
  e.op_ = Op::kQuotient;
  e.args_ = {std::move(a), std::move(b)};
  return e;
}

Interval Expr::Eval() const {
  switch (op_) {
    case Op::kNone: return Interval::Undefined();
    case Op::kFigure: return Interval::Of(num_, exact_);
    case Op::kConst: return Interval::Point(const_);
    case Op::kSum: {
      Interval s = Interval::Point(0);
      for (const auto& a : args_) s = s + a.Eval();
      return s;
    }
    case Op::kDiff: return args_[0].Eval() - args_[1].Eval();
    case Op::kProduct: return args_[0].Eval() * args_[1].Eval();
    case Op::kQuotient: return args_[0].Eval() / args_[1].Eval();
  }
  return Interval::Undefined();
}

int Expr::Precedence() const {
  switch (op_) {
    case Op::kSum:
    case Op::kDiff: return 1;
    case Op::kProduct:
    case Op::kQuotient: return 2;
    default: return 3;
  }
}

std::string Expr::Render() const {
  auto sub = [this](const Expr& a, bool right) {
    std::string s = a.Render();
    bool paren = a.Precedence() < Precedence() || (right && a.Precedence() == Precedence() &&
                                                   (op_ == Op::kDiff || op_ == Op::kQuotient));
    return paren ? "(" + s + ")" : s;
  };
  switch (op_) {
    case Op::kNone: return "?";
    case Op::kFigure: {
      std::string s = num_.Plain();
      if (num_.unit == Unit::kPercent) s += "%";
      return s;
    }
    case Op::kConst: return text_;
    case Op::kSum: {
      std::string s;
      for (size_t i = 0; i < args_.size(); ++i) s += (i ? " + " : "") + sub(args_[i], i > 0);
      return s.empty() ? "0" : s;
    }
    case Op::kDiff: return sub(args_[0], false) + " − " + sub(args_[1], true);
    case Op::kProduct: return sub(args_[0], false) + " × " + sub(args_[1], true);
    case Op::kQuotient: return sub(args_[0], false) + " / " + sub(args_[1], true);
  }
  return "?";
}

std::string Written(const Number& n) {
  if (n.unit == Unit::kPercent) return n.written + "%";
  return n.written + n.measure;
}

Span SentenceAround(const std::string& text, Span s, size_t max_chars) {
  auto is_stop = [&](size_t i, bool forward) {
    if (text[i] == '\n') return true;
    static const char* kStops[] = {"。", "；", "！", "？"};
    for (const char* p : kStops) {
      if (forward ? text.compare(i, 3, p) == 0 : (i >= 2 && text.compare(i - 2, 3, p) == 0)) {
        return true;
      }
    }
    return false;
  };
  size_t b = std::min(s.begin, text.size());
  size_t lim_b = b > max_chars ? b - max_chars : 0;
  while (b > lim_b && !is_stop(b - 1, false)) --b;
  size_t e = std::min(s.end, text.size());
  size_t lim_e = std::min(text.size(), e + max_chars);
  while (e < lim_e && !is_stop(e, true)) ++e;
  if (e < text.size() && text[e] != '\n' && e + 3 <= text.size()) e += 3;  // keep the stop
  // Stay on UTF-8 boundaries.
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  return Span{b, e};
}

namespace {

bool IsContinuation(const std::string& t, size_t i) {
  return i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80;
}

// How far a quote is widened to reach the start or end of its clause, and how far a window's
// edge moves to one (bytes: about 50 and 30 Chinese characters).
constexpr size_t kClauseReach = 150, kWindowReach = 90, kLineReach = 300;

// `i` moved past blanks, never beyond `limit`.
size_t SkipBlanks(const std::string& t, size_t i, size_t limit) {
  while (i < limit && (t[i] == ' ' || t[i] == '\t')) ++i;
  return i;
}

bool IsFigureByte(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
         c == '%';
}

bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

// The text before byte `i` ends a sentence, a clause, a line or a table cell: 。；！？，、：
// (full width), ; ! ? and , : between anything but digits ("4,498.10", "10:30"), a line break,
// a cell rule "|", or `i` is the text's start.
bool ClauseStartsAt(const std::string& t, size_t i) {
  if (i >= t.size()) return true;
  while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t')) --i;  // blanks after a boundary
  if (i == 0) return true;
  const char c = t[i - 1];
  if (c == '\n' || c == '|' || c == ';' || c == '!' || c == '?') return true;
  if (c == ',' || c == ':') return !(i >= 2 && IsDigitByte(t[i - 2]) && IsDigitByte(t[i]));
  static const char* kMarks[] = {"。", "；", "！", "？", "，", "、", "："};
  if (i < 3) return false;
  for (const char* m : kMarks) {
    if (t.compare(i - 3, 3, m) == 0) return true;
  }
  return false;
}

// A clause ends at byte `i`: one starts there, or the text is a line break, a cell rule or a
// clause mark (the mark is left to the next clause; 。；！？ are kept with theirs by
// SentenceAround and here, as the byte before `i`).
bool ClauseEndsAt(const std::string& t, size_t i) {
  if (i == 0 || i >= t.size() || ClauseStartsAt(t, i)) return true;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;  // blanks before a boundary
  if (i >= t.size()) return true;
  const char c = t[i];
  if (c == '\n' || c == '|' || c == ';' || c == '!' || c == '?') return true;
  if (c == ',' || c == ':') return !(IsDigitByte(t[i - 1]) && i + 1 < t.size() && IsDigitByte(t[i + 1]));
  static const char* kMarks[] = {"。", "；", "！", "？", "，", "、", "："};
  for (const char* m : kMarks) {
    if (t.compare(i, 3, m) == 0) return true;
  }
  return false;
}

// `i` lies inside a word or a figure ("12|34.5", "GD|P", "1,|250"): between two letters, digits
// or points, or next to a comma between digits.
bool InsideFigure(const std::string& t, size_t i) {
  if (i == 0 || i >= t.size()) return false;
  if (IsFigureByte(t[i - 1]) && IsFigureByte(t[i])) return true;
  const bool after_comma = t[i - 1] == ',' && i >= 2 && IsDigitByte(t[i - 2]) && IsDigitByte(t[i]);
  const bool before_comma =
      t[i] == ',' && i + 1 < t.size() && IsDigitByte(t[i - 1]) && IsDigitByte(t[i + 1]);
  return after_comma || before_comma;
}

// The previous byte that is not a blank, or 0.
char PrevSolid(const std::string& t, size_t i) {
  while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t')) --i;
  return i > 0 ? t[i - 1] : '\0';
}

// `i` starts with a unit or counter that belongs to a figure before it ("5 分，自评得…").
bool UnitAt(const std::string& t, size_t i) {
  // Units only: counters (项, 个, 年 …) also start labels ("项目管理", "年度资金总额") that
  // follow the last figure of the row before on one line.
  static const char* kUnits[] = {"分", "元", "万元", "亿元", "%", "％"};
  for (const char* u : kUnits) {
    if (t.compare(i, std::char_traits<char>::length(u), u) == 0) return true;
  }
  return false;
}

// A quote starting at `i` starts inside a clause: inside a word or figure, or at the unit of the
// figure before it. (A quote at any other place is where its reader put it: a row, a cell, a
// heading, a clause it recognised.)
bool StartsMidClause(const std::string& t, size_t i) {
  if (i == 0 || i >= t.size()) return false;
  return InsideFigure(t, i) || (IsDigitByte(PrevSolid(t, i)) && UnitAt(t, i));
}

// A quote ending at `i` ends inside a clause: inside a word or figure, or before the unit of its
// last figure ("…下降23.51" of "23.51%").
bool EndsMidClause(const std::string& t, size_t i) {
  if (i == 0 || i >= t.size()) return false;
  if (InsideFigure(t, i)) return true;
  size_t j = i;
  while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) ++j;
  return IsDigitByte(t[i - 1]) && j < t.size() && UnitAt(t, j);
}

// The start of a clause at or before `i` (down to `floor`, at most `reach` bytes back); else the
// nearest place at or before `i` that is not inside a word or a figure, nor a UTF-8 character.
size_t BackToClause(const std::string& t, size_t i, size_t floor, size_t reach) {
  const size_t lim = i > floor + reach ? i - reach : floor;
  for (size_t b = i;; --b) {
    if (!IsContinuation(t, b) && ClauseStartsAt(t, b)) return b;
    if (b == lim) break;
  }
  while (i > floor && (IsContinuation(t, i) || InsideFigure(t, i))) --i;
  return i;
}

// The end of a clause at or after `i` (up to `ceil`, at most `reach` bytes on), keeping a
// sentence's stop; else the nearest place at or after `i` not inside a word, figure or character.
size_t OnToClause(const std::string& t, size_t i, size_t ceil, size_t reach) {
  ceil = std::min(ceil, t.size());
  const size_t lim = std::min(ceil, i + reach);
  for (size_t e = i; e <= lim; ++e) {
    if (IsContinuation(t, e) || !ClauseEndsAt(t, e)) continue;
    static const char* kStops[] = {"。", "；", "！", "？"};
    for (const char* m : kStops) {
      if (e + 3 <= ceil && t.compare(e, 3, m) == 0) return e + 3;
    }
    return e;
  }
  while (i < ceil && (IsContinuation(t, i) || InsideFigure(t, i))) ++i;
  return i;
}

}  // namespace

Span ClauseAround(const std::string& t, Span quote) {
  if (quote.empty() || quote.end > t.size()) return quote;
  Span w = quote;
  if (StartsMidClause(t, w.begin)) w.begin = SkipBlanks(t, BackToClause(t, w.begin, 0, kClauseReach), quote.begin);
  if (EndsMidClause(t, w.end)) w.end = OnToClause(t, w.end, t.size(), kClauseReach);
  return w;
}

Span LineAround(const std::string& t, Span s) {
  if (s.empty() || s.end > t.size()) return s;
  Span w = s;
  const size_t lim_b = w.begin > kLineReach ? w.begin - kLineReach : 0;
  size_t b = w.begin;
  while (b > lim_b && t[b - 1] != '\n') --b;
  w.begin = b == 0 || t[b - 1] == '\n' ? b : BackToClause(t, w.begin, 0, kClauseReach);
  const size_t lim_e = std::min(t.size(), w.end + kLineReach);
  size_t e = w.end;
  while (e < lim_e && t[e] != '\n') ++e;
  w.end = e == t.size() || t[e] == '\n' ? e : OnToClause(t, w.end, t.size(), kClauseReach);
  while (w.end > s.end && (t[w.end - 1] == ' ' || t[w.end - 1] == '\t')) --w.end;
  w.begin = SkipBlanks(t, w.begin, s.begin);
  return w;
}

namespace {

// `quote` ∩ [around − context, around + context], its edges moved inwards to the nearest clause
// start and end (within kWindowReach bytes, never past `around`), else off any word or figure.
Span Window(const std::string& t, Span quote, Span around, size_t context) {
  if (around.begin >= quote.end || around.end <= quote.begin) around = Span{quote.begin, quote.begin};
  size_t b = around.begin > quote.begin + context ? around.begin - context : quote.begin;
  size_t e = std::min(quote.end, around.end + context);
  if (b > around.begin) b = quote.begin;  // an anchor outside the quote: its start
  if (b > quote.begin) {
    size_t nb = b;
    while (nb < around.begin && nb < b + kWindowReach && !(ClauseStartsAt(t, nb) && !IsContinuation(t, nb))) ++nb;
    if (nb <= around.begin && ClauseStartsAt(t, nb) && !IsContinuation(t, nb)) {
      b = nb;
    } else {
      while (b > quote.begin && (IsContinuation(t, b) || InsideFigure(t, b))) --b;
    }
  }
  if (e < quote.end) {
    size_t ne = e;
    while (ne > around.end && ne + kWindowReach > e && !(ClauseEndsAt(t, ne) && !IsContinuation(t, ne))) --ne;
    if (ne >= around.end && ClauseEndsAt(t, ne) && !IsContinuation(t, ne)) {
      e = ne;
    } else {
      while (e < quote.end && (IsContinuation(t, e) || InsideFigure(t, e))) ++e;
    }
  }
  return Span{b, std::max(b, e)};
}

// The text of `w` within `quote`, with "…" where the window cut it or where the quote itself
// starts or ends inside a clause. `t` is the normalized text, `shown` the same in the document's
// own characters (Document::Written), of which the quote is taken.
std::string Cut(const std::string& t, const std::string& shown, Span quote, Span w) {
  std::string s = shown.substr(w.begin, w.end - w.begin);
  while (!s.empty() && s.back() == '\n') s.pop_back();
  if (w.begin > quote.begin || StartsMidClause(t, w.begin)) s = "…" + s;
  if (w.end < quote.end || EndsMidClause(t, w.end)) s += "…";
  return s;
}

// One piece of a finding's quote: the document bytes [begin, end) shown at byte `at` of the quote.
struct Piece {
  size_t begin, end, at;
};

// `s` (document offsets) as offsets into the quote, when one piece holds it whole; else empty.
Span InQuote(const std::vector<Piece>& pieces, Span s) {
  if (s.empty()) return Span{};
  for (const Piece& p : pieces) {
    if (s.begin >= p.begin && s.end <= p.end) return Span{p.at + s.begin - p.begin, p.at + s.end - p.begin};
  }
  return Span{};
}

// Appends the text of window `w` of `quote` to `out` (as Cut does) and records its piece.
void AppendCut(const Document& doc, Span quote, Span w, std::string* out, std::vector<Piece>* pieces) {
  const std::string& t = doc.text;
  std::string s = Cut(t, doc.Written(), quote, w);
  const size_t lead =
      w.begin > quote.begin || StartsMidClause(t, w.begin) ? std::string("…").size() : 0;
  size_t end = w.end;
  while (end > w.begin && t[end - 1] == '\n') --end;  // Cut drops trailing newlines
  pieces->push_back(Piece{w.begin, end, out->size() + lead});
  *out += s;
}

CheckResult MakeResultPieces(const Document& doc, CheckId check, Span quote, Span anchor,
                             std::vector<Piece>* pieces) {
  CheckResult c;
  c.check = check;
  Span at = anchor.empty() ? quote : anchor;
  c.page = doc.PageAt(at.begin);
  c.line = doc.LineAt(at.begin);
  if (quote.end > quote.begin && quote.end <= doc.text.size()) {
    quote = ClauseAround(doc.text, quote);
    Span w = quote.end - quote.begin > kQuoteLimit ? Window(doc.text, quote, at, kQuoteContext)
                                                   : quote;
    AppendCut(doc, quote, w, &c.quote, pieces);
  }
  c.bbox = doc.BoxOf(at.begin, at.end);
  Span a = anchor;  // a span ending with its line break: the break is not quoted
  while (a.end > a.begin && a.end <= doc.text.size() && doc.text[a.end - 1] == '\n') --a.end;
  c.figure = InQuote(*pieces, a);
  return c;
}

}  // namespace

CheckResult MakeResult(const Document& doc, CheckId check, Span quote, Span anchor) {
  std::vector<Piece> pieces;
  return MakeResultPieces(doc, check, quote, anchor, &pieces);
}

CheckResult Evaluate(const Document& doc, const Relation& r) {
  std::vector<Piece> pieces;
  CheckResult c = MakeResultPieces(doc, r.check, r.quote, r.anchor, &pieces);
  const Span quote = r.quote.end > r.quote.begin && r.quote.end <= doc.text.size()
                         ? ClauseAround(doc.text, r.quote)
                         : r.quote;
  std::vector<const Number*> figures;
  r.computed.Figures(&figures);
  std::vector<Span> operands;
  for (const Number* n : figures) operands.push_back(Span{n->begin, n->end});
  // Operands the window around the stated figure left out: a short window around each (at most
  // four), so the quote shows what the arithmetic uses and stays bounded.
  if (quote.end > quote.begin + kQuoteLimit && quote.end <= doc.text.size()) {
    Span at = r.anchor.empty() ? quote : r.anchor;
    Span shown = Window(doc.text, quote, at, kQuoteContext);
    int added = 0;
    for (Span o : operands) {
      bool in_quote = o.begin >= quote.begin && o.end <= quote.end && o.end <= doc.text.size();
      if (!in_quote || (o.begin >= shown.begin && o.end <= shown.end) || added == 4) continue;
      Span w = Window(doc.text, quote, o, kQuoteContext / 4);
      c.quote += " ";
      AppendCut(doc, quote, w, &c.quote, &pieces);
      shown = Span{std::min(shown.begin, w.begin), std::max(shown.end, w.end)};
      ++added;
    }
  }
  for (Span q : r.more_quotes) {
    // A fragment inside the quote already shown adds nothing.
    bool inside = q.begin >= quote.begin && q.end <= quote.end;
    if (q.end > q.begin && q.end <= doc.text.size() && !inside) {
      // From the start of its clause to its end, as the quote.
      q = ClauseAround(doc.text, q);
      if (q.begin >= quote.begin && q.end <= quote.end) continue;
      c.quote += " … ";
      pieces.push_back(Piece{q.begin, q.end, c.quote.size()});
      c.quote += doc.Written().substr(q.begin, q.end - q.begin);
    }
  }
  for (const Number* n : figures) {
    const Span o{n->begin, n->end};
    if (o.end > doc.text.size() || o.empty()) continue;
    CheckResult::Operand op;
    op.text = n->Plain() + (n->unit == Unit::kPercent ? "%" : "");
    op.page = doc.PageAt(o.begin);
    op.line = doc.LineAt(o.begin);
    op.bbox = doc.BoxOf(o.begin, o.end);
    op.in_quote = InQuote(pieces, o);
    c.operands.push_back(std::move(op));
  }
  c.path = r.path;
  c.stated = Written(r.stated);
  Interval v = r.computed.Eval();
  bool percent = r.stated.unit == Unit::kPercent || r.as_percent;
  int shown = std::max(r.stated.decimals + 2, 2);
  auto show = [&](const mpq_class& q) {
    return percent ? FormatDecimal(q * 100, shown) + "%" : FormatDecimal(q, shown);
  };
  std::string expr = r.computed.Render();
  Agreement a = Agreement::kConsistent;
  if (!v.defined) {
    a = Agreement::kUndefined;
    c.recomputed = "undefined (÷ 0)";
  } else {
    c.recomputed = show(v.Mid());
    if (r.compare == Relation::Compare::kEqual) {
      a = Compare(r.stated, r.stated_exact, v);
    } else {
      Interval s = Interval::Of(r.stated, r.stated_exact);
      bool ok = r.compare == Relation::Compare::kAtMost ? v.lo <= s.hi : v.hi >= s.lo;
      a = ok ? Agreement::kConsistent : Agreement::kDifferent;
    }
  }
  std::string range;
  if (v.defined && v.lo != v.hi) range = " [" + show(v.lo) + ", " + show(v.hi) + "]";
  const char* rel = r.compare == Relation::Compare::kEqual    ? "stated"
                    : r.compare == Relation::Compare::kAtMost ? "must be ≤ stated"
                                                              : "must be ≥ stated";
  c.arithmetic = expr + " = " + c.recomputed + range + " → " + rel + " " + c.stated +
                 (a == Agreement::kConsistent ? " ✓" : " ✗ (" + std::string(AgreementText(a)) + ")");
  if (!r.note.empty()) c.arithmetic += "; " + r.note;
  switch (a) {
    case Agreement::kConsistent:
      c.verdict = Verdict::kPass;
      c.severity = Severity::kInfo;
      break;
    case Agreement::kTruncated:
    case Agreement::kLastDigit:
      c.verdict = Verdict::kWarning;
      c.severity = Severity::kWarning;
      break;
    case Agreement::kDifferent:
    case Agreement::kUndefined:
      c.verdict = r.severity == Severity::kError ? Verdict::kFail : Verdict::kWarning;
      c.severity = r.severity;
      break;
  }
  return c;
}

}  // namespace jixiao
