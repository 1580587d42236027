// Paths, marked quotes and summaries of findings.
#include "report/finding_text.h"

#include <string_view>

#include "report/audit_words.h"
#include "report/score_tree.h"

namespace jixiao {

std::string JoinPath(const std::vector<std::string>& path) {
  std::string s;
  for (size_t i = 0; i < path.size(); ++i) {
    if (i) s += " › ";
    s += path[i];
  }
  return s;
}

namespace {

// The leading number of a stated value: optional sign, digits, ',' and '.'; "" when none.
std::string_view LeadingNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = i;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',')) ++i;
  if (i == digits) return {};
  return s.substr(0, i);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The first occurrence of `needle` in `hay` that is not part of a longer number (so "3" does not
// match inside "13.5"); npos when none.
size_t FindFigure(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return std::string_view::npos;
  for (size_t pos = hay.find(needle); pos != std::string_view::npos;
       pos = hay.find(needle, pos + 1)) {
    size_t end = pos + needle.size();
    bool left_ok = pos == 0 || !(IsDigit(hay[pos - 1]) || hay[pos - 1] == '.');
    bool right_ok = true;
    if (IsDigit(needle.back()) && end < hay.size()) {
      right_ok =
          !IsDigit(hay[end]) && !(hay[end] == '.' && end + 1 < hay.size() && IsDigit(hay[end + 1]));
    }
    if (left_ok && right_ok) return pos;
  }
  return std::string_view::npos;
}

// Whether the figure at `pos` reads as a score: "得" since the last clause break ("自评得 10 分",
// "得分 10"), where a max reads "分值 10 分" or "满分 10 分".
bool AfterScoreWord(std::string_view q, size_t pos) {
  size_t from = 0;
  for (std::string_view brk : {"，", "；", "(", "（", "。", "、"}) {
    size_t b = q.rfind(brk, pos);
    if (b != std::string_view::npos && b + brk.size() > from) from = b + brk.size();
  }
  return q.substr(from, pos - from).find("得") != std::string_view::npos;
}

// The occurrence of `needle` to mark: the first; when there are several, the first that reads as
// a score (a max and a score of the same value, "分值 10 分，自评得 10 分").
size_t BestFigure(std::string_view q, std::string_view needle) {
  size_t first = FindFigure(q, needle);
  if (first == std::string_view::npos) return first;
  for (size_t pos = first; pos != std::string_view::npos;) {
    if (AfterScoreWord(q, pos)) return pos;
    size_t next = FindFigure(q.substr(pos + 1), needle);
    pos = next == std::string_view::npos ? next : pos + 1 + next;
  }
  return first;
}

}  // namespace

QuoteParts SplitQuote(const std::string& quote, const std::string& stated,
                      const std::string& fallback) {
  QuoteParts parts;
  std::string_view q(quote);
  for (std::string_view needle : {std::string_view(stated), LeadingNumber(stated),
                                  std::string_view(fallback), LeadingNumber(fallback)}) {
    if (needle.empty()) continue;
    size_t pos = BestFigure(q, needle);
    if (pos == std::string_view::npos) continue;
    parts.before = std::string(q.substr(0, pos));
    parts.figure = std::string(needle);
    parts.after = std::string(q.substr(pos + needle.size()));
    return parts;
  }
  parts.before = quote;
  return parts;
}

QuoteParts SplitQuote(const Finding& f) {
  const Span s = f.figure;
  if (s.empty() || s.end > f.quote.size()) return SplitQuote(f.quote, f.stated, f.recomputed);
  // The span holds the figure with its unit ("9 分", "25,100.43万元"): the number is marked, and
  // a percent sign with it ("90.94%"), as when the figure is found by its value.
  std::string_view fig(f.quote.data() + s.begin, s.end - s.begin);
  std::string_view number = LeadingNumber(fig);
  // The span is used when it holds a whole figure of the finding's value (stated, or recomputed:
  // the other statement of a restated figure). Else — a span that is not a figure (a parse.unread
  // line anchored on itself), or a quote edited after the span was taken — found by value.
  auto digits = [](std::string_view v) {
    std::string d;
    for (char c : v) {
      if (c != ',') d += c;
    }
    return d;
  };
  const bool whole =
      s.begin == 0 || !(IsDigit(f.quote[s.begin - 1]) || f.quote[s.begin - 1] == '.');
  const bool ours = !number.empty() && (digits(number) == digits(LeadingNumber(f.stated)) ||
                                        digits(number) == digits(LeadingNumber(f.recomputed)));
  const bool is_quote = s.begin == 0 && s.end >= f.quote.size();
  // A parse.unread note: its span is the text that was not read, inside the line or sentence its
  // quote shows; marked whole (nothing when it is the whole quote).
  if (f.check == CheckId::kParseUnread) {
    if (is_quote) return QuoteParts{f.quote, "", ""};
    size_t e = s.end;
    while (e > s.begin && (f.quote[e - 1] == '\n' || f.quote[e - 1] == ' ')) --e;
    return QuoteParts{f.quote.substr(0, s.begin), f.quote.substr(s.begin, e - s.begin),
                      f.quote.substr(e)};
  }
  if (!whole || number.empty() || is_quote) return SplitQuote(f.quote, f.stated, f.recomputed);
  if (!ours) {
    // A figure of another value (a claim's rate against the total it contradicts): marked when
    // the values are not in the quote, so that the finding still has a mark.
    QuoteParts by_value = SplitQuote(f.quote, f.stated, f.recomputed);
    if (!by_value.figure.empty()) return by_value;
  }
  size_t len = number.size();
  if (fig.substr(len, 1) == "%") ++len;
  QuoteParts parts;
  parts.before = f.quote.substr(0, s.begin);
  parts.figure = f.quote.substr(s.begin, len);
  parts.after = f.quote.substr(s.begin + len);
  return parts;
}

