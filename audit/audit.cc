// Audit: outline → checks → findings. (Placeholder until the audit core lands.)
#include "audit/audit.h"

namespace jixiao {

int AuditResult::errors() const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == Severity::kError;
  return n;
}

int AuditResult::warnings() const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == Severity::kWarning;
  return n;
}

AuditResult Audit(const Document& doc, const Rules&) {
  AuditResult r;
  r.document = doc.name;
  r.path = doc.path;
  r.pages = static_cast<int>(doc.pages.size());
  return r;
}

}  // namespace jixiao
