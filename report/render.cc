// Cropping and a small PNG encoder (zlib deflate, filter "Up").
#include "report/render.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>

namespace jixiao {

bool IsPdfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  // Readers accept the header anywhere in the first 1024 bytes.
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head.find("%PDF-") != std::string::npos;
}

RgbImage Crop(const RgbImage& image, int x, int y, int w, int h) {
  int x0 = std::clamp(x, 0, image.width), y0 = std::clamp(y, 0, image.height);
  int x1 = std::clamp(x + w, x0, image.width), y1 = std::clamp(y + h, y0, image.height);
  RgbImage out;
  out.width = x1 - x0;
  out.height = y1 - y0;
  out.pixels.reserve(static_cast<size_t>(out.width) * static_cast<size_t>(out.height) * 3);
  for (int row = y0; row < y1; ++row) {
    auto begin =
        image.pixels.begin() +
        static_cast<std::ptrdiff_t>((static_cast<size_t>(row) * static_cast<size_t>(image.width) +
                                     static_cast<size_t>(x0)) *
                                    3);
    out.pixels.insert(out.pixels.end(), begin, begin + static_cast<std::ptrdiff_t>(out.width) * 3);
  }
  return out;
}

namespace {

void Put32(std::string& s, uint32_t v) {
  s += static_cast<char>(v >> 24);
  s += static_cast<char>(v >> 16);
  s += static_cast<char>(v >> 8);
  s += static_cast<char>(v);
}

void Chunk(std::string& png, const char type[4], const std::string& data) {
  Put32(png, static_cast<uint32_t>(data.size()));
  std::string body(type, 4);
  body += data;
  png += body;
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  Put32(png, static_cast<uint32_t>(crc));
}

}  // namespace

std::string EncodePng(const RgbImage& image) {
  bool grey = true;
  for (size_t i = 0; grey && i + 2 < image.pixels.size(); i += 3) {
    grey = image.pixels[i] == image.pixels[i + 1] && image.pixels[i] == image.pixels[i + 2];
  }
  const size_t channels = grey ? 1 : 3;
  const size_t w = static_cast<size_t>(image.width), h = static_cast<size_t>(image.height);
  const size_t row_bytes = w * channels;

  // Scanlines with filter type 2 ("Up": each byte minus the byte above), which suits text pages.
  std::vector<uint8_t> raw;
  raw.reserve(h * (row_bytes + 1));
  std::vector<uint8_t> prev(row_bytes, 0), cur(row_bytes);
  for (size_t y = 0; y < h; ++y) {
    const uint8_t* src = image.pixels.data() + y * w * 3;
    for (size_t x = 0; x < w; ++x) {
      if (grey) {
        cur[x] = src[x * 3];
      } else {
        cur[x * 3] = src[x * 3];
        cur[x * 3 + 1] = src[x * 3 + 1];
        cur[x * 3 + 2] = src[x * 3 + 2];
      }
    }
    raw.push_back(2);
    for (size_t i = 0; i < row_bytes; ++i) raw.push_back(static_cast<uint8_t>(cur[i] - prev[i]));
    std::swap(prev, cur);
  }
  uLongf zlen = compressBound(static_cast<uLong>(raw.size()));
  std::string z(zlen, '\0');
  compress2(reinterpret_cast<Bytef*>(z.data()), &zlen, raw.data(), static_cast<uLong>(raw.size()),
            9);
  z.resize(zlen);

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  Put32(ihdr, static_cast<uint32_t>(w));
  Put32(ihdr, static_cast<uint32_t>(h));
  ihdr += static_cast<char>(8);             // bit depth
  ihdr += static_cast<char>(grey ? 0 : 2);  // colour type: greyscale or RGB
  ihdr += std::string(3, '\0');             // deflate, adaptive filtering, no interlace
  Chunk(png, "IHDR", ihdr);
  Chunk(png, "IDAT", z);
  Chunk(png, "IEND", "");
  return png;
}

std::string Base64(std::string_view bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t v = static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])) << 16 |
                 static_cast<uint32_t>(static_cast<uint8_t>(bytes[i + 1])) << 8 |
                 static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < bytes.size()) {
    uint32_t v = static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<uint32_t>(static_cast<uint8_t>(bytes[i + 1])) << 8;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace jixiao