std::string Location(const Finding& f, Lang lang) { return Place(f.page, f.line, lang); }

std::string Place(int page, int line, Lang lang) {
  std::string s;
  if (lang == Lang::kZh) {
    if (page > 0) s = "第" + std::to_string(page) + "页";
    if (line > 0) s += (s.empty() ? "第" : "，第") + std::to_string(line) + "行";
    return s;
  }
  if (page > 0) s = "p." + std::to_string(page);
  if (line > 0) s += (s.empty() ? "line " : ", line ") + std::to_string(line);
  return s;
}

std::vector<size_t> FindingsBySeverity(const AuditResult& r) {
  std::vector<size_t> order;
  for (Severity sev : kSeverityOrder) {
    for (size_t i = 0; i < r.findings.size(); ++i) {
      if (r.findings[i].severity == sev) order.push_back(i);
    }
  }
  return order;
}

std::string Summary(const Finding& f, Lang lang) {
  std::string s = std::string(SeverityWord(lang, f.severity)) + " " + CheckName(f.check);
  std::string where = Location(f, lang);
  if (!where.empty()) s += " " + where;
  if (!f.path.empty()) s += " " + JoinPath(f.path);
  std::string values;
  const std::string stated = Tr(lang, Msg::kStated), recomputed = Tr(lang, Msg::kRecomputed);
  if (!f.stated.empty()) values += stated + " " + f.stated;
  if (!f.recomputed.empty())
    values += (values.empty() ? "" : ", ") + (recomputed + " " + AuditWords(lang, f.recomputed));
  if (!values.empty()) s += ": " + values;
  if (!f.arithmetic.empty()) s += (values.empty() ? ": " : "; ") + AuditWords(lang, f.arithmetic);
  if (!f.quote.empty()) s += "\n「" + f.quote + "」";
  return s;
}

std::string CountsLine(const AuditResult& r, Lang lang) {
  int infos = static_cast<int>(r.findings.size()) - r.errors() - r.warnings();
  const char* sep = lang == Lang::kZh ? "，" : ", ";
  return CountOf(lang, r.errors(), Msg::kSevError) + sep +
         CountOf(lang, r.warnings(), Msg::kSevWarning) + sep + CountOf(lang, infos, Msg::kSevInfo);
}

std::string CoverageLine(const AuditResult& r, Lang lang) {
  const auto& c = r.coverage;
  auto n = [](int v) { return std::to_string(v); };
  if (lang == Lang::kZh) {
    return n(c.indicators) + " 个指标（" + n(c.with_max) + " 个有分值，" + n(c.with_score) +
           " 个有得分），已核对 " + n(c.checks_run) + " 处，未读 " + n(c.unread) + " 处";
  }
  return CountOf(lang, c.indicators, Msg::kColIndicators) + " (" + n(c.with_max) + " with max, " +
         n(c.with_score) + " with score), " + n(c.checks_run) + " checks run, " + n(c.unread) +
         " unread";
}

std::string StatusWord(const AuditResult& r) {
  if (r.errors() > 0) return "errors";
  if (!r.assessed) return "not-assessed";
  if (r.warnings() > 0) return "warnings";
  return "clean";
}

std::string StatusLabel(const AuditResult& r, Lang lang) {
  const std::string w = StatusWord(r);
  if (w == "errors") return Tr(lang, Msg::kStatusErrors);
  if (w == "warnings") return Tr(lang, Msg::kStatusWarnings);
  if (w == "not-assessed") return Tr(lang, Msg::kStatusNotAssessed);
  return Tr(lang, Msg::kStatusClean);
}

std::string DecisionWord(const Review& r, Lang lang) {
  if (r.decision == "accepted") return Tr(lang, Msg::kDecisionAccepted);
  if (r.decision == "dismissed") return Tr(lang, Msg::kDecisionDismissed);
  return Tr(lang, Msg::kDecisionOpen);
}

std::string TotalText(const AuditResult& r, Lang lang) {
  if (!r.total) return "";
  std::string max = r.total->max, note;
  if (max.empty()) {
    // The first-level maxima, when every first-level row states one, are what the total is out of.
    TotalCheck t = CheckTotal(r);
    if (!t.max.sum.empty()) {
      max = t.max.sum;
      note = lang == Lang::kZh ? "（一级指标分值合计）" : " (sum of first-level max)";
    } else {
      max = "?";
    }
  }
  std::string s = (r.total->score.empty() ? "?" : r.total->score) + "/" + max + note;
  if (!r.total->grade.empty()) s += " " + r.total->grade;
  return s;
}

}  // namespace jixiao
