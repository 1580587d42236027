// Page images for the HTML report: render a PDF page with Poppler, crop a region, encode as PNG
// (with zlib), and base64 for data URIs.
#ifndef JIXIAO_REPORT_RENDER_H_
#define JIXIAO_REPORT_RENDER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/status.h"

namespace poppler {
class document;
}

namespace jixiao {

// Whether the file at `path` has a PDF header ("%PDF-" in its first 1024 bytes); false when it
// cannot be read.
bool IsPdfFile(const std::string& path);

// 8-bit RGB pixels, row by row, no padding.
struct RgbImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // width * height * 3
};

// An open PDF for rendering. Owns the Poppler document; movable, not copyable.
class PdfPages {
 public:
  // Opens `path`; kNotFound / kCorrupt / kEncrypted with the file name on failure.
  static Result<PdfPages> Open(const std::string& path);
  PdfPages(PdfPages&&) noexcept;
  PdfPages& operator=(PdfPages&&) noexcept;
  ~PdfPages();

  int count() const;
  // Renders 1-based `page` at `dpi` as displayed (the page's /Rotate applied, crop box), the same
  // space as finding boxes: a point (x, y) of a box is pixel (x * dpi / 72, y * dpi / 72).
  Result<RgbImage> Render(int page, double dpi) const;

 private:
  PdfPages(std::string path, std::unique_ptr<poppler::document> doc);
  std::string path_;
  std::unique_ptr<poppler::document> doc_;
};

// The part of `image` in [x, x + w) × [y, y + h), clamped to the image.
RgbImage Crop(const RgbImage& image, int x, int y, int w, int h);

// A PNG file: 8-bit greyscale when every pixel is grey, else 8-bit RGB.
std::string EncodePng(const RgbImage& image);

// Standard base64 with padding (RFC 4648 §4).
std::string Base64(std::string_view bytes);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_RENDER_H_
