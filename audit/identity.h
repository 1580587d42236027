// The department and year a report is about, found in its own text (not its file name).
#ifndef JIXIAO_AUDIT_IDENTITY_H_
#define JIXIAO_AUDIT_IDENTITY_H_

#include <string>

#include "rules/rules.h"
#include "extract/document.h"

namespace jixiao {

struct Identity {
  std::string department;         // "" when not found
  std::string department_source;  // "title", "text" or ""
  int year = 0;                   // 0 when not found
  std::string year_source;        // "title", "text" or ""
};

Identity FindIdentity(const Document& doc, const Rules& rules);

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_IDENTITY_H_
