// jixiao stats --projects [--across-years]: the forms of a batch database (docs/batch.md, "Forms").
#include <fmt/format.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "report/messages.h"
#include "report/printable.h"
#include "report/report.h"
#include "report/wrap.h"
#include "store/project_sums.h"
#include "store/projects.h"
#include "store/store.h"
#include "tools/cli_common.h"
#include "tools/commands.h"

namespace jixiao::cli {

namespace {

std::string Dash(const std::string& s) { return s.empty() ? "-" : Printable(s); }

std::string Spent(const FormListRow& f) { return f.spent.empty() ? "" : f.spent + f.funds_unit; }

std::string Pages(const FormListRow& f) {
  return f.first_page == f.last_page ? fmt::format("p.{}", f.first_page)
                                     : fmt::format("p.{}-{}", f.first_page, f.last_page);
}

std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::ordered_json FormJson(const FormListRow& f) {
  return {{"file", f.path},          {"document", f.document},
          {"part", f.seq},           {"kind", f.kind},
          {"department", f.department}, {"unit", f.unit},
          {"year", f.year},          {"code", f.code},
          {"project", f.project},    {"first_page", f.first_page},
          {"last_page", f.last_page}, {"total_score", f.total_score},
          {"total_max", f.total_max}, {"budget", f.budget},
          {"spent", f.spent},        {"funds_unit", f.funds_unit},
          {"rate", f.rate},          {"errors", f.errors},
          {"warnings", f.warnings},  {"infos", f.infos}};
}

// What a sum.projects outcome says, in `lang`.
std::string OutcomeText(const ProjectSum& s, Lang lang) {
  const bool zh = lang == Lang::kZh;
  using O = ProjectSum::Outcome;
  switch (s.outcome) {
    case O::kPass:
    case O::kFail:
      return Printable(s.arithmetic) + " (" + Printable(s.report_path) + ")";
    case O::kNoReport:
      return zh ? "未核对：批量中没有该部门该年度的部门报告" : "not made: no department report of this year in the batch";
    case O::kNoFigure:
      return zh ? "未核对：部门报告未明确列出项目支出决算数"
                : "not made: the report states no 项目支出 (决算) figure that could be read with certainty";
    case O::kNoForms:
      return zh ? "未核对：批量中没有该部门该年度的项目支出绩效自评表"
                : "not made: no project form of this department and year in the batch";
    case O::kNoneRead:
      return zh ? "未核对：各项目表的全年执行数（及其单位）均未读出"
                : "not made: no project form's 全年执行数 (with its unit) could be read";
  }
  return "";
}

}  // namespace

int StoreCommands::RunProjects() {
  const Lang lang = GlobalUi().lang;
  const bool zh = lang == Lang::kZh;
  auto store = Store::Open(db_, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status().message());
  FormFilter filter{department_, unit_, year_};
  auto forms = ListForms(*store, filter);
  if (!forms.ok()) return Fail(forms.status().message());
  if (forms->empty() && (!department_.empty() || !unit_.empty() || year_ != 0)) {
    return Fail(db_ + ": no form matches the filter (--department, --unit, --year)");
  }

  if (across_years_) {
    auto projects = ProjectsAcrossYears(*store, filter);
    if (!projects.ok()) return Fail(projects.status().message());
    Status s = ToOutput(output_, db_, [&](std::ostream& out) {
      if (format_ == "csv") {
        out << "\xEF\xBB\xBF";
        const Msg cols[] = {Msg::kColProject, Msg::kColCode,  Msg::kColDepartment,
                            Msg::kColUnit,    Msg::kColYear,  Msg::kColScore,
                            Msg::kColMax,     Msg::kColBudget, Msg::kColSpent,
                            Msg::kColRate,    Msg::kColErrors, Msg::kColWarnings,
                            Msg::kColFile};
        for (size_t i = 0; i < std::size(cols); ++i)
          out << (i ? "," : "") << CsvField(Tr(lang, cols[i]));
        out << "\r\n";
      }
      for (const ProjectHistory& h : *projects) {
        if (format_ == "json") {
          nlohmann::ordered_json years = nlohmann::ordered_json::array();
          for (const auto& y : h.years) years.push_back(FormJson(y));
          out << Dump({{"project", h.project},
                       {"code", h.code},
                       {"matched_by", h.by},
                       {"department", h.department},
                       {"unit", h.unit},
                       {"years", years}})
              << "\n";
          continue;
        }
        if (format_ == "csv") {
          for (const auto& y : h.years) {
            out << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", CsvField(h.project),
                               CsvField(h.code), CsvField(h.department), CsvField(y.unit), y.year,
                               CsvField(y.total_score), CsvField(y.total_max),
                               CsvField(y.budget), CsvField(Spent(y)), CsvField(y.rate),
                               y.errors, y.warnings, CsvField(y.path));
          }
          continue;
        }
        out << Printable(h.project) << (h.code.empty() ? "" : " [" + Printable(h.code) + "]")
            << "  " << Dash(h.department)
            << (h.by == "code" ? (zh ? "（按项目编码）" : " (by code)")
                               : (zh ? "（按项目名称）" : " (by name)"))
            << "\n";
        std::string previous;
        for (const auto& y : h.years) {
          std::string line = fmt::format(
              "  {}  {} {}/{}  {} {}  {} {}  {} {}", y.year, Tr(lang, Msg::kColScore),
              Dash(y.total_score), Dash(y.total_max), Tr(lang, Msg::kColRate), Dash(y.rate),
              Tr(lang, Msg::kColSpent), Dash(Spent(y)), Tr(lang, Msg::kColErrors), y.errors);
          if (!previous.empty() && !y.total_score.empty()) {
            double d = std::strtod(y.total_score.c_str(), nullptr) -
                       std::strtod(previous.c_str(), nullptr);
            line += fmt::format("  Δ {:+.2f}", d);
          }
          out << line << "  " << Printable(y.path) << ":" << Pages(y) << "\n";
          previous = y.total_score;
        }
      }
      if (format_ == "text" && projects->empty()) {
        out << (zh ? "没有在两个以上年度出现的项目\n" : "no project found in more than one year\n");
      }
    });
    if (!s.ok()) return Fail(s.message());
    return 0;
  }

