// Page images for the HTML report: crop a region of a rendered page (extract/extract.h,
// RenderPages: the PDF reader process draws it), encode as PNG (with zlib), base64 for data URIs.
#ifndef JIXIAO_REPORT_RENDER_H_
#define JIXIAO_REPORT_RENDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/status.h"

namespace jixiao {

// Whether the file at `path` has a PDF header ("%PDF-" in its first 1024 bytes); false when it
// cannot be read.
bool IsPdfFile(const std::string& path);

// The part of `image` in [x, x + w) × [y, y + h), clamped to the image.
RgbImage Crop(const RgbImage& image, int x, int y, int w, int h);

// A PNG file: 8-bit greyscale when every pixel is grey, else 8-bit RGB.
std::string EncodePng(const RgbImage& image);

// Standard base64 with padding (RFC 4648 §4).
std::string Base64(std::string_view bytes);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_RENDER_H_
