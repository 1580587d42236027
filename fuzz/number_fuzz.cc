// Fuzz target: figures as written (ParseNumber at the start of the input, FindNumbers over all of it).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/number.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto n = jixiao::ParseNumber(s)) {
    (void)n->Plain();
    (void)n->ToDouble();
    if (n->begin > n->end || n->end > s.size()) __builtin_trap();
  }
  for (const jixiao::Number& n : jixiao::FindNumbers(s)) {
    if (n.begin > n.end || n.end > s.size()) __builtin_trap();
    (void)n.Plain();
    (void)jixiao::UnitName(n.unit);
  }
  return 0;
}
