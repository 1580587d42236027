// Page images with poppler-cpp (RenderPdfPages, extract_internal.h), in the process that calls it:
// the PDF reader process for jixiao, or a program that installed the in-process reader.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <climits>
#include <functional>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "extract/extract_internal.h"

namespace jixiao::internal {

namespace {

// Page `page` (1-based) of `doc` rendered at `dpi`, ARGB32 turned into RGB.
Result<RgbImage> RenderPage(const std::string& path, const poppler::document& doc, int page,
                            double dpi) {
  if (page < 1 || page > doc.pages()) {
    return Status(Status::Code::kInternal, path + ": no page " + std::to_string(page));
  }
  std::unique_ptr<poppler::page> p(doc.create_page(page - 1));
  if (!p) {
    return Status(Status::Code::kCorrupt, path + ": cannot read page " + std::to_string(page));
  }
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  poppler::image img = renderer.render_page(p.get(), dpi, dpi);
  if (!img.is_valid() || img.format() != poppler::image::format_argb32) {
    return Status(Status::Code::kCorrupt, path + ": cannot render page " + std::to_string(page));
  }
  RgbImage out;
  out.width = img.width();
  out.height = img.height();
  out.pixels.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height) * 3);
  const auto* data = reinterpret_cast<const uint8_t*>(img.const_data());
  const size_t stride = static_cast<size_t>(img.bytes_per_row());
  uint8_t* o = out.pixels.data();
  for (int y = 0; y < out.height; ++y) {
    const uint8_t* row = data + static_cast<size_t>(y) * stride;
    for (int x = 0; x < out.width; ++x) {
      // ARGB32 in native (little-endian) order is B, G, R, A in memory; the paper is opaque.
      const uint8_t* px = row + static_cast<size_t>(x) * 4;
      *o++ = px[2];
      *o++ = px[1];
      *o++ = px[0];
    }
  }
  return out;
}

}  // namespace

Result<std::vector<RgbImage>> RenderPdfPages(const std::string& path, const std::string& bytes,
                                             const std::vector<int>& pages, double dpi,
                                             const RenderedPage& each) {
  SilencePoppler();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status(Status::Code::kLimit, path + ": file too large for Poppler (over 2 GiB)");
  }
  if (!(dpi > 0 && dpi <= 1200)) {
    return Status(Status::Code::kInternal, path + ": no rendering at " + FormatSeconds(dpi) + " dpi");
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status(Status::Code::kCorrupt, path + ": Poppler cannot open the PDF");
  if (doc->is_locked()) {
    return Status(Status::Code::kEncrypted, path + ": the PDF is encrypted (password protected)");
  }
  std::vector<RgbImage> out;
  out.reserve(pages.size());
  for (int page : pages) {
    auto image = RenderPage(path, *doc, page, dpi);
    if (!image.ok()) return image.status();
    if (each) {
      each(page, std::move(image).value());
    } else {
      out.push_back(std::move(image).value());
    }
  }
  return out;
}

}  // namespace jixiao::internal
