// (Placeholder.)
#include "audit/outline.h"

namespace jixiao {

void ParseFigures(const Document&, const Rules&, Outline*) {}

}  // namespace jixiao
