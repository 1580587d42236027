// Fuzz target: rule-file parsing (Rules::AddText). Errors are fine; crashes and hangs are not.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jixiao::Rules rules;
  jixiao::Status s =
      rules.AddText(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.rules");
  if (!s.ok() && s.message().rfind("fuzz.rules", 0) != 0) __builtin_trap();  // must name the file
  (void)rules.Version();
  return 0;
}
