// Frames and RawPages between the PDF reader process and ReadPages (see wire.h).
#include "extract/wire.h"

#include <cstring>
#include <type_traits>
#include <utility>

namespace jixiao::internal::wire {

namespace {

template <typename T>
void Put(T v, std::string* out) {
  static_assert(std::is_trivially_copyable_v<T>);
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out->append(bytes, sizeof(T));
}

void PutString(std::string_view s, std::string* out) {
  Put<uint64_t>(s.size(), out);
  out->append(s);
}

bool SameBits(const Box& a, const Box& b) { return std::memcmp(&a, &b, sizeof(Box)) == 0; }

void PutBox(const Box& b, std::string* out) {
  Put(b.x0, out);
  Put(b.y0, out);
  Put(b.x1, out);
  Put(b.y1, out);
}

// Reads values from a payload; every read checks the bounds, and a failed read makes ok() false
// for good.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <typename T>
  T Get() {
    T v{};
    if (!ok_ || in_.size() - pos_ < sizeof(T)) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }

  std::string GetString() {
    uint64_t n = Get<uint64_t>();
    if (!ok_ || in_.size() - pos_ < n) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(pos_, static_cast<size_t>(n)));
    pos_ += static_cast<size_t>(n);
    return s;
  }

  Box GetBox() {
    Box b;
    b.x0 = Get<double>();
    b.y0 = Get<double>();
    b.x1 = Get<double>();
    b.y1 = Get<double>();
    return b;
  }

  // Bytes left; sizes read from the payload are checked against it before anything is allocated.
  size_t left() const { return ok_ ? in_.size() - pos_ : 0; }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

constexpr size_t kBoxBytes = 4 * sizeof(double);
constexpr size_t kRunBytes = sizeof(uint64_t) + kBoxBytes;
constexpr size_t kMinPageBytes = 2 * sizeof(int32_t) + 2 * sizeof(double) + 3 * sizeof(uint64_t);

// A page: number, first_line, width, height, text, then its boxes as runs of equal boxes (the
// bytes of one character share a box, so a CJK page shrinks to about a third).
void PutPage(const RawPage& p, std::string* out) {
  Put<int32_t>(p.number, out);
  Put<int32_t>(p.first_line, out);
  Put(p.width, out);
  Put(p.height, out);
  PutString(p.text, out);
  Put<uint64_t>(p.boxes.size(), out);
  size_t runs_at = out->size();
  Put<uint64_t>(0, out);
  uint64_t runs = 0;
  for (size_t i = 0; i < p.boxes.size();) {
    size_t j = i + 1;
    while (j < p.boxes.size() && SameBits(p.boxes[j], p.boxes[i])) ++j;
    Put<uint64_t>(j - i, out);
    PutBox(p.boxes[i], out);
    ++runs;
    i = j;
  }
  std::memcpy(out->data() + runs_at, &runs, sizeof(runs));
}

bool GetPage(Reader* in, RawPage* p) {
  p->number = in->Get<int32_t>();
  p->first_line = in->Get<int32_t>();
  p->width = in->Get<double>();
  p->height = in->Get<double>();
  p->text = in->GetString();
  uint64_t boxes = in->Get<uint64_t>();
  uint64_t runs = in->Get<uint64_t>();
  if (!in->ok() || runs > in->left() / kRunBytes) return false;
  if (boxes != 0 && boxes != p->text.size()) return false;  // one box per byte, or none
  p->boxes.reserve(static_cast<size_t>(boxes));
  for (uint64_t r = 0; r < runs; ++r) {
    uint64_t count = in->Get<uint64_t>();
    Box b = in->GetBox();
    if (!in->ok() || count == 0 || count > boxes - p->boxes.size()) return false;
    p->boxes.insert(p->boxes.end(), static_cast<size_t>(count), b);
  }
  return p->boxes.size() == boxes;
}

}  // namespace

std::string FrameHeader(FrameType type, uint64_t payload_size) {
  std::string out;
  Put(static_cast<uint8_t>(type), &out);
  Put(payload_size, &out);
  return out;
}

std::string EncodeU32(uint32_t v) {
  std::string out;
  Put(v, &out);
  return out;
}

std::optional<uint32_t> DecodeU32(std::string_view payload) {
  Reader in(payload);
  uint32_t v = in.Get<uint32_t>();
  if (!in.done()) return std::nullopt;
  return v;
}

std::optional<Frame> NextFrame(std::string_view buf, size_t* pos) {
  constexpr size_t kHeader = 1 + sizeof(uint64_t);
  if (buf.size() - *pos < kHeader) return std::nullopt;
  uint64_t n = 0;
  std::memcpy(&n, buf.data() + *pos + 1, sizeof(n));
  if (buf.size() - *pos - kHeader < n) return std::nullopt;
  Frame f{static_cast<FrameType>(static_cast<uint8_t>(buf[*pos])),
          buf.substr(*pos + kHeader, static_cast<size_t>(n))};
  *pos += kHeader + static_cast<size_t>(n);
  return f;
}

