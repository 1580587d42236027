// Traditional → simplified characters: the gate (is a text written in traditional characters?),
// the one-to-one conversion, and the way back to the document's own characters.
#include "extract/hans.h"

#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace jixiao {

namespace {

bool IsBmpHan(UChar32 c) { return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF); }

// ICU's transform and the GB 2312 converter, created on first use, used under one mutex (ICU does
// not promise that one transliterator may run on several threads at once).
struct Icu {
  std::mutex mu;
  std::unique_ptr<icu::Transliterator> to_hans;  // null when ICU's data lacks the transform
  UConverter* gb2312 = nullptr;                  // null when ICU's data lacks GB 2312
  bool tried_hans = false, tried_gb = false;

  icu::Transliterator* Hans() {
    if (!tried_hans) {
      tried_hans = true;
      UErrorCode status = U_ZERO_ERROR;
      to_hans.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
      if (U_FAILURE(status)) to_hans.reset();
    }
    return to_hans.get();
  }
  // GB 2312 can encode `c`; true when the converter is missing (nothing is then traditional-only).
  bool InGb2312(UChar32 c) {
    if (!tried_gb) {
      tried_gb = true;
      UErrorCode status = U_ZERO_ERROR;
      gb2312 = ucnv_open("GB2312", &status);
      if (U_FAILURE(status)) gb2312 = nullptr;
      if (gb2312) {
        status = U_ZERO_ERROR;
        ucnv_setFromUCallBack(gb2312, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
      }
    }
    if (!gb2312) return true;
    UChar u[2];
    int32_t n = 0;
    UBool err = false;
    U16_APPEND(u, n, 2, c, err);
    (void)err;
    char out[8];
    UErrorCode status = U_ZERO_ERROR;
    ucnv_reset(gb2312);
    ucnv_fromUChars(gb2312, out, sizeof out, u, n, &status);
    return U_SUCCESS(status);
  }
};

Icu& TheIcu() {
  static Icu icu;
  return icu;
}

// 0 = not yet known, 1 = not traditional-only, 2 = traditional-only. Filled on first sight.
std::array<std::atomic<uint8_t>, 0x10000>& Known() {
  static std::array<std::atomic<uint8_t>, 0x10000> known{};
  return known;
}

struct CodePoint {
  UChar32 c;
  size_t begin, end;  // its bytes in the source
};

std::vector<CodePoint> Decode(std::string_view s) {
  std::vector<CodePoint> out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t b = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    out.push_back({c < 0 ? 0xFFFD : c, static_cast<size_t>(b), static_cast<size_t>(i)});
  }
  return out;
}

size_t Utf8Length(UChar32 c) { return static_cast<size_t>(U8_LENGTH(c)); }

}  // namespace

bool IsTraditionalOnly(char32_t c32) {
  const UChar32 c = static_cast<UChar32>(c32);
  if (!IsBmpHan(c)) return false;
  auto& known = Known();
  uint8_t k = known[static_cast<size_t>(c)].load(std::memory_order_relaxed);
  if (k != 0) return k == 2;
  Icu& icu = TheIcu();
  bool traditional = false;
  {
    std::lock_guard<std::mutex> lock(icu.mu);
    if (!icu.InGb2312(c) && icu.Hans() != nullptr) {
      icu::UnicodeString u(c);
      icu.Hans()->transliterate(u);
      traditional = u != icu::UnicodeString(c);
    }
  }
  known[static_cast<size_t>(c)].store(traditional ? 2 : 1, std::memory_order_relaxed);
  return traditional;
}

HanCount CountHan(std::string_view s) {
  HanCount n;
  int32_t i = 0;
  const int32_t len = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < len) {
    if (bytes[i] < 0xE3) {  // below U+3000: no Han character starts here
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, len, c);
    if (!IsBmpHan(c)) continue;
    ++n.han;
    n.traditional += IsTraditionalOnly(static_cast<char32_t>(c));
  }
  return n;
}

std::string ToSimplified(std::string_view s) {
  const std::vector<CodePoint> cps = Decode(s);
  icu::UnicodeString u;
  for (const CodePoint& cp : cps) u.append(cp.c);
  icu::UnicodeString v = u;
  {
    Icu& icu = TheIcu();
    std::lock_guard<std::mutex> lock(icu.mu);
    if (icu.Hans() == nullptr) return std::string(s);
    icu.Hans()->transliterate(v);
  }
  // ICU's rules keep the number of code points; should a rule ever not, nothing is converted.
  if (v.countChar32() != static_cast<int32_t>(cps.size())) return std::string(s);
  std::string out;
  out.reserve(s.size());
  int32_t at = 0;
  for (const CodePoint& cp : cps) {
    const UChar32 to = v.char32At(at);
    at = v.moveIndex32(at, 1);
    if (to != cp.c && cp.c != 0xFFFD && Utf8Length(to) == cp.end - cp.begin) {
      char buf[4];
      int32_t n = 0;
      UBool err = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, to, err);
      (void)err;
      out.append(buf, static_cast<size_t>(n));
    } else {
      out.append(s.substr(cp.begin, cp.end - cp.begin));
    }
  }
  return out;
}

bool SimplifiedPages(const std::vector<RawPage>& pages, std::vector<RawPage>* out) {
  out->clear();
  std::vector<HanCount> counts;
  HanCount all;
  for (const RawPage& p : pages) {
    counts.push_back(CountHan(p.text));
    all.han += counts.back().han;
    all.traditional += counts.back().traditional;
  }
  bool any = false;
  std::vector<bool> convert(pages.size(), false);
  for (size_t i = 0; i < pages.size(); ++i) {
    convert[i] = counts[i].Traditional() || (all.Traditional() && counts[i].traditional > 0);
    any = any || convert[i];
  }
  if (!any) return false;
  *out = pages;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (convert[i]) (*out)[i].text = ToSimplified(pages[i].text);
  }
  return true;
}

void SetWritten(const std::vector<RawPage>& converted, Document* doc) {
  const std::string& text = doc->text;
  std::string out = text;
  std::map<std::string, std::string> back;
  std::set<std::string> ambiguous;
  size_t i = 0;
  while (i < text.size() && i < doc->origins.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    const size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    const Origin& o = doc->origins[i];
    if (len == 3 && i + len <= text.size() && o.page >= 1 && o.page <= doc->pages.size() &&
        o.page <= converted.size()) {
      const std::string& raw = doc->pages[o.page - 1].text;
      const std::string& conv = converted[o.page - 1].text;
      std::string c = text.substr(i, len), as = c;
      // The normalized character is the converted source character, and that one was changed.
      if (o.offset + len <= raw.size() && raw.size() == conv.size() &&
          text.compare(i, len, conv, o.offset, len) == 0 &&
          raw.compare(o.offset, len, conv, o.offset, len) != 0) {
        as = raw.substr(o.offset, len);
        out.replace(i, len, as);
      }
      auto [it, fresh] = back.emplace(c, as);
      if (!fresh && it->second != as) ambiguous.insert(c);
    }
    i += len;
  }
  doc->written_chars.clear();
  for (auto& [from, to] : back) {
    if (from != to && !ambiguous.count(from)) doc->written_chars.emplace(from, to);
  }
  doc->written = std::move(out);
}

}  // namespace jixiao
