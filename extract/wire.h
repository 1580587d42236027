// Private to extract/: what ReadPages (child.cc) and the PDF reader process (reader.cc) say to
// each other. Requests go to the reader as datagrams on its standard input (a SOCK_SEQPACKET
// socket), each with the PDF's file descriptor attached (SCM_RIGHTS). Answers come back on its
// standard output (a pipe) as a stream of frames: a one-byte type, an 8-byte payload length, the
// payload. Integers and doubles are copied bit for bit in the host's byte order (both ends are
// built together and run on one machine; the hello frame checks the version), so pages come back
// exactly as the reader made them.
#ifndef JIXIAO_EXTRACT_WIRE_H_
#define JIXIAO_EXTRACT_WIRE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "extract/extract.h"
#include "extract/status.h"

namespace jixiao::internal::wire {

constexpr uint32_t kVersion = 2;

// One PDF to read: the options that reach the reader, and the path for its messages. With
// `render_pages`, the reader renders those pages (kImage frames) instead of reading the text.
struct Request {
  int32_t max_pages = 0;
  int32_t threads = 0;
  int64_t max_memory_mib = 0;  // the reader stays for another request only well below this
  std::string path;
  double render_dpi = 0;
  std::vector<int32_t> render_pages;  // 1-based
};
std::string EncodeRequest(const Request& request);
std::optional<Request> DecodeRequest(std::string_view payload);  // nullopt if malformed

enum class FrameType : uint8_t {
  kHello = 'H',      // u32 kVersion; the reader's first frame, once
  kOpened = 'O',     // u32 page count: the PDF is open and within --max-pages
  kPageStart = 'S',  // u32 1-based page number: a thread started reading that page
  kPageDone = 'D',   // u32 1-based page number: that page is read
  kImage = 'I',      // EncodeImage: one rendered page (render requests only)
  kResult = 'R',     // EncodeResult: the outcome; the last frame for a request
};

struct Frame {
  FrameType type;
  std::string_view payload;  // points into the buffer given to NextFrame
};

// The bytes that go before a payload of `payload_size` bytes to make a frame.
std::string FrameHeader(FrameType type, uint64_t payload_size);
std::string EncodeU32(uint32_t v);
// The 4-byte payload of a kHello, kOpened, kPageStart or kPageDone frame; nullopt if malformed.
std::optional<uint32_t> DecodeU32(std::string_view payload);

// The frame that starts at buf[*pos] if all of it is in `buf` (then *pos moves past it), nullopt if
// more bytes are needed. The type byte is not checked.
std::optional<Frame> NextFrame(std::string_view buf, size_t* pos);

// A rendered page: its 1-based number and its pixels. DecodeImage: nullopt if malformed (the
// pixels are not width × height × 3 bytes).
std::string EncodeImage(int32_t page, const RgbImage& image);
struct DecodedImage {
  int32_t page = 0;
  RgbImage image;
};
std::optional<DecodedImage> DecodeImage(std::string_view payload);

// The reader's outcome for one request: the pages or a Status, then (filled in after encoding by
// SetReaderState, in the first 9 bytes) its peak resident memory while reading, in KiB, and
// whether it stays to read another PDF or exits.
std::string EncodeResult(const Result<std::vector<RawPage>>& result);
void SetReaderState(uint64_t peak_kib, bool stays, std::string* encoded_result);
// The inverse of EncodeResult; nullopt if `payload` is not exactly a well-formed result. Boxes,
// widths and heights come back bit for bit (NaN, -0.0 included).
struct DecodedResult {
  Result<std::vector<RawPage>> result;
  uint64_t peak_kib = 0;
  bool stays = false;
};
std::optional<DecodedResult> DecodeResult(std::string_view payload);

}  // namespace jixiao::internal::wire

#endif  // JIXIAO_EXTRACT_WIRE_H_
