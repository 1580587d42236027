// The catalogue itself: one row per message, Chinese then English, in the order of enum Msg.
#include "report/messages.h"

#include <array>
#include <cstdlib>
#include <string_view>

namespace jixiao {

namespace {

struct Entry {
  Msg id;
  const char* zh;
  const char* en;
};

constexpr Entry kMessages[] = {
    {Msg::kColFile, "文件", "file"},
    {Msg::kColDocument, "文档", "document"},
    {Msg::kColDepartment, "部门", "department"},
    {Msg::kColYear, "年度", "year"},
    {Msg::kColCheck, "检查项", "check"},
    {Msg::kColSeverity, "级别", "severity"},
    {Msg::kColPage, "页", "page"},
    {Msg::kColLine, "行", "line"},
    {Msg::kColPath, "指标路径", "path"},
    {Msg::kColStated, "填报值", "stated"},
    {Msg::kColRecomputed, "复算值", "recomputed"},
    {Msg::kColArithmetic, "算式", "arithmetic"},
    {Msg::kColQuote, "原文", "quote"},
    {Msg::kColOtherFile, "对照文件", "other_file"},
    {Msg::kColOtherPage, "对照页", "other_page"},
    {Msg::kColOtherLine, "对照行", "other_line"},
    {Msg::kColFingerprint, "问题编号", "fingerprint"},
    {Msg::kColDecision, "复核结论", "decision"},
    {Msg::kColWhy, "复核说明", "why"},
    {Msg::kColDecidedBy, "复核人", "decided_by"},
    {Msg::kColDecidedAt, "复核时间", "decided_at"},
    {Msg::kColSha256, "文件SHA-256", "sha256"},
    {Msg::kColJixiao, "jixiao版本", "jixiao"},
    {Msg::kColRules, "规则摘要", "rules"},
    {Msg::kColRunAt, "审核时间", "run_at"},
    {Msg::kColPages, "页数", "pages"},
    {Msg::kColScore, "自评得分", "score"},
    {Msg::kColMax, "满分", "max"},
    {Msg::kColGrade, "等级", "grade"},
    {Msg::kColErrors, "错误", "errors"},
    {Msg::kColWarnings, "警告", "warnings"},
    {Msg::kColInfos, "提示", "infos"},
    {Msg::kColIndicators, "指标数", "indicators"},
    {Msg::kColWithMax, "有分值", "with_max"},
    {Msg::kColWithScore, "有得分", "with_score"},
    {Msg::kColChecksRun, "已核对", "checks_run"},
    {Msg::kColUnread, "未读", "unread"},
    {Msg::kColStatus, "结果", "status"},
    {Msg::kColReason, "原因", "reason"},
    {Msg::kColDocs, "文档数", "documents"},
    {Msg::kColFailed, "失败", "failed"},
    {Msg::kColCrossYear, "跨年", "cross_year"},
    {Msg::kColCoverage, "覆盖率", "coverage"},
    {Msg::kColNotAssessed, "未评估", "not_assessed"},
    {Msg::kColDuplicates, "重复", "duplicates"},
    {Msg::kColUnit, "实施单位", "unit"},
    {Msg::kColCode, "项目编码", "code"},
    {Msg::kColProject, "项目名称", "project"},
    {Msg::kColKind, "类型", "kind"},
    {Msg::kColBudget, "全年预算数", "budget"},
    {Msg::kColSpent, "全年执行数", "spent"},
    {Msg::kColRate, "执行率", "rate"},
    {Msg::kColFindingsCount, "问题数", "findings"},
    {Msg::kColOutcome, "核对结果", "outcome"},
    {Msg::kColSum, "项目执行数之和", "sum"},
    {Msg::kColForms, "项目数", "forms"},
    {Msg::kColFormsRead, "已读执行数", "forms_read"},
    {Msg::kSevError, "错误", "error"},
    {Msg::kSevWarning, "警告", "warning"},
    {Msg::kSevInfo, "提示", "info"},
    {Msg::kStatusErrors, "有错误", "errors"},
    {Msg::kStatusWarnings, "有警告", "warnings"},
    {Msg::kStatusClean, "无问题", "clean"},
    {Msg::kStatusFailed, "无法读取", "failed"},
    {Msg::kStatusNotAssessed, "未评估", "not assessed"},
    {Msg::kNoContent, "未找到自评内容", "no self-evaluation content found"},
    {Msg::kDecisionOpen, "待复核", "open"},
    {Msg::kDecisionAccepted, "已确认", "accepted"},
    {Msg::kDecisionDismissed, "已排除", "dismissed"},
    {Msg::kPage, "第{}页", "p.{}"},
    {Msg::kLine, "第{}行", "line {}"},
    {Msg::kTotal, "总分", "total"},
    {Msg::kStated, "填报", "stated"},
    {Msg::kRecomputed, "复算", "recomputed"},
    {Msg::kFindings, "问题", "findings"},
    {Msg::kNoFindings, "未发现问题。", "No findings."},
    {Msg::kCoverage, "覆盖", "coverage"},
    {Msg::kUnreadable, "无法读取的文件", "Files that could not be read"},
    {Msg::kScoreTree, "评分表", "Score tree"},
    {Msg::kPages, "页面", "Pages"},
    {Msg::kNoIndicators, "未读到指标行。", "No indicator rows were read."},
    {Msg::kWholePage, "整页", "whole page"},
    {Msg::kSumChildrenMax, "下级分值合计", "Σ children max"},
    {Msg::kSumChildrenScore, "下级得分合计", "Σ children score"},
    {Msg::kIndicator, "指标", "indicator"},
    {Msg::kFirstLevelSum, "一级指标合计", "sum of the first-level indicators"},
    {Msg::kAnnotatedBy, "由 jixiao 标注", "annotated by jixiao"},
    {Msg::kDocumentsTitle, "文档", "Documents"},
    {Msg::kSearch, "搜索", "search"},
    {Msg::kAllChecks, "全部检查项", "all checks"},
    {Msg::kAllSeverities, "全部级别", "all severities"},
    {Msg::kAllDepartments, "全部部门", "all departments"},
    {Msg::kAllYears, "全部年度", "all years"},
    {Msg::kByCheck, "按检查项", "By check"},
    {Msg::kBySeverity, "按级别", "By severity"},
    {Msg::kByDepartment, "按部门", "By department"},
    {Msg::kByYear, "按年度", "By year"},
    {Msg::kProvenance, "出处", "Provenance"},
    {Msg::kTitle, "jixiao 绩效自评报告审核", "jixiao performance self-evaluation audit"},
    {Msg::kNoDocuments, "没有文档。", "No documents."},
    {Msg::kGrandTotal, "合计", "total"},
    {Msg::kOperands, "算式所用数字", "figures used"},
};

constexpr bool InOrder() {
  for (size_t i = 0; i < std::size(kMessages); ++i) {
    if (static_cast<size_t>(kMessages[i].id) != i) return false;
  }
  return std::size(kMessages) == static_cast<size_t>(Msg::kCount);
}
static_assert(InOrder(), "kMessages must list every Msg once, in enum order");

struct Meaning {
  CheckId id;
  const char* zh;
  const char* en;
};

constexpr Meaning kMeanings[] = {
    {CheckId::kScoreChildrenSum, "下级指标自评得分之和与上级指标得分不符",
     "the children's self-scores do not add up to the parent's"},
    {CheckId::kScoreChildrenMax, "下级指标分值之和与上级指标分值不符",
     "the children's max points do not add up to the parent's"},
    {CheckId::kScoreTotal, "一级指标得分（或分值）之和与所填总分不符",
     "the first-level scores (or max points) do not add up to the stated total"},
    {CheckId::kScoreRestated, "同一指标的分值或得分前后表述不一致",
     "one indicator's max or score is stated twice, differently"},
    {CheckId::kScoreGrade, "评价等级与得分不符", "the grade does not fit the score"},
    {CheckId::kScoreRange, "得分超出分值或为负数", "a score above its max, or negative"},
    {CheckId::kScoreFromRate, "得分与其完成率及评分规则不符",
     "a score that does not follow from its rate and rule"},
    {CheckId::kRateRatio, "比率与其分子、分母不符",
     "a rate that is not its numerator / denominator"},
    {CheckId::kSumBreakdown, "“其中”各项之和与合计数不符",
     "the 其中 components do not add up to the total"},
    {CheckId::kTableRow, "表格行复算不符", "a table row that does not recompute"},
    {CheckId::kTableColumn, "合计行不等于该列之和", "a 合计 row that is not the column sum"},
    {CheckId::kFigureRestated, "同一金额或数量前后表述不一致",
     "one amount or count stated twice, differently"},
    {CheckId::kChangeYoy, "比上年增减与两年数字不符",
     "比上年 changes that do not match the two years' figures"},
    {CheckId::kUnitScale, "同一金额以元和万元表述不一致",
     "one amount in 万元 and 元 inconsistently"},
    {CheckId::kClaimContradiction, "表述与报告自身数字矛盾",
     "a claim contradicted by the report's own figures"},
    {CheckId::kParseUnread, "形似评分或数字但未能读取的内容（提示）",
     "(info) a part that looks like scores or figures but was not read"},
    {CheckId::kChangeCrossYear, "上年数字与上年报告不符（批量）",
     "(batch) last year's figure differs from last year's report"},
    {CheckId::kScoreReasonMissing, "表格规则要求填写偏差原因但未填写",
     "a form's rule requires a 偏差原因 and the cell is empty"},
    {CheckId::kSumProjects, "部门各项目支出绩效自评表全年执行数之和超过部门报告的项目支出决算数（批量）",
     "(batch) Σ 全年执行数 of a department's project forms exceeds the 项目支出 (决算) of its report"},
};
static_assert(std::size(kMeanings) == kNumCheckIds, "one meaning per check id");

bool StartsWithEn(const char* v) { return v != nullptr && v[0] == 'e' && v[1] == 'n'; }

}  // namespace

std::optional<Lang> ParseLang(const std::string& name) {
  std::string_view n(name);
  if (n.substr(0, 2) == "zh") return Lang::kZh;
  if (n.substr(0, 2) == "en") return Lang::kEn;
  return std::nullopt;
}

Lang ChooseLang(const std::string& flag) {
  if (auto l = ParseLang(flag)) return *l;
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v == nullptr || *v == '\0') continue;
    return StartsWithEn(v) ? Lang::kEn : Lang::kZh;
  }
  return Lang::kZh;
}

