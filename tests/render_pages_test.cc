// Page images (RenderPages): the reader process draws the same pixels as drawing in process, gives
// the same errors, and its requests and images cross the wire intact or not at all. The jixiao
// executable itself does not load Poppler: every PDF is opened by jixiao-pdf-reader.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/wire.h"

namespace jixiao {
namespace {

std::string Corpus(const std::string& name) {
  return std::string(JIXIAO_SOURCE_DIR) + "/corpus/" + name;
}

ExtractOptions InReader() {
  ExtractOptions o;
  o.reader = JIXIAO_PDF_READER;
  return o;
}

TEST_CASE("render: the reader process draws the pixels of drawing in process", "[reader][render]") {
  const std::vector<int> pages = {2, 1};
  auto here = RenderPages(Corpus("lechang-county-2024.pdf"), pages, 40);
  auto there = RenderPages(Corpus("lechang-county-2024.pdf"), pages, 40, InReader());
  REQUIRE(here.ok());
  REQUIRE(there.ok());
  REQUIRE(here->size() == 2);
  REQUIRE(there->size() == 2);
  for (size_t i = 0; i < pages.size(); ++i) {
    INFO(pages[i]);
    const RgbImage& a = (*here)[i];
    const RgbImage& b = (*there)[i];
    // An A4 page at 40 dpi: 595 pt × 40 / 72 ≈ 331 pixels wide.
    CHECK(a.width > 300);
    CHECK(a.height > a.width);
    CHECK(a.width == b.width);
    CHECK(a.height == b.height);
    CHECK(a.pixels == b.pixels);
    CHECK(a.pixels.size() == static_cast<size_t>(a.width) * static_cast<size_t>(a.height) * 3);
  }
  // The two pages differ: each request is answered with its own page.
  CHECK((*there)[0].pixels != (*there)[1].pixels);
}

TEST_CASE("render: errors name the file, the same in process and through the reader",
          "[reader][render]") {
  struct Case {
    const char* name;
    std::vector<int> pages;
    Status::Code code;
    const char* says;
  };
  const Case cases[] = {
      {"lechang-county-2024.pdf", {1, 999}, Status::Code::kInternal, ": no page 999"},
      {"lechang-county-2024.pdf", {0}, Status::Code::kInternal, ": no page 0"},
      {"bad/encrypted.pdf", {1}, Status::Code::kEncrypted, ": the PDF is encrypted"},
      {"bad/truncated.pdf", {1}, Status::Code::kCorrupt, ": Poppler cannot open the PDF"},
      {"bad/not-a-pdf.pdf", {1}, Status::Code::kNotPdf, ": not a PDF file"},
      {"lechang-county-2024.txt", {1}, Status::Code::kNotPdf, ": not a PDF file"},
      {"no-such.pdf", {1}, Status::Code::kNotFound, "no-such.pdf"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto here = RenderPages(Corpus(c.name), c.pages, 40);
    auto there = RenderPages(Corpus(c.name), c.pages, 40, InReader());
    REQUIRE_FALSE(here.ok());
    REQUIRE_FALSE(there.ok());
    CHECK(here.status().code() == c.code);
    CHECK(there.status().code() == c.code);
    CHECK(here.status().message() == there.status().message());
    CHECK(there.status().message().find(c.says) != std::string::npos);
    CHECK(there.status().message().rfind(Corpus(c.name), 0) == 0);
  }
  // A reader that cannot start is an error of that file, not of this process.
  ExtractOptions missing;
  missing.reader = "/nonexistent/jixiao-pdf-reader";
  auto none = RenderPages(Corpus("lechang-county-2024.pdf"), {1}, 40, missing);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().message().find("cannot start the PDF reader") != std::string::npos);
}

TEST_CASE("wire: render requests and images round-trip, malformed ones are rejected",
          "[reader][render]") {
  namespace wire = internal::wire;
  static_assert(wire::kVersion == 2, "the fake readers in reader_test.cc say hello in version 2");
  wire::Request r;
  r.max_pages = 7;
  r.path = "a.pdf";
  r.render_dpi = 80;
  r.render_pages = {3, 1, 2};
  const std::string encoded = wire::EncodeRequest(r);
  auto back = wire::DecodeRequest(encoded);
  REQUIRE(back);
  CHECK(back->path == "a.pdf");
  CHECK(back->render_dpi == 80);
  CHECK(back->render_pages == std::vector<int32_t>{3, 1, 2});
  for (size_t n = 0; n < encoded.size(); ++n) {
    INFO(n);
    REQUIRE_FALSE(wire::DecodeRequest(std::string_view(encoded).substr(0, n)));
  }

  RgbImage img{2, 1, {255, 0, 0, 0, 0, 255}};
  const std::string frame = wire::EncodeImage(5, img);
  auto image = wire::DecodeImage(frame);
  REQUIRE(image);
  CHECK(image->page == 5);
  CHECK(image->image.width == 2);
  CHECK(image->image.pixels == img.pixels);
  for (size_t n = 0; n < frame.size(); ++n) {
    INFO(n);
    REQUIRE_FALSE(wire::DecodeImage(std::string_view(frame).substr(0, n)));
  }
  // Pixels that do not fill width × height × 3.
  RgbImage short_one{3, 1, {1, 2, 3}};
  CHECK_FALSE(wire::DecodeImage(wire::EncodeImage(1, short_one)));
  RgbImage negative{-1, -3, {1, 2, 3}};
  CHECK_FALSE(wire::DecodeImage(wire::EncodeImage(1, negative)));
}

TEST_CASE("the jixiao executable does not load Poppler", "[reader][render]") {
  std::FILE* p = ::popen(("ldd " + std::string(JIXIAO_BINARY) + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  INFO(out);
  REQUIRE(out.find("libc.so") != std::string::npos);  // ldd did list the libraries
  CHECK(out.find("libpoppler") == std::string::npos);
}

}  // namespace
}  // namespace jixiao