  auto sums = ProjectSums(*store, department_, year_);
  if (!sums.ok()) return Fail(sums.status().message());
  const Msg cols[] = {Msg::kColDepartment, Msg::kColUnit,  Msg::kColYear,
                      Msg::kColCode,       Msg::kColProject, Msg::kColScore,
                      Msg::kColMax,        Msg::kColErrors, Msg::kColWarnings,
                      Msg::kColSpent,      Msg::kColRate,  Msg::kColFile};
  Status s = ToOutput(output_, db_, [&](std::ostream& out) {
    std::vector<int> width = {20, 20, 4, 8, 28, 5, 5, 6, 6, 10, 8, 0};
    if (format_ == "csv") {
      out << "\xEF\xBB\xBF";
      for (size_t i = 0; i < std::size(cols); ++i)
        out << (i ? "," : "") << CsvField(Tr(lang, cols[i]));
      out << "," << CsvField(Tr(lang, Msg::kColKind)) << "," << CsvField(Tr(lang, Msg::kColPages))
          << "\r\n";
    } else if (format_ == "text") {
      std::string line;
      for (size_t i = 0; i < std::size(cols); ++i) {
        const std::string h = Tr(lang, cols[i]);
        width[i] = std::max(width[i], DisplayWidth(h));
        line += (i ? " " : "") + Pad(h, width[i], i >= 5 && i <= 8);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << "\n";
    }
    for (const FormListRow& f : *forms) {
      if (format_ == "json") {
        nlohmann::ordered_json j = {{"record", "form"}};
        j.update(FormJson(f));
        out << Dump(j) << "\n";
      } else if (format_ == "csv") {
        out << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", CsvField(f.department),
                           CsvField(f.unit), f.year ? std::to_string(f.year) : "",
                           CsvField(f.code), CsvField(f.project), CsvField(f.total_score),
                           CsvField(f.total_max), f.errors, f.warnings, CsvField(Spent(f)),
                           CsvField(f.rate), CsvField(f.path), CsvField(f.kind),
                           CsvField(Pages(f)));
      } else {
        const std::string cells[] = {Dash(f.department), Dash(f.unit),
                                     f.year ? std::to_string(f.year) : "-",
                                     Dash(f.code), Dash(f.project), Dash(f.total_score),
                                     Dash(f.total_max), std::to_string(f.errors),
                                     std::to_string(f.warnings), Dash(Spent(f)), Dash(f.rate),
                                     Printable(f.path) + ":" + Pages(f)};
        std::string line;
        for (size_t i = 0; i < std::size(cells); ++i)
          line += (i ? " " : "") + Pad(cells[i], width[i], i >= 5 && i <= 8);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << "\n";
      }
    }
    // The batch check of each department and year: made, or why not (coverage).
    if (format_ == "csv") return;
    if (format_ == "text" && !sums->empty())
      out << "\n" << (zh ? "项目执行数之和 ≤ 部门报告项目支出（sum.projects）：\n"
                         : "Σ project 全年执行数 ≤ the report's 项目支出 (sum.projects):\n");
    for (const ProjectSum& p : *sums) {
      if (format_ == "json") {
        out << Dump({{"record", "sum.projects"},
                     {"department", p.department},
                     {"year", p.year},
                     {"outcome", OutcomeName(p.outcome)},
                     {"forms", p.forms},
                     {"forms_read", p.forms_read},
                     {"sum", p.sum},
                     {"stated", p.stated},
                     {"report", p.report_path},
                     {"arithmetic", p.arithmetic}})
            << "\n";
        continue;
      }
      const bool made = p.outcome == ProjectSum::Outcome::kPass ||
                        p.outcome == ProjectSum::Outcome::kFail;
      out << "  " << Printable(p.department) << " " << p.year << ": "
          << (made ? (p.outcome == ProjectSum::Outcome::kFail ? Tr(lang, Msg::kSevError)
                                                               : (zh ? "通过" : "pass"))
                   : "")
          << (made ? " — " : "") << OutcomeText(p, lang) << "\n";
    }
  });
  if (!s.ok()) return Fail(s.message());
  return 0;  // like stats: the findings themselves are `report`'s (exit 1 there)
}

}  // namespace jixiao::cli
