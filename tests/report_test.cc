// Tests of the report writers against the hand-made fixtures: golden terminal text, CSV and XLSX
// contents, the annotated PDF's annotations, the HTML's images, atomic writes, and the small
// helpers (quote marking, decimal sums) as tables.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "extract/extract.h"
#include "report/atomic_file.h"
#include "report/finding_text.h"
#include "report/wrap.h"
#include "report/writers.h"
#include "report/render.h"
#include "report/report.h"
#include "report/score_tree.h"
#include "report/writers.h"
#include "tests/report_fixture.h"

namespace fs = std::filesystem;
using namespace jixiao;

namespace {

const std::string kSource = JIXIAO_SOURCE_DIR;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Standard output of a shell command.
std::string Run(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(command.c_str(), "r"), pclose);
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p.get())) > 0) out.append(buf, n);
  return out;
}

// A fresh directory under the build tree's temporary directory, removed at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "jixiao-report-XXXXXX").string();
    path = mkdtemp(templ.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::vector<AuditResult> BothFixtures() {
  return {testing::MeizhouFixture(kSource), testing::LechangTextFixture(kSource)};
}

// Compares `actual` with tests/golden/NAME byte for byte; rewrites the golden instead when
// JIXIAO_REGEN_GOLDENS=1 (tests/regen_report_goldens.sh).
void CheckGolden(const std::string& name, const std::string& actual) {
  std::string path = kSource + "/tests/golden/" + name;
  const char* regen = std::getenv("JIXIAO_REGEN_GOLDENS");
  if (regen != nullptr && std::string(regen) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("regenerated " << path);
    return;
  }
  INFO("golden " << path << " (regenerate with tests/regen_report_goldens.sh)");
  REQUIRE(fs::exists(path));
  CHECK(actual == ReadFile(path));
}

// RFC 4180 parser for the round trip: rows of fields; CRLF or LF line ends.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, field_started = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      rows.back().push_back(field);
      field.clear();
      field_started = false;
      rows.emplace_back();
    } else {
      field += c;
      field_started = true;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("SplitQuote marks the stated figure", "[report]") {
  struct Case {
    std::string quote, stated, before, figure, after;
  } cases[] = {
      {"执行率为 90.94%，较好", "90.94%", "执行率为 ", "90.94%", "，较好"},
      {"执行率为 90.94 %", "90.94%", "执行率为 ", "90.94", " %"},       // unit apart: number only
      {"分值 13.5分，得 3分", "3", "分值 13.5分，得 ", "3", "分"},        // not inside 13.5
      {"共 12 项，完成 8 项", "8", "共 12 项，完成 ", "8", " 项"},
      {"没有数字", "5", "没有数字", "", ""},
      {"得分 5", "", "得分 5", "", ""},
      {"收入 5,448.16 万元", "5,448.16万元", "收入 ", "5,448.16", " 万元"},
      // A max and a score of one value: the score is marked.
      {"(分值 10 分，自评得 10 分)", "10", "(分值 10 分，自评得 ", "10", " 分)"},
      {"满分 5 分，得分 5 分", "5", "满分 5 分，得分 ", "5", " 分"},
  };
  for (const auto& c : cases) {
    INFO(c.quote << " / " << c.stated);
    QuoteParts q = SplitQuote(c.quote, c.stated);
    CHECK(q.before == c.before);
    CHECK(q.figure == c.figure);
    CHECK(q.after == c.after);
  }
  // A restated figure whose quote holds the other statement: that one is marked.
  QuoteParts q = SplitQuote("此项指标自评得 9 分。", "10", "9");
  CHECK(q.figure == "9");
  CHECK(q.before == "此项指标自评得 ");
}

TEST_CASE("Wrap breaks lines without splitting a figure", "[report][wrap]") {
  struct Case {
    std::string text;
    int indent, width;
    std::string want;
  } cases[] = {
      {"abc def ghi", 2, 7, "abc def\n  ghi"},
      {"stated 25100.43/27600.43 = 90.94%", 0, 20, "stated\n25100.43/27600.43 =\n90.94%"},
      {"执行率为90.94%，较好", 0, 12, "执行率为\n90.94%，较好"},
      {"短", 0, 0, "短"},
      {"\x1b[1m粗体\x1b[0m字", 0, 4, "\x1b[1m粗体\n\x1b[0m字"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(Wrap(c.text, c.indent, c.width) == c.want);
  }
  CHECK(DisplayWidth("中文ab") == 6);
  CHECK(DisplayWidth("\x1b[31mab\x1b[0m") == 2);
}

TEST_CASE("DecimalSum adds exactly as written", "[report]") {
  struct Case {
    std::vector<std::string> terms;
    std::optional<std::string> sum;
  } cases[] = {
      {{"8", "0.67", "23.5"}, "32.17"},
      {{"1.5", "1.5"}, "3.0"},
      {{"0.1", "0.2"}, "0.3"},
      {{"-0.25", "0.05"}, "-0.20"},
      {{"13", ""}, std::nullopt},
      {{"13", "x"}, std::nullopt},
      {{}, std::nullopt},
  };
  for (const auto& c : cases) {
    CHECK(DecimalSum(c.terms) == c.sum);
  }
  CHECK(DecimalEqual("3", "3.00"));
  CHECK_FALSE(DecimalEqual("32.17", "32.67"));
  CHECK_FALSE(DecimalEqual("3", ""));
}

TEST_CASE("The score tree sums children from the rows", "[report]") {
  AuditResult r = testing::MeizhouFixture(kSource);
  std::vector<TreeRow> tree = BuildScoreTree(r.indicators);
  REQUIRE(tree.size() == r.indicators.size());
  CHECK(tree[0].children == 2);
  CHECK(tree[0].max.sum == "13");
  CHECK(tree[0].max.ok == true);
  CHECK(tree[4].score.sum == "32.17");  // 预算使用效益: 8 + 0.67 + 23.5
  CHECK(tree[4].score.ok == false);
  CHECK(tree[3].children == 0);
  TotalCheck t = CheckTotal(r);
  CHECK(t.max.sum == "100");
  CHECK(t.max.ok == true);
  CHECK(t.score.sum == "98.39");
  CHECK(t.score.ok == true);
}

TEST_CASE("Terminal text matches the goldens", "[report][golden]") {
  std::ostringstream plain, color;
  for (const auto& r : BothFixtures()) WriteText(r, plain, WriteOptions{});
  WriteOptions wo;
  wo.color = true;
  WriteText(testing::MeizhouFixture(kSource), color, wo);
  CheckGolden("report_text.txt", plain.str());
  CheckGolden("report_text_color.txt", color.str());
  CHECK(plain.str().find("\x1b[") == std::string::npos);
  CHECK(color.str().find("\x1b[1;31m") != std::string::npos);
}

TEST_CASE("CSV round-trips with a BOM and RFC 4180 quoting", "[report]") {
  auto results = BothFixtures();
  std::ostringstream out;
  REQUIRE(WriteResults(results, Format::kCsv, "", out, {}).ok());
  std::string csv = out.str();
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("\r\n") != std::string::npos);
  auto rows = ParseCsv(csv.substr(3));
  REQUIRE(rows.size() == 1 + results[0].findings.size() + results[1].findings.size());
  CHECK(rows[0] == FindingColumnNames(Lang::kZh));
  size_t i = 1;
  for (const auto& r : results) {
    DocumentReport d{r, "", "", {}};
    for (size_t k = 0; k < r.findings.size(); ++k) {
      INFO("row " << i);
      CHECK(rows[i] == FindingFields(d, k, Provenance{}, Lang::kZh));
      ++i;
    }
  }
  // The text input's quote has a comma and double quotes: it must come back intact.
  CHECK(rows.back()[12] == "预算执行率为 90.49%，\"执行\"较好");
  CHECK(rows[4][8] == "预算使用效益");
  CHECK(rows[5][8] == "预算使用效益 › 效率性 › 重点工作完成率");
}

TEST_CASE("XLSX has a findings sheet and a documents sheet", "[report]") {
  REQUIRE(std::system("command -v unzip >/dev/null 2>&1") == 0);  // tools/setup.sh installs it
  TempDir dir;
  std::string file = dir / "audit.xlsx";
  std::ostringstream unused;
  WriteOptions en;
  en.lang = Lang::kEn;
  REQUIRE(WriteResults(BothFixtures(), Format::kXlsx, file, unused, en).ok());
  std::string workbook = Run("unzip -p '" + file + "' xl/workbook.xml");
  CHECK(workbook.find("name=\"Findings\"") != std::string::npos);
  CHECK(workbook.find("name=\"Documents\"") != std::string::npos);
  std::string strings = Run("unzip -p '" + file + "' xl/sharedStrings.xml");
  for (const char* s : {"document", "department", "arithmetic", "梅州市工业和信息化局",
                        "score.children_sum", "预算使用效益 › 效率性 › 重点工作完成率",
                        "8 + 0.67 + 23.5 = 32.17 → stated 32.67 ✗", "errors", "score", "status"}) {
    INFO(s);
    CHECK(strings.find(s) != std::string::npos);
  }
  std::string sheet1 = Run("unzip -p '" + file + "' xl/worksheets/sheet1.xml");
  CHECK(sheet1.find("<pane ySplit=\"1\"") != std::string::npos);        // frozen header
  CHECK(sheet1.find("<autoFilter ref=\"A1:Y7\"/>") != std::string::npos);  // header + 6 findings
  CHECK(Count(sheet1, "<row ") == 7);
  CHECK(sheet1.find("<c r=\"G5\"><v>13</v>") != std::string::npos);  // page as a number
  CHECK(sheet1.find("<col ") != std::string::npos);
  std::string sheet2 = Run("unzip -p '" + file + "' xl/worksheets/sheet2.xml");
  CHECK(Count(sheet2, "<row ") == 3);
  CHECK(sheet2.find("<v>98.39</v>") != std::string::npos);
  CHECK(sheet2.find("<autoFilter ref=\"A1:T3\"/>") != std::string::npos);
}

namespace {

struct AnnotInfo {
  int page;  // 1-based
  std::string subtype, title, contents;
  std::vector<double> rect, quads;
};

std::vector<double> Numbers(QPDFObjectHandle a) {
  std::vector<double> v;
  if (!a.isArray()) return v;
  for (auto& item : a.getArrayAsVector()) v.push_back(item.getNumericValue());
  return v;
}

std::vector<AnnotInfo> Annotations(const std::string& file) {
  QPDF pdf;
  pdf.processFile(file.c_str());
  std::vector<AnnotInfo> out;
  int n = 0;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++n;
    QPDFObjectHandle annots = page.getObjectHandle().getKey("/Annots");
    if (!annots.isArray()) continue;
    for (auto& a : annots.getArrayAsVector()) {
      if (!a.getKey("/T").isString() || a.getKey("/T").getUTF8Value() != "jixiao") continue;
      out.push_back({n, a.getKey("/Subtype").getName(), a.getKey("/T").getUTF8Value(),
                     a.getKey("/Contents").getUTF8Value(), Numbers(a.getKey("/Rect")),
                     Numbers(a.getKey("/QuadPoints"))});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("The annotated PDF has one annotation per finding and the original is unchanged",
          "[report][pdf]") {
  TempDir dir;
  AuditResult r = testing::MeizhouFixture(kSource);
  std::string before = ReadFile(r.path);
  std::string file = dir / "annotated.pdf";
  std::ostringstream unused;
  Status s = WriteResults({r}, Format::kPdf, file, unused, {});
  INFO(s.message());
  REQUIRE(s.ok());
  CHECK(ReadFile(r.path) == before);
  CHECK(std::hash<std::string>()(ReadFile(r.path)) == std::hash<std::string>()(before));

  auto annots = Annotations(file);
  REQUIRE(annots.size() == r.findings.size());
  // In the order errors, warnings, infos: pages 13 | 3, 13 | 1, 3.
  std::vector<int> pages;
  for (const auto& a : annots) pages.push_back(a.page);
  std::sort(pages.begin(), pages.end());
  CHECK(pages == std::vector<int>{1, 3, 3, 13, 13});
  const double height = 841.89;
  for (const auto& a : annots) {
    CHECK(a.title == "jixiao");
    if (a.subtype == "/Text") {
      CHECK(a.page == 3);  // the one finding without a box
      CHECK(a.contents.find("parse.unread") != std::string::npos);
      continue;
    }
    REQUIRE(a.subtype == "/Highlight");
    REQUIRE(a.rect.size() == 4);
    REQUIRE(a.quads.size() == 8);
    if (a.page == 13 && a.contents.find("score.children_sum") != std::string::npos) {
      // "32.67" at x 324.2–364.968, y 31.600764–52.400764 (top-left origin).
      CHECK(a.rect[0] == Approx(324.2).margin(0.01));
      CHECK(a.rect[1] == Approx(height - 52.400764).margin(0.01));
      CHECK(a.rect[2] == Approx(364.968).margin(0.01));
      CHECK(a.rect[3] == Approx(height - 31.600764).margin(0.01));
      CHECK(a.quads == std::vector<double>{a.rect[0], a.rect[3], a.rect[2], a.rect[3], a.rect[0],
                                           a.rect[1], a.rect[2], a.rect[1]});
      CHECK(a.contents.find("32.67") != std::string::npos);
      CHECK(a.contents.find("8 + 0.67 + 23.5 = 32.17") != std::string::npos);
    }
  }
  // The output is otherwise the same document.
  CHECK(Run("qpdf --check '" + file + "' >/dev/null 2>&1; echo $?") == "0\n");
}

TEST_CASE("Annotations land on the text of rotated and cropped pages", "[report][pdf]") {
  struct Case {
    int rotate;
    const char* crop_box;  // "" keeps the page's
  } cases[] = {{90, ""}, {180, ""}, {270, ""}, {0, "[20 30 580 830]"}, {90, "[20 30 580 830]"}};
  for (const auto& c : cases) {
    INFO("rotate " << c.rotate << " crop " << c.crop_box);
    TempDir dir;
    // A copy of the report with page 13 rotated and/or cropped.
    std::string changed = dir / "changed.pdf";
    {
      QPDF pdf;
      pdf.processFile((kSource + "/corpus/meizhou-city-2024.pdf").c_str());
      auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
      QPDFObjectHandle page = pages[12].getObjectHandle();
      page.replaceKey("/Rotate", QPDFObjectHandle::newInteger(c.rotate));
      if (*c.crop_box) page.replaceKey("/CropBox", QPDFObjectHandle::parse(c.crop_box));
      QPDFWriter w(pdf, changed.c_str());
      w.write();
    }
    // Where Poppler (as the extractor uses it) places "32.67" on the changed page.
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(changed));
    REQUIRE(doc);
    std::unique_ptr<poppler::page> page(doc->create_page(12));
    std::optional<Box> box;
    for (const auto& t : page->text_list()) {
      auto utf8 = t.text().to_utf8();
      if (std::string(utf8.data(), utf8.size()) == "32.67") {
        auto b = t.bbox();
        box = Box{b.left(), b.top(), b.right(), b.bottom()};
        break;
      }
    }
    REQUIRE(box);
    AuditResult r = testing::MeizhouFixture(kSource);
    r.path = changed;
    r.findings = {r.findings[3]};  // score.children_sum on "32.67"
    r.findings[0].bbox = box;
    std::string file = dir / "annotated.pdf";
    std::ostringstream unused;
    REQUIRE(WriteResults({r}, Format::kPdf, file, unused, {}).ok());
    auto annots = Annotations(file);
    REQUIRE(annots.size() == 1);
    CHECK(annots[0].page == 13);
    // In user space the word is where it is on the unchanged page.
    const double height = 841.89;
    CHECK(annots[0].rect[0] == Approx(324.2).margin(1.5));
    CHECK(annots[0].rect[1] == Approx(height - 52.400764).margin(1.5));
    CHECK(annots[0].rect[2] == Approx(364.968).margin(1.5));
    CHECK(annots[0].rect[3] == Approx(height - 31.600764).margin(1.5));
  }
}

TEST_CASE("HTML embeds page images and links findings to pages", "[report][html]") {
  std::ostringstream out;
  REQUIRE(WriteResults(BothFixtures(), Format::kHtml, "", out, {}).ok());
  std::string html = out.str();
  // 4 region crops (findings with boxes) + pages 1, 3 and 13; none for the text input.
  CHECK(Count(html, "src=\"data:image/png;base64,") == 7);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<mark>32.67</mark>") != std::string::npos);
  CHECK(html.find("<mark>90.49%</mark>") != std::string::npos);
  CHECK(html.find("id=\"d1-p13\"") != std::string::npos);
  CHECK(html.find("href=\"#d1-p13\"") != std::string::npos);
  CHECK(html.find("href=\"#d1-f1\"") != std::string::npos);
  CHECK(html.find("id=\"d2\"") != std::string::npos);
  CHECK(html.find("32.17 <span class=\"bad\">✗</span>") != std::string::npos);
  CHECK(html.find("98.39 <span class=\"ok\">✓</span>") != std::string::npos);
  CHECK(html.find("Noto Sans CJK SC") != std::string::npos);
  // Every image decodes as a PNG.
  size_t pos = 0;
  while ((pos = html.find("base64,", pos)) != std::string::npos) {
    pos += 7;
    std::string b64 = html.substr(pos, html.find('"', pos) - pos);
    CHECK(b64.rfind("iVBORw0KGgo", 0) == 0);  // "\x89PNG\r\n\x1a\n"
  }
  CHECK(html.size() < 3u * 1024 * 1024);
  // The pages are drawn in one request; each image is the page's own, as drawn alone.
  const std::string pdf = BothFixtures().front().path;
  for (int p : {1, 3, 13}) {
    INFO("page " << p);
    auto alone = RenderPages(pdf, {p}, WriteOptions{}.dpi);
    REQUIRE(alone.ok());
    const std::string id = "id=\"d1-p" + std::to_string(p) + "\"";
    const size_t at = html.find(id);
    REQUIRE(at != std::string::npos);
    const size_t src = html.find("src=\"", at) + 5;
    CHECK(html.substr(src, html.find('"', src) - src) ==
          "data:image/png;base64," + Base64(EncodePng(alone->front())));
  }
}

TEST_CASE("PNG encoding and base64 are standard", "[report]") {
  CHECK(Base64("") == "");
  CHECK(Base64("f") == "Zg==");
  CHECK(Base64("fo") == "Zm8=");
  CHECK(Base64("foo") == "Zm9v");
  CHECK(Base64("foobar") == "Zm9vYmFy");
  RgbImage img{2, 1, {255, 0, 0, 0, 0, 255}};
  std::string png = EncodePng(img);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(png.substr(12, 4) == "IHDR");
  CHECK(png[25] == 2);  // colour type RGB
  RgbImage grey{1, 1, {7, 7, 7}};
  CHECK(EncodePng(grey)[25] == 0);  // greyscale
  TempDir dir;
  std::ofstream(dir / "t.png", std::ios::binary) << png;
  if (std::system("command -v pngcheck >/dev/null 2>&1") == 0) {
    CHECK(std::system(("pngcheck -q '" + (dir / "t.png") + "' >/dev/null").c_str()) == 0);
  }
}

TEST_CASE("Outputs are written atomically and errors name the file", "[report]") {
  TempDir dir;
  std::ostringstream unused;
  auto results = BothFixtures();

  SECTION("a failing writer leaves the old file and no temporary") {
    std::string file = dir / "out.csv";
    std::ofstream(file) << "old";
    Status s = WriteStreamAtomically(file, [](std::ostream& out) {
      out << "half";
      return Status(Status::Code::kIoError, "interrupted");
    });
    CHECK_FALSE(s.ok());
    CHECK(ReadFile(file) == "old");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
  }
  SECTION("a successful write replaces the file and leaves no temporary") {
    std::string file = dir / "out.csv";
    std::ofstream(file) << "old";
    REQUIRE(WriteResults(results, Format::kCsv, file, unused, {}).ok());
    CHECK(ReadFile(file).rfind("\xEF\xBB\xBF" "文件,文档,", 0) == 0);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
  }
  SECTION("an unwritable destination names the file") {
    std::string file = dir / "no-such-dir/audit.xlsx";
    Status s = WriteResults(results, Format::kXlsx, file, unused, {});
    CHECK(s.code() == Status::Code::kIoError);
    CHECK(s.message().find(file) != std::string::npos);
  }
  SECTION("pdf output: one PDF document, never over the original") {
    CHECK(WriteResults(results, Format::kPdf, dir / "a.pdf", unused, {}).code() ==
          Status::Code::kUsage);
    CHECK(WriteResults({results[1]}, Format::kPdf, dir / "a.pdf", unused, {}).code() ==
          Status::Code::kUsage);
    CHECK(WriteResults({results[0]}, Format::kPdf, results[0].path, unused, {}).code() ==
          Status::Code::kUsage);
    CHECK(WriteResults({results[0]}, Format::kPdf, "", unused, {}).code() == Status::Code::kUsage);
    CHECK(WriteResults(results, Format::kXlsx, "", unused, {}).code() == Status::Code::kUsage);
    CHECK_FALSE(fs::exists(dir / "a.pdf"));
  }
}

namespace jixiao {
namespace {

// A report's text that starts like a formula stays text in a spreadsheet; signed numbers stay numbers.
TEST_CASE("csv: fields quoted, formulas defused", "[report][csv]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"", ""},
      {"plain", "plain"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {" lead", "\" lead\""},
      {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
      {"+1+1", "'+1+1"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"-4.75%", "-4.75%"},
      {"-1,234.50", "\"-1,234.50\""},
      {"+3", "+3"},
      {"-", "'-"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(CsvField(c.in) == c.out);
  }
}

}  // namespace
}  // namespace jixiao
