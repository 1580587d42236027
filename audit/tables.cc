// (Placeholder.)
#include "audit/outline.h"

namespace jixiao {

void ParseTables(const Document&, const Rules&, Outline*) {}

}  // namespace jixiao
