// Private to extract/: what the PDF reader process (reader.cc) writes to its standard output and
// ReadPages reads back (child.cc). A stream of frames: a one-byte type, an 8-byte payload length,
// the payload. Integers and doubles are copied bit for bit in the host's byte order (both ends are
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
#include "extract/status.h"

namespace jixiao::internal::wire {

constexpr uint32_t kVersion = 1;

enum class FrameType : uint8_t {
  kHello = 'H',      // u32 kVersion; always the first frame
  kOpened = 'O',     // u32 page count: the PDF is open and within --max-pages
  kPageStart = 'S',  // u32 1-based page number: a thread started reading that page
  kPageDone = 'D',   // u32 1-based page number: that page is read
  kResult = 'R',     // EncodeResult: the outcome; always the last frame
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

// The reader's outcome (pages, or a Status) and its peak resident memory in KiB, which takes the
// first 8 bytes (to be filled in after encoding: SetPeak).
std::string EncodeResult(const Result<std::vector<RawPage>>& result, uint64_t peak_kib);
void SetPeak(uint64_t peak_kib, std::string* encoded_result);
// The inverse of EncodeResult; nullopt if `payload` is not exactly a well-formed result. Boxes,
// widths and heights come back bit for bit (NaN, -0.0 included).
struct DecodedResult {
  Result<std::vector<RawPage>> result;
  uint64_t peak_kib = 0;
};
std::optional<DecodedResult> DecodeResult(std::string_view payload);

}  // namespace jixiao::internal::wire

#endif  // JIXIAO_EXTRACT_WIRE_H_