const char* Tr(Lang lang, Msg m) {
  const Entry& e = kMessages[static_cast<size_t>(m)];
  return lang == Lang::kZh ? e.zh : e.en;
}

std::string CountOf(Lang lang, long n, Msg what) {
  if (lang == Lang::kZh) {
    switch (what) {
      case Msg::kSevError:
        return std::to_string(n) + " 个错误";
      case Msg::kSevWarning:
        return std::to_string(n) + " 个警告";
      case Msg::kSevInfo:
        return std::to_string(n) + " 个提示";
      case Msg::kFindings:
        return std::to_string(n) + " 个问题";
      case Msg::kColDocs:
        return std::to_string(n) + " 份文档";
      case Msg::kColPages:
        return std::to_string(n) + " 页";
      case Msg::kColIndicators:
        return std::to_string(n) + " 个指标";
      default:
        return std::to_string(n) + " " + Tr(lang, what);
    }
  }
  const char* singular = "item";
  switch (what) {
    case Msg::kSevError:
      singular = "error";
      break;
    case Msg::kSevWarning:
      singular = "warning";
      break;
    case Msg::kSevInfo:
      singular = "info";
      break;
    case Msg::kFindings:
      singular = "finding";
      break;
    case Msg::kColDocs:
      singular = "document";
      break;
    case Msg::kColPages:
      singular = "page";
      break;
    case Msg::kColIndicators:
      singular = "indicator";
      break;
    default:
      break;
  }
  return std::to_string(n) + " " + singular + (n == 1 ? "" : "s");
}

const char* CheckMeaning(Lang lang, CheckId id) {
  for (const Meaning& m : kMeanings) {
    if (m.id == id) return lang == Lang::kZh ? m.zh : m.en;
  }
  return "";
}

const char* SeverityWord(Lang lang, Severity s) {
  switch (s) {
    case Severity::kError:
      return Tr(lang, Msg::kSevError);
    case Severity::kWarning:
      return Tr(lang, Msg::kSevWarning);
    case Severity::kInfo:
      return Tr(lang, Msg::kSevInfo);
  }
  return "";
}

}  // namespace jixiao
