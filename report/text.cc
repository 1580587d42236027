// The terminal text writer: findings grouped by severity, the stated figure marked in its quote,
// lines wrapped to the terminal without splitting a figure. Everything from the document or its
// name goes through Printable: the terminal shows controls escaped, never obeys them.
#include <string_view>

#include "report/audit_words.h"
#include "report/printable.h"
#include "report/finding_text.h"
#include "report/report.h"
#include "report/wrap.h"

namespace jixiao {

namespace {

// ANSI SGR sequences, or nothing when colour is off.
struct Palette {
  bool on;
  const char* Code(const char* sgr) const { return on ? sgr : ""; }
  const char* Reset() const { return Code("\x1b[0m"); }
  const char* Bold() const { return Code("\x1b[1m"); }
  const char* Dim() const { return Code("\x1b[2m"); }
  const char* Red() const { return Code("\x1b[1;31m"); }
  const char* Green() const { return Code("\x1b[32m"); }
  const char* Of(Severity s) const {
    switch (s) {
      case Severity::kError:
        return Code("\x1b[1;31m");
      case Severity::kWarning:
        return Code("\x1b[1;33m");
      case Severity::kInfo:
        return Code("\x1b[1;36m");
    }
    return "";
  }
};

// The arithmetic with ✗ in red and ✓ in green (the key line: never dim).
std::string ColourMarks(const std::string& s, const Palette& c) {
  if (!c.on) return s;
  std::string out;
  for (size_t i = 0; i < s.size();) {
    std::string_view rest(s.data() + i, s.size() - i);
    if (rest.substr(0, 3) == "✗") {
      out += std::string(c.Red()) + "✗" + c.Reset();
      i += 3;
    } else if (rest.substr(0, 3) == "✓") {
      out += std::string(c.Green()) + "✓" + c.Reset();
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// "82796000.000" → "82796000": zero decimals say nothing a reader needs. Units stay.
std::string TidyNumber(const std::string& v) {
  size_t dot = v.find('.');
  if (dot == std::string::npos) return v;
  size_t end = dot + 1;
  while (end < v.size() && v[end] == '0') ++end;
  if (end == dot + 1 || (end < v.size() && v[end] >= '0' && v[end] <= '9')) return v;
  for (size_t i = 0; i < dot; ++i) {
    if (!((v[i] >= '0' && v[i] <= '9') || (i == 0 && v[i] == '-'))) return v;
  }
  return v.substr(0, dot) + v.substr(end);
}

}  // namespace

void WriteText(const AuditResult& r, std::ostream& out, const WriteOptions& options) {
  WriteText(DocumentReport{r, "", "", {}}, out, options);
}

void WriteText(const DocumentReport& d, std::ostream& out, const WriteOptions& options) {
  const AuditResult& r = d.result;
  const Lang lang = options.lang;
  const bool zh = lang == Lang::kZh;
  const Palette c{options.color};
  auto line = [&](const std::string& text, int indent) {
    out << Wrap(text, indent, options.width) << "\n";
  };
  const auto P = [](const std::string& s) { return Printable(s); };
  std::string head = std::string(c.Bold()) + P(r.document) + c.Reset() + " (" +
                     CountOf(lang, r.pages, Msg::kColPages) + ")";
  if (!r.department.empty()) head += " " + P(r.department);
  if (r.year > 0) head += " " + std::to_string(r.year);
  if (r.total)
    head += std::string(zh ? "，" : ", ") + Tr(lang, Msg::kTotal) + " " + P(TotalText(r, lang));
  line(head, 0);

  const std::vector<std::string> fingerprints = Fingerprints(r, d.sha256);
  for (Severity sev : kSeverityOrder) {
    int n = 0;
    for (const auto& f : r.findings) n += f.severity == sev;
    if (n == 0) continue;
    out << "  " << c.Of(sev) << SeverityWord(lang, sev);
    if (!zh && n != 1) out << "s";
    out << " (" << n << ")" << c.Reset() << "\n";
    for (size_t i = 0; i < r.findings.size(); ++i) {
      const Finding& f = r.findings[i];
      if (f.severity != sev) continue;
      const FindingExtra extra = i < d.extra.size() ? d.extra[i] : FindingExtra{};
      std::string check = "    " + std::string(c.Bold()) + CheckName(f.check) + c.Reset();
      std::string where = Location(f, lang);
      if (!where.empty()) check += "  " + where;
      if (!f.path.empty()) check += "  " + P(JoinPath(f.path));
      check += std::string("  ") + c.Dim() + "#" +
               (extra.fingerprint.empty() ? fingerprints[i] : extra.fingerprint) + c.Reset();
      if (!extra.review.decision.empty()) {
        check += "  [" + DecisionWord(extra.review, lang) + ": " + P(extra.review.why) + "]";
      }
      line(check, 6);
      if (!f.quote.empty()) {
        // A line break inside a quote (a PDF's wrapped line) reads as a space; any other control
        // character is shown escaped.
        QuoteParts q = SplitQuote(f);
        for (std::string* part : {&q.before, &q.figure, &q.after}) {
          for (char& ch : *part) ch = ch == '\n' ? ' ' : ch;
        }
        std::string quote = "      「" + P(q.before);
        if (!q.figure.empty()) {
          quote += std::string(c.Of(sev)) + "【" + P(q.figure) + "】" + c.Reset() + P(q.after);
        }
        line(quote + "」", 7);
      }
      if (!f.stated.empty() || !f.recomputed.empty()) {
        // A range check recomputes a bound, not a value: say so.
        const bool bound = f.recomputed.find("≤") != std::string::npos;
        const char* recomputed =
            bound ? (zh ? "应满足" : "must satisfy") : Tr(lang, Msg::kRecomputed);
        line(std::string("      ") + Tr(lang, Msg::kStated) + " " +
                 (f.stated.empty() ? "—" : P(f.stated)) + (zh ? "，" : ", ") + recomputed + " " +
                 (f.recomputed.empty() ? "—" : P(TidyNumber(AuditWords(lang, f.recomputed)))),
             8);
      }
      if (!f.arithmetic.empty()) line("      " + ColourMarks(P(AuditWords(lang, f.arithmetic)), c), 8);
      if (!extra.other_file.empty()) {
        line(std::string("      ") + (zh ? "对照 " : "vs ") + P(extra.other_file) + " " +
                 Place(extra.other_page, extra.other_line, lang),
             8);
      }
    }
  }
  const std::string coverage = std::string(zh ? "；" : "; ") + Tr(lang, Msg::kCoverage) +
                               (zh ? "：" : ": ") + CoverageLine(r, lang);
  if (!r.assessed) {
    // Nothing was checked: saying "0 errors" would read as clean.
    line(std::string("  ") + Tr(lang, Msg::kStatusNotAssessed) + (zh ? "：" : ": ") +
             (r.note.empty() ? std::string(Tr(lang, Msg::kNoContent)) : P(AuditWords(lang, r.note))) + coverage,
         4);
    return;
  }
  line("  " + CountsLine(r, lang) + coverage, 4);
}

}  // namespace jixiao
