// (Placeholder.)
#include "audit/outline.h"

namespace jixiao {

void ParseClaims(const Document&, const Rules&, Outline*) {}

}  // namespace jixiao
