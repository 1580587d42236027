// The terminal text writer: findings grouped by severity, the stated figure marked in its quote.
#include "report/printable.h"
#include "report/finding_text.h"
#include "report/report.h"

namespace jixiao {

namespace {

// ANSI SGR sequences, or nothing when colour is off.
struct Palette {
  bool on;
  const char* Code(const char* sgr) const { return on ? sgr : ""; }
  const char* Reset() const { return Code("\x1b[0m"); }
  const char* Bold() const { return Code("\x1b[1m"); }
  const char* Dim() const { return Code("\x1b[2m"); }
  const char* Of(Severity s) const {
    switch (s) {
      case Severity::kError: return Code("\x1b[1;31m");
      case Severity::kWarning: return Code("\x1b[1;33m");
      case Severity::kInfo: return Code("\x1b[1;36m");
    }
    return "";
  }
};

}  // namespace

void WriteText(const AuditResult& r, std::ostream& out, const WriteOptions& options) {
  const Palette c{options.color};
  // Everything from the document or its name goes through Printable: the terminal shows controls
  // escaped, never obeys them.
  const auto P = [](const std::string& s) { return Printable(s); };
  out << c.Bold() << P(r.document) << c.Reset() << " (" << r.pages
      << (r.pages == 1 ? " page)" : " pages)");
  if (!r.department.empty()) out << " " << P(r.department);
  if (r.year > 0) out << " " << r.year;
  if (r.total) {
    out << ", total " << (r.total->score.empty() ? "?" : P(r.total->score)) << "/"
        << (r.total->max.empty() ? "?" : P(r.total->max));
    if (!r.total->grade.empty()) out << " " << P(r.total->grade);
  }
  out << "\n";

  for (Severity sev : kSeverityOrder) {
    int n = 0;
    for (const auto& f : r.findings) n += f.severity == sev;
    if (n == 0) continue;
    out << "  " << c.Of(sev) << SeverityName(sev) << (n == 1 ? "" : "s") << " (" << n << ")"
        << c.Reset() << "\n";
    for (const auto& f : r.findings) {
      if (f.severity != sev) continue;
      out << "    " << c.Bold() << CheckName(f.check) << c.Reset();
      std::string where = Location(f);
      if (!where.empty()) out << "  " << where;
      if (!f.path.empty()) out << "  " << P(JoinPath(f.path));
      out << "\n";
      if (!f.quote.empty()) {
        // A line break inside a quote (a PDF's wrapped line) reads as a space; any other control
        // character is shown escaped.
        std::string quote = f.quote;
        for (char& ch : quote) ch = ch == '\n' ? ' ' : ch;
        QuoteParts q = SplitQuote(quote, f.stated);
        out << "      「" << P(q.before);
        if (!q.figure.empty()) {
          out << c.Of(sev) << "【" << P(q.figure) << "】" << c.Reset() << P(q.after);
        }
        out << "」\n";
      }
      if (!f.stated.empty() || !f.recomputed.empty()) {
        out << "      stated " << (f.stated.empty() ? "—" : P(f.stated)) << ", recomputed "
            << (f.recomputed.empty() ? "—" : P(f.recomputed)) << "\n";
      }
      if (!f.arithmetic.empty()) out << "      " << c.Dim() << P(f.arithmetic) << c.Reset() << "\n";
    }
  }
  if (!r.assessed) {
    // Nothing was checked: saying "0 errors" would read as clean.
    out << "  not assessed: " << P(r.note.empty() ? "no self-evaluation content found" : r.note)
        << "; coverage: " << CoverageLine(r) << "\n";
    return;
  }
  out << "  " << CountsLine(r) << "; coverage: " << CoverageLine(r) << "\n";
}

}  // namespace jixiao
