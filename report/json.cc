// JSON lines: the audit's own JSON (audit/json.cc, the contract) with the export keys added.
#include <nlohmann/json.hpp>

#include "report/finding_text.h"
#include "report/writers.h"

namespace jixiao {

namespace {

using ordered = nlohmann::ordered_json;

ordered ProvenanceJson(const Provenance& p) {
  return {{"jixiao", p.jixiao}, {"rules", p.rules}, {"run_at", p.run_at}};
}

std::string Dump(const ordered& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void WriteJson(const ReportSet& set, std::ostream& out) {
  for (const auto& d : set.documents) {
    ordered j = ordered::parse(ToJson(d.result));
    j["schema_version"] = kJsonSchemaVersion;
    j["sha256"] = d.sha256;
    j["audited_at"] = d.audited_at;
    j["provenance"] = ProvenanceJson(set.provenance);
    if (j.contains("findings") && j["findings"].is_array()) {
      auto& findings = j["findings"];
      for (size_t i = 0; i < findings.size() && i < d.result.findings.size(); ++i) {
        FindingExtra e = ExtraOf(d, i);
        findings[i]["fingerprint"] = e.fingerprint;
        findings[i]["decision"] = e.review.decision.empty() ? "open" : e.review.decision;
        if (!e.review.decision.empty()) {
          findings[i]["review"] = {{"why", e.review.why}, {"by", e.review.by}, {"at", e.review.at}};
        }
        if (!e.other_file.empty()) {
          findings[i]["other_file"] = e.other_file;
          findings[i]["other_page"] = e.other_page;
          findings[i]["other_line"] = e.other_line;
          findings[i]["other_quote"] = e.other_quote;
        }
      }
    }
    out << Dump(j) << "\n";
  }
  for (const auto& f : set.failed) {
    ordered j = {{"schema_version", kJsonSchemaVersion},
                 {"path", f.path},
                 {"error", f.reason},
                 {"provenance", ProvenanceJson(set.provenance)}};
    out << Dump(j) << "\n";
  }
}

}  // namespace jixiao
