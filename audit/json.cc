// The JSON form of an audit result (the contract of `jixiao audit --format json`).
#include <nlohmann/json.hpp>

#include "audit/audit.h"

namespace jixiao {

namespace {

using ordered = nlohmann::ordered_json;

ordered CheckJson(const CheckResult& c, bool as_finding) {
  ordered j;
  j["check"] = CheckName(c.check);
  if (as_finding) {
    j["severity"] = SeverityName(c.severity);
  } else {
    j["result"] = VerdictName(c.verdict);
  }
  j["page"] = c.page;
  j["line"] = c.line;
  j["quote"] = c.quote;
  j["path"] = c.path;
  j["stated"] = c.stated;
  j["recomputed"] = c.recomputed;
  j["arithmetic"] = c.arithmetic;
  if (c.bbox) {
    j["bbox"] = {c.bbox->x0, c.bbox->y0, c.bbox->x1, c.bbox->y1};
  }
  return j;
}

}  // namespace

std::string ToJson(const AuditResult& r) {
  ordered j;
  j["document"] = r.document;
  j["path"] = r.path;
  j["department"] = r.department;
  j["department_source"] = r.department_source;
  j["year"] = r.year;
  j["year_source"] = r.year_source;
  j["pages"] = r.pages;
  j["kind"] = r.kind;
  j["assessed"] = r.assessed;
  j["note"] = r.note;
  j["parts"] = ordered::array();
  for (const auto& p : r.parts) {
    ordered o;
    o["kind"] = p.kind;
    o["first_page"] = p.first_page;
    o["last_page"] = p.last_page;
    o["title"] = p.title;
    o["project"] = p.project;
    o["department"] = p.department;
    o["unit"] = p.unit;
    o["code"] = p.code;
    o["year"] = p.year;
    o["assessed"] = p.assessed;
    j["parts"].push_back(std::move(o));
  }
  if (r.total) {
    j["total"] = {{"max", r.total->max}, {"score", r.total->score}, {"grade", r.total->grade},
                  {"page", r.total->page}, {"line", r.total->line}};
  } else {
    j["total"] = nullptr;
  }
  j["indicators"] = ordered::array();
  for (const auto& i : r.indicators) {
    ordered o;
    o["path"] = i.path;
    o["max"] = i.max.empty() ? ordered(nullptr) : ordered(i.max);
    o["score"] = i.score.empty() ? ordered(nullptr) : ordered(i.score);
    o["page"] = i.page;
    o["line"] = i.line;
    j["indicators"].push_back(std::move(o));
  }
  j["figures"] = ordered::array();
  for (const auto& f : r.figures) {
    j["figures"].push_back({{"name", f.name}, {"refers_year", f.refers_year}, {"value", f.value},
                            {"page", f.page}, {"line", f.line}});
  }
  j["checks"] = ordered::array();
  for (const auto& c : r.checks) j["checks"].push_back(CheckJson(c, false));
  j["findings"] = ordered::array();
  for (const auto& f : r.findings) j["findings"].push_back(CheckJson(f, true));
  j["coverage"] = {{"indicators", r.coverage.indicators},
                   {"with_max", r.coverage.with_max},
                   {"with_score", r.coverage.with_score},
                   {"checks_run", r.coverage.checks_run},
                   {"unread", r.coverage.unread},
                   {"nodes", r.coverage.nodes},
                   {"unbound", r.coverage.unbound}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace jixiao
