// Scoring rule sets of the forms, from rules/forms_*.rules (formset.NAME.*), and the choice of one
// for a form (forms.ruleset.detect.*, or forms.ruleset forced by a --rules file).
#include <re2/re2.h>

#include <sstream>

#include "audit/forms.h"

namespace jixiao::forms {

namespace {

// The text of a value rule: the pattern as written.
std::string Value(const Rules& rules, const std::string& name) {
  const auto v = rules.Texts(name);
  return v.empty() ? "" : std::string(v.front());
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, sep)) {
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// "0.8" → 4/5; "90" → 90; nullopt when not a decimal.
std::optional<mpq_class> Decimal(const std::string& s) {
  auto n = ParseNumber(s);
  if (!n || n->end != s.size()) return std::nullopt;
  return ValueOf(*n);
}

}  // namespace

std::optional<RuleSet> LoadRuleSet(const Rules& rules, const std::string& name) {
  std::string p = "formset." + name + ".";
  if (!rules.Has(p + "title")) return std::nullopt;
  RuleSet r;
  r.name = name;
  r.title = Value(rules, p + "title");
  r.denominator = Value(rules, p + "denominator");
  r.execution = Value(rules, p + "execution");
  for (const auto& kv : Split(Value(rules, p + "weights"), ',')) {
    auto colon = kv.find(':');
    if (colon == std::string::npos) continue;
    if (auto v = Decimal(kv.substr(colon + 1))) r.weights.emplace_back(kv.substr(0, colon), *v);
  }
  auto reverse = Split(Value(rules, p + "reverse"), ',');
  r.reverse_linear = r.reverse_inverse = false;
  for (const auto& v : reverse) {
    r.reverse_linear = r.reverse_linear || v == "linear";
    r.reverse_inverse = r.reverse_inverse || v == "inverse";
  }
  for (const auto& kv : Split(Value(rules, p + "qualitative"), ',')) {
    auto colon = kv.find(':');
    if (colon == std::string::npos) continue;
    auto v = Decimal(kv.substr(colon + 1));
    if (!v) continue;
    if (kv.compare(0, colon, "met") == 0) r.qual_met = *v;
    if (kv.compare(0, colon, "partly") == 0) r.qual_partly = *v;
  }
  for (const auto& kv : Split(Value(rules, p + "bands"), ',')) {
    auto colon = kv.find(':');
    if (colon == std::string::npos) continue;
    if (auto v = Decimal(kv.substr(colon + 1))) r.bands.emplace_back(*v, kv.substr(0, colon));
  }
  std::sort(r.bands.begin(), r.bands.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  r.reason_below_weight = Value(rules, p + "reason_below_weight") == "yes";
  if (auto v = Decimal(Value(rules, p + "reason_below_rate"))) r.reason_below_rate = *v / 100;
  r.zero_over_zero_convention = Value(rules, p + "zero_over_zero") == "convention";
  return r;
}

RuleSet ChooseRuleSet(const Rules& rules, const std::string& signature) {
  std::string forced = Value(rules, "forms.ruleset");
  if (!forced.empty()) {
    if (auto r = LoadRuleSet(rules, forced)) return *r;
  }
  for (const char* name : {"sichuan", "framework", "national"}) {
    for (const re2::RE2* re : rules.Get(std::string("forms.ruleset.detect.") + name)) {
      if (!RE2::PartialMatch(signature, *re)) continue;
      if (auto r = LoadRuleSet(rules, name)) return *r;
    }
  }
  if (auto r = LoadRuleSet(rules, "national")) return *r;
  RuleSet none;
  none.name = "national";
  none.title = "national defaults";
  return none;
}

}  // namespace jixiao::forms
