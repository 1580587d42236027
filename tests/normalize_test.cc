// Normalization: character folding, LaTeX, page furniture, wrapped lines and split numbers.
#include "extract/normalize.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/test_util.h"

namespace jixiao {

TEST_CASE("FoldText folds characters", "[normalize]") {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"２０２４年", "2024年"},
      {"完成率９０．９４％", "完成率90.94%"},
      {"（分值 1.5分，自评得 1.5分）", "(分值 1.5分，自评得 1.5分)"},
      {"决 算 数", "决算数"},
      {"自评得　３　分", "自评得 3 分"},
      {"①预算编制", "①预算编制"},             // circled numbers stay markers
      {"甲，乙：丙；丁！", "甲，乙：丙；丁！"},  // Chinese punctuation kept
      {"$\\times 100\\%$", "×100%"},
      {"A\\leq B", "A≤B"},
      {"\\text{结转结余率}=a", "结转结余率=a"},
      {"$\\frac{8}{12}$", "8/12"},
      {"预算编制 10 10 100%", "预算编制 10 10 100%"},
      {"  两端空格  ", "两端空格"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(FoldText(c.in) == c.out);
  }
}

TEST_CASE("Normalize joins wrapped lines and keeps numbers whole", "[normalize]") {
  struct Case {
    const char* name;
    const char* in;
    const char* out;
  } cases[] = {
      {"number split from its unit",
       "我局 2024 年预算安排公用经费全年预算数 2,239,479.23\n元，实际支出公用经费 2,239,479.23 元。\n",
       "我局 2024 年预算安排公用经费全年预算数 2,239,479.23元，实际支出公用经费 2,239,479.23 元。\n"},
      {"number split across lines",
       "全年政府采购合同金额为 1,198,85\n1.00 元，其中中小企业合同金额为 1,198,851.00 元。\n",
       "全年政府采购合同金额为 1,198,851.00 元，其中中小企业合同金额为 1,198,851.00 元。\n"},
      {"blank lines between wrapped lines",
       "2024年度我局主管的上级资金规模总计 27,600.43万元，按\n\n时分配的上级资金规模总计 25,100.43 万元。\n",
       "2024年度我局主管的上级资金规模总计 27,600.43万元，按时分配的上级资金规模总计 25,100.43 万元。\n"},
      {"headings stay on their own lines",
       "（1）预算编制（分值 3分，自评得 3分）\n①预算编制合理性（分值 1.5分，自评得 1.5分）\n我局的专项资金预算编制细化程度合理。\n",
       "(1)预算编制(分值 3分，自评得 3分)\n①预算编制合理性(分值 1.5分，自评得 1.5分)\n我局的专项资金预算编制细化程度合理。\n"},
      {"page-number lines are dropped",
       "本部门预算编制、分配符合本部门职责、符合市委市政府的方针\n\n16\n\n政策和工作要求。\n",
       "本部门预算编制、分配符合本部门职责、符合市委市政府的方针政策和工作要求。\n"},
      {"a percent that starts a line is the value of the words before it",
       "全市规上工业增加值同比增长 10.8%，两年平均增长 5.4%，该指标完成率\n67.50%，未完成主要原因是疫情。\n",
       "全市规上工业增加值同比增长 10.8%，两年平均增长 5.4%，该指标完成率67.50%，未完成主要原因是疫情。\n"},
      {"but not after a numbered heading",
       "本部门严格按照政府采购管理办法的规定执行采购计划，采购程序合规，资料齐全完整。\n（4）政府采购执行率\n95%以上的采购按计划完成。\n",
       "本部门严格按照政府采购管理办法的规定执行采购计划，采购程序合规，资料齐全完整。\n(4)政府采购执行率\n95%以上的采购按计划完成。\n"},
      {"a table row whose name wrapped",
       "资金项目 资金额度 自评分 权重 指标得分\n股权投资第三方服务管理费用 253.99 96 25.16% 2.42\n加大中小微企业信贷风险补偿资金本金等项目经费（市级公共服务平台建设）\n81.30 96 8.06% 0.77\n",
       "资金项目资金额度自评分权重指标得分\n股权投资第三方服务管理费用 253.99 96 25.16% 2.42\n加大中小微企业信贷风险补偿资金本金等项目经费(市级公共服务平台建设) 81.30 96 8.06% 0.77\n"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Document doc = test::DocFromText(c.in);
    CHECK(doc.text == c.out);
    REQUIRE(doc.origins.size() == doc.text.size());
  }
}

TEST_CASE("Normalize keeps origins back to source lines", "[normalize]") {
  Document doc = test::DocFromText("第一行文字很长很长很长很长很长很长很长\n续行 5 分。\n");
  size_t at = doc.text.find("5 分");
  REQUIRE(at != std::string::npos);
  CHECK(doc.LineAt(at) == 2);
  CHECK(doc.PageAt(at) == 1);
  CHECK(doc.SourceText(at, at + 1) == "5");
}

TEST_CASE("repeated page headers are dropped after their first appearance", "[normalize]") {
  Document doc;
  for (int p = 1; p <= 4; ++p) {
    RawPage page;
    page.number = p;
    page.text = "某局部门整体支出绩效自评报告\n第" + std::to_string(p) + "页正文。\n";
    doc.pages.push_back(page);
  }
  Normalize(&doc);
  size_t first = doc.text.find("某局部门整体支出绩效自评报告");
  CHECK(first == 0);
  CHECK(doc.text.find("某局部门整体支出绩效自评报告", first + 1) == std::string::npos);
  CHECK(doc.text.find("第4页正文。") != std::string::npos);
}

TEST_CASE("a bare figure at a page's bottom is a page number only when it continues the sequence", "[normalize]") {
  struct Case {
    const char* name;
    std::vector<std::string> pages;  // one raw page each (numbered 1, 2, …)
    const char* figure;              // the line in question
    bool kept;
  };
  const std::vector<Case> cases = {
      {"the 总分 ending a one-page form, one cell per line", {"总分\n100\n98\n"}, "98", true},
      {"its page's own number", {"正文第一页。\n其余内容。\n1\n"}, "1", false},
      {"printed numbers offset from the page index, on two pages",
       {"正文第一页。\n其余内容。\n37\n", "正文第二页。\n其余内容。\n38\n"}, "37", false},
      {"a figure that does not continue the other pages' numbers",
       {"正文第一页。\n其余内容。\n1\n", "得分\n分值\n92\n"}, "92", true},
      {"decorated: a page number by its form", {"正文第一页。\n其余内容。\n- 7 -\n"}, "7", false},
      {"at the top of a page: a page number (a header)", {"6\n正文第六页。\n其余内容。\n"}, "6", false},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Document doc;
      int n = 0;
      for (const std::string& text : c.pages) {
        RawPage page;
        page.number = ++n;
        page.text = text;
        doc.pages.push_back(page);
      }
      Normalize(&doc);
      bool found = false;
      size_t pos = 0;
      while (pos <= doc.text.size()) {
        size_t nl = doc.text.find('\n', pos);
        if (nl == std::string::npos) nl = doc.text.size();
        if (doc.text.substr(pos, nl - pos) == c.figure) found = true;
        pos = nl + 1;
      }
      INFO(doc.text);
      CHECK(found == c.kept);
    }
  }
}

}  // namespace jixiao
