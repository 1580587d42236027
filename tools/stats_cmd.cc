// jixiao stats: per department and year, from a batch database (see docs/batch.md).
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "report/messages.h"
#include "report/printable.h"
#include "report/report.h"
#include "report/wrap.h"
#include "store/query.h"
#include "store/store.h"
#include "tools/cli_common.h"
#include "tools/commands.h"

namespace jixiao::cli {

int StoreCommands::RunStats() {
  if (projects_) return RunProjects();
  if (across_years_ || !unit_.empty() || !department_.empty() || year_ != 0) {
    return Fail("stats: --across-years, --department, --unit and --year go with --projects");
  }
  const Lang lang = GlobalUi().lang;
  auto store = Store::Open(db_, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status().message());
  auto stats = Stats(*store);
  if (!stats.ok()) return Fail(stats.status().message());
  auto coverage = [](const GroupStats& g) {
    return g.indicators == 0 ? std::string("-")
                             : fmt::format("{:.0f}%", 100.0 * g.with_score / g.indicators);
  };
  // One document: its score; several: the range (the JSON keeps every score).
  auto scores = [](const GroupStats& g) {
    if (g.scores.empty()) return std::string("-");
    if (g.scores.size() == 1) return g.scores[0];
    auto num = [](const std::string& s) { return std::strtod(s.c_str(), nullptr); };
    auto [lo, hi] =
        std::minmax_element(g.scores.begin(), g.scores.end(),
                            [&](const auto& a, const auto& b) { return num(a) < num(b); });
    return *lo == *hi ? *lo : *lo + "–" + *hi;
  };
  // Several documents of one department and year: likely the same report more than once.
  auto duplicates = [](const GroupStats& g) {
    return !g.department.empty() && g.year > 0 && g.documents - g.failed > 1
               ? g.documents - g.failed - 1
               : 0;
  };
  auto name = [&](const GroupStats& g) {
    if (g.department.empty() && g.failed == g.documents) {
      return std::string(lang == Lang::kZh ? "（无法读取）" : "(unreadable)");
    }
    return g.department.empty() ? std::string(lang == Lang::kZh ? "（部门不明）" : "(unknown)")
                                : Printable(g.department);
  };
  int flagged = 0;
  std::vector<int> width = {24, 5, 5, 6, 6, 13, 6, 6, 5, 5, 8, 7, 6, 5};
  Status s = ToOutput(output_, db_, [&](std::ostream& out) {
    const Msg kCols[] = {Msg::kColDepartment, Msg::kColYear,     Msg::kColDocs,
                         Msg::kColFailed,     Msg::kColPages,    Msg::kColScore,
                         Msg::kColErrors,     Msg::kColWarnings, Msg::kColInfos,
                         Msg::kColCrossYear,  Msg::kColCoverage, Msg::kColChecksRun,
                         Msg::kColNotAssessed, Msg::kColDuplicates};
    if (format_ == "csv") {
      out << "\xEF\xBB\xBF";
      const Msg kCsv[] = {
          Msg::kColDepartment, Msg::kColYear,      Msg::kColDocs,       Msg::kColFailed,
          Msg::kColPages,      Msg::kColScore,     Msg::kColErrors,     Msg::kColWarnings,
          Msg::kColInfos,      Msg::kColCrossYear, Msg::kColIndicators, Msg::kColWithMax,
          Msg::kColWithScore,  Msg::kColChecksRun, Msg::kColUnread,     Msg::kColNotAssessed,
          Msg::kColDuplicates};
      for (size_t i = 0; i < std::size(kCsv); ++i)
        out << (i ? "," : "") << CsvField(Tr(lang, kCsv[i]));
      out << "\r\n";
    } else if (format_ == "text") {
      std::vector<std::string> h;
      for (Msg m : kCols) h.push_back(Tr(lang, m));
      for (size_t i = 0; i < h.size(); ++i) {
        width[i] = std::max(width[i], DisplayWidth(h[i]));
        out << (i ? " " : "") << Pad(h[i], width[i], i > 0);
      }
      out << "\n";
    }
    for (const GroupStats& g : *stats) {
      flagged += duplicates(g) > 0;
      if (format_ == "json") {
        nlohmann::ordered_json j = {{"department", g.department},
                                    {"year", g.year},
                                    {"documents", g.documents},
                                    {"failed", g.failed},
                                    {"pages", g.pages},
                                    {"scores", g.scores},
                                    {"errors", g.errors},
                                    {"warnings", g.warnings},
                                    {"infos", g.infos},
                                    {"cross_year", g.cross_year},
                                    {"coverage",
                                     {{"indicators", g.indicators},
                                      {"with_max", g.with_max},
                                      {"with_score", g.with_score},
                                      {"checks_run", g.checks_run},
                                      {"unread", g.unread}}},
                                    {"not_assessed", g.unassessed},
                                    {"duplicates", duplicates(g)}};
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      } else if (format_ == "csv") {
        out << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
                           CsvField(g.department), g.year ? std::to_string(g.year) : "",
                           g.documents, g.failed, g.pages, CsvField(scores(g)), g.errors,
                           g.warnings, g.infos, g.cross_year, g.indicators, g.with_max,
                           g.with_score, g.checks_run, g.unread, g.unassessed, duplicates(g));
      } else {
        const std::string cells[] = {name(g),
                                     g.year ? std::to_string(g.year) : "-",
                                     std::to_string(g.documents),
                                     std::to_string(g.failed),
                                     std::to_string(g.pages),
                                     Printable(scores(g)),
                                     std::to_string(g.errors),
                                     std::to_string(g.warnings),
                                     std::to_string(g.infos),
                                     std::to_string(g.cross_year),
                                     coverage(g),
                                     std::to_string(g.checks_run),
                                     std::to_string(g.unassessed),
                                     duplicates(g) ? "⚠ " + std::to_string(duplicates(g)) : ""};
        std::string line;
        for (size_t i = 0; i < std::size(cells); ++i) {
          line += (i ? " " : "") + Pad(cells[i], width[i], i > 0);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << "\n";
      }
    }
    if (format_ == "text" && flagged > 0) {
      out << (lang == Lang::kZh
                  ? fmt::format("注意：{} 个部门年度有多份文档（⚠：可能重复提交，请核对）\n",
                                flagged)
                  : fmt::format("note: {} department-years have several documents (⚠: possibly "
                                "the same report more than once)\n",
                                flagged));
    }
  });
  if (!s.ok()) return Fail(s.message());
  return 0;
}

}  // namespace jixiao::cli
