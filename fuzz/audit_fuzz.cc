// Fuzz target: the whole audit of a text. The input is read as a .txt file would be (pages split on
// lines that begin with a space), normalized, audited with the built-in rules and written as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "audit/audit.h"
#include "rules/rules.h"
#include "extract/extract_internal.h"
#include "extract/normalize.h"

namespace {

const jixiao::Rules& BuiltinRules() {
  static const jixiao::Rules* rules = [] {
    auto r = jixiao::Rules::Builtin();
    if (!r.ok()) std::abort();  // jixiao's own rules must compile
    return new jixiao::Rules(std::move(r).value());
  }();
  return *rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const jixiao::Rules& rules = BuiltinRules();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto pages = jixiao::internal::ReadTextPages("fuzz.txt", bytes, jixiao::ExtractOptions{});
  if (!pages.ok()) return 0;
  jixiao::Document doc;
  doc.path = "fuzz.txt";
  doc.name = "fuzz";
  doc.pages = std::move(pages).value();
  jixiao::Normalize(&doc);
  jixiao::AuditResult result = jixiao::Audit(doc, rules);
  (void)jixiao::ToJson(result);
  (void)jixiao::DumpOutline(doc, rules);
  return 0;
}