// Request: i32 max_pages, i32 threads, i64 max_memory_mib, the path, f64 render_dpi, u64 count
// of render_pages, then each as i32.
std::string EncodeRequest(const Request& request) {
  std::string out;
  Put(request.max_pages, &out);
  Put(request.threads, &out);
  Put(request.max_memory_mib, &out);
  PutString(request.path, &out);
  Put(request.render_dpi, &out);
  Put<uint64_t>(request.render_pages.size(), &out);
  for (int32_t p : request.render_pages) Put(p, &out);
  return out;
}

std::optional<Request> DecodeRequest(std::string_view payload) {
  Reader in(payload);
  Request r;
  r.max_pages = in.Get<int32_t>();
  r.threads = in.Get<int32_t>();
  r.max_memory_mib = in.Get<int64_t>();
  r.path = in.GetString();
  r.render_dpi = in.Get<double>();
  uint64_t n = in.Get<uint64_t>();
  if (!in.ok() || n > in.left() / sizeof(int32_t)) return std::nullopt;
  for (uint64_t i = 0; i < n; ++i) r.render_pages.push_back(in.Get<int32_t>());
  if (!in.done()) return std::nullopt;
  return r;
}

// Image: i32 page, i32 width, i32 height, then the pixels (u64 length first).
std::string EncodeImage(int32_t page, const RgbImage& image) {
  std::string out;
  Put(page, &out);
  Put<int32_t>(image.width, &out);
  Put<int32_t>(image.height, &out);
  PutString(std::string_view(reinterpret_cast<const char*>(image.pixels.data()),
                             image.pixels.size()),
            &out);
  return out;
}

std::optional<DecodedImage> DecodeImage(std::string_view payload) {
  Reader in(payload);
  DecodedImage d;
  d.page = in.Get<int32_t>();
  d.image.width = in.Get<int32_t>();
  d.image.height = in.Get<int32_t>();
  std::string pixels = in.GetString();
  // Both sides below 2^31: the product of three fits in 64 bits.
  if (!in.done() || d.image.width < 0 || d.image.height < 0 ||
      pixels.size() != static_cast<size_t>(d.image.width) * static_cast<size_t>(d.image.height) * 3) {
    return std::nullopt;
  }
  d.image.pixels.assign(pixels.begin(), pixels.end());
  return d;
}

// Result: u64 peak_kib, u8 stays, u32 status code (0 = ok). Ok: u64 page count, then the pages.
// Not ok: the message.
std::string EncodeResult(const Result<std::vector<RawPage>>& result) {
  std::string out;
  Put<uint64_t>(0, &out);
  Put<uint8_t>(0, &out);
  Put(static_cast<uint32_t>(result.status().code()), &out);
  if (!result.ok()) {
    PutString(result.status().message(), &out);
    return out;
  }
  Put<uint64_t>(result->size(), &out);
  for (const RawPage& p : *result) PutPage(p, &out);
  return out;
}

void SetReaderState(uint64_t peak_kib, bool stays, std::string* encoded_result) {
  if (encoded_result->size() >= sizeof(peak_kib) + 1) {
    std::memcpy(encoded_result->data(), &peak_kib, sizeof(peak_kib));
    (*encoded_result)[sizeof(peak_kib)] = stays ? 1 : 0;
  }
}

std::optional<DecodedResult> DecodeResult(std::string_view payload) {
  Reader in(payload);
  uint64_t peak_kib = in.Get<uint64_t>();
  uint8_t stays = in.Get<uint8_t>();
  uint32_t code = in.Get<uint32_t>();
  if (!in.ok() || stays > 1 || code > static_cast<uint32_t>(Status::Code::kInternal)) {
    return std::nullopt;
  }
  if (code != static_cast<uint32_t>(Status::Code::kOk)) {
    std::string message = in.GetString();
    if (!in.done()) return std::nullopt;
    return DecodedResult{Status(static_cast<Status::Code>(code), std::move(message)), peak_kib,
                         stays == 1};
  }
  uint64_t n = in.Get<uint64_t>();
  if (!in.ok() || n > in.left() / kMinPageBytes) return std::nullopt;
  std::vector<RawPage> pages(static_cast<size_t>(n));
  for (RawPage& p : pages) {
    if (!GetPage(&in, &p)) return std::nullopt;
  }
  if (!in.done()) return std::nullopt;
  return DecodedResult{std::move(pages), peak_kib, stays == 1};
}

}  // namespace jixiao::internal::wire
