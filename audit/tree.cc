// (Placeholder.)
#include "audit/outline.h"

namespace jixiao {

void ParseTree(const Document&, const Rules&, Outline*) {}

}  // namespace jixiao
