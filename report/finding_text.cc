// Paths, marked quotes and summaries of findings.
#include "report/finding_text.h"

#include <string_view>

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
      right_ok = !IsDigit(hay[end]) &&
                 !(hay[end] == '.' && end + 1 < hay.size() && IsDigit(hay[end + 1]));
    }
    if (left_ok && right_ok) return pos;
  }
  return std::string_view::npos;
}

}  // namespace

QuoteParts SplitQuote(const std::string& quote, const std::string& stated) {
  QuoteParts parts;
  std::string_view q(quote);
  for (std::string_view needle : {std::string_view(stated), LeadingNumber(stated)}) {
    size_t pos = FindFigure(q, needle);
    if (pos == std::string_view::npos) continue;
    parts.before = std::string(q.substr(0, pos));
    parts.figure = std::string(needle);
    parts.after = std::string(q.substr(pos + needle.size()));
    return parts;
  }
  parts.before = quote;
  return parts;
}

std::string Location(const Finding& f) {
  std::string s;
  if (f.page > 0) s = "p." + std::to_string(f.page);
  if (f.line > 0) s += (s.empty() ? "line " : ", line ") + std::to_string(f.line);
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

std::string Summary(const Finding& f) {
  std::string s = std::string(SeverityName(f.severity)) + " " + CheckName(f.check);
  std::string where = Location(f);
  if (!where.empty()) s += " " + where;
  if (!f.path.empty()) s += " " + JoinPath(f.path);
  std::string values;
  if (!f.stated.empty()) values += "stated " + f.stated;
  if (!f.recomputed.empty()) values += (values.empty() ? "" : ", ") + ("recomputed " + f.recomputed);
  if (!values.empty()) s += ": " + values;
  if (!f.arithmetic.empty()) s += (values.empty() ? ": " : "; ") + f.arithmetic;
  if (!f.quote.empty()) s += "\n「" + f.quote + "」";
  return s;
}

namespace {
std::string Count(int n, const char* singular) {
  return std::to_string(n) + " " + singular + (n == 1 ? "" : "s");
}
}  // namespace

std::string CountsLine(const AuditResult& r) {
  int infos = static_cast<int>(r.findings.size()) - r.errors() - r.warnings();
  return Count(r.errors(), "error") + ", " + Count(r.warnings(), "warning") + ", " +
         Count(infos, "info");
}

std::string CoverageLine(const AuditResult& r) {
  const auto& c = r.coverage;
  return std::to_string(c.indicators) + " indicators (" + std::to_string(c.with_max) +
         " with max, " + std::to_string(c.with_score) + " with score), " +
         std::to_string(c.checks_run) + " checks run, " + std::to_string(c.unread) + " unread";
}

std::string StatusWord(const AuditResult& r) {
  if (r.errors() > 0) return "errors";
  if (!r.assessed) return "not assessed";
  if (r.warnings() > 0) return "warnings";
  return "clean";
}

}  // namespace jixiao
