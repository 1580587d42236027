// jixiao review (record a decision on a finding) and jixiao checks (what each check id means).
#include <iostream>
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/review_file.h"
#include "store/load.h"
#include "store/reviews.h"
#include "tools/cli_common.h"
#include "tools/commands.h"

namespace jixiao::cli {

void AddReviewCommands(CLI::App& app, ReviewArgs* a, CLI::App** review, CLI::App** checks) {
  auto* r = app.add_subcommand("review", "record a decision on a finding: accepted or dismissed");
  auto* db = r->add_option("--db", a->db, "the batch database the finding is in");
  r->add_option("--reviews", a->reviews,
                "a reviews file (JSON lines) for `jixiao audit --reviews`, appended to")
      ->excludes(db);
  r->add_option("ID", a->id, "the finding's fingerprint (the #… after it in report and audit)")
      ->required();
  auto* acc = r->add_flag("--accept", a->accept, "the finding is a real problem");
  r->add_flag("--dismiss", a->dismiss, "the finding is not a problem (explain with --why)")
      ->excludes(acc);
  r->add_option("--why", a->why, "the reason, in words")->required();
  r->add_option("--by", a->by, "who decides (default: $USER)");
  *review = r;

  auto* c = app.add_subcommand("checks", "list every check id with its meaning");
  c->add_option("--format", a->checks_format, "output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  *checks = c;
}

int RunReview(const ReviewArgs& a) {
  if (!a.accept && !a.dismiss) return Fail("review: give --accept or --dismiss");
  if (a.db.empty() && a.reviews.empty()) return Fail("review: give --db DB or --reviews FILE");
  Review r;
  r.decision = a.accept ? "accepted" : "dismissed";
  r.why = a.why;
  r.by = a.by;
  if (r.by.empty()) {
    const char* user = std::getenv("USER");
    r.by = user != nullptr ? user : "";
  }
  r.at = UtcTime();
  std::string id = a.id;
  if (!id.empty() && id[0] == '#') id.erase(0, 1);
  const bool zh = GlobalUi().lang == Lang::kZh;
  if (!a.reviews.empty()) {
    Status s = AppendReviewFile(a.reviews, id, r);
    if (!s.ok()) return Fail(s.message());
    std::cerr << "jixiao: " << id << " " << r.decision << (zh ? "，已记入 " : ", recorded in ")
              << a.reviews << "\n";
    return 0;
  }
  auto store = Store::Open(a.db);
  if (!store.ok()) return Fail(store.status().message());
  auto reports = LoadReports(*store, FindingFilter{});
  if (!reports.ok()) return Fail(reports.status().message());
  for (const auto& d : *reports) {
    const std::vector<std::string> fps = Fingerprints(d.result, d.hash);
    for (size_t i = 0; i < fps.size(); ++i) {
      if (fps[i] != id) continue;
      ReviewRecord rec{id, r.decision, r.why, r.by, r.at, d.rows[i].check, d.hash};
      Status s = RecordReview(*store, rec);
      if (!s.ok()) return Fail(s.message());
      std::cerr << "jixiao: " << id << " (" << rec.check << ", " << d.result.path << ") "
                << r.decision << "\n";
      return 0;
    }
  }
  return Fail(a.db + ": no finding " + id + " (`jixiao report --db " + a.db +
              " --all` lists every finding with its id)");
}

int RunChecks(const ReviewArgs& a) {
  const Lang lang = GlobalUi().lang;
  for (int i = 0; i < kNumCheckIds; ++i) {
    auto id = static_cast<CheckId>(i);
    if (a.checks_format == "json") {
      nlohmann::ordered_json j = {{"check", CheckName(id)},
                                  {"zh", CheckMeaning(Lang::kZh, id)},
                                  {"en", CheckMeaning(Lang::kEn, id)}};
      std::cout << j.dump() << "\n";
    } else {
      std::cout << CheckName(id) << std::string(22 - std::string(CheckName(id)).size(), ' ')
                << CheckMeaning(lang, id) << "\n";
    }
  }
  return 0;
}

}  // namespace jixiao::cli
