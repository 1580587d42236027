// The raw side of tables: raw lines split into tokens with their x extents (PDF boxes or display
// columns), the map from raw offsets to Document::text, and header cells read from column words.
#include <algorithm>
#include <limits>

#include "structure/tables_internal.h"

namespace jixiao::internal::grid {

namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();

// Length of the UTF-8 sequence starting with byte `c` (1 for a stray continuation byte).
size_t Utf8Len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 6) return 2;
  if ((c >> 4) == 14) return 3;
  if ((c >> 3) == 30) return 4;
  return 1;
}

uint32_t Decode(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = std::min(Utf8Len(c), s.size() - i);
  *len = n;
  if (n == 1) return c;
  uint32_t v = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return v;
}

// Display width of a code point in a monospaced layout (pdftotext -layout, aligned text).
int Width(uint32_t c) {
  bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
              (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
              (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

// '\n' separates tokens of a pipe row whose cells wrap over lines, read as one line (tables_pipe.cc).
bool IsSeparator(uint32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\n'; }
bool IsPipe(uint32_t c) { return c == '|' || c == 0xFF5C || c == 0x2502; }

bool HasBox(const Box& b) { return b.x1 > b.x0 || b.y1 > b.y0; }

}  // namespace

RawMap::RawMap(const Document& doc) : doc_(doc), first_(doc.pages.size()) {
  std::vector<size_t> index_of;  // page number → index
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    size_t n = static_cast<size_t>(std::max(doc.pages[i].number, 0));
    if (n >= index_of.size()) index_of.resize(n + 1, kNone);
    index_of[n] = i;
    first_[i].assign(doc.pages[i].text.size(), 0);
  }
  const size_t limit = std::min(doc.text.size(), doc.origins.size());
  for (size_t i = 0; i < limit && i < std::numeric_limits<uint32_t>::max(); ++i) {
    const Origin& o = doc.origins[i];
    if (o.page >= index_of.size() || index_of[o.page] == kNone) continue;
    size_t p = index_of[o.page];
    const std::string& raw = doc.pages[p].text;
    if (o.offset >= raw.size()) continue;
    char c = doc.text[i];
    // Separators normalization inserted ('\n' between logical lines, ' ' where lines were
    // joined) carry the origin of a neighbouring character: they are not that character.
    if (c == '\n' || (c == ' ' && raw[o.offset] != ' ')) continue;
    if (first_[p][o.offset] == 0) first_[p][o.offset] = static_cast<uint32_t>(i + 1);
  }
}

size_t RawMap::Begin(size_t page, size_t off) const {
  if (page >= first_.size() || off >= first_[page].size() || first_[page][off] == 0) return kNone;
  return first_[page][off] - 1;
}

Span RawMap::SpanOf(size_t page, size_t b, size_t e) const {
  if (page >= first_.size()) return {};
  e = std::min(e, first_[page].size());
  size_t begin = kNone, last = kNone;
  for (size_t k = b; k < e; ++k) {
    if (first_[page][k] != 0) {
      begin = first_[page][k] - 1;
      break;
    }
  }
  if (begin == kNone) return {};
  size_t last_raw = kNone;
  for (size_t k = e; k-- > b;) {
    if (first_[page][k] != 0) {
      last = first_[page][k] - 1;
      last_raw = k;
      break;
    }
  }
  const std::string& raw = doc_.pages[page].text;
  const uint32_t number = static_cast<uint32_t>(doc_.pages[page].number);
  size_t end = last;
  while (end < doc_.text.size() && end < doc_.origins.size() && doc_.origins[end].page == number &&
         doc_.origins[end].offset == last_raw && doc_.text[end] != '\n' &&
         !(doc_.text[end] == ' ' && raw[last_raw] != ' '))
    ++end;
  if (end <= begin) return {};
  return Span{begin, end};
}

RawLine ReadLine(const Document& doc, const RawMap& map, size_t page, size_t b, size_t e, double index) {
  RawLine line;
  line.page = page;
  line.b = b;
  line.e = e;
  const RawPage& p = doc.pages[page];
  std::string_view s(p.text);
  line.positioned = doc.is_pdf && p.boxes.size() == p.text.size();
  double col = 0;
  bool have_y = false;
  size_t i = b;
  while (i < e) {
    size_t len;
    uint32_t c = Decode(s, i, &len);
    if (IsSeparator(c)) {
      col = c == '\t' ? (static_cast<int>(col) / 8 + 1) * 8 : col + Width(c);
      i += len;
      continue;
    }
    Token t;
    t.raw_b = i;
    t.x0 = col;
    if (IsPipe(c)) {
      col += Width(c);
      i += len;
    } else {
      while (i < e) {
        c = Decode(s, i, &len);
        if (IsSeparator(c) || IsPipe(c)) break;
        col += Width(c);
        i += len;
      }
    }
    t.raw_e = i;
    t.x1 = col;
    t.at = map.SpanOf(page, t.raw_b, t.raw_e);
    if (line.positioned) {
      bool any = false;
      for (size_t k = t.raw_b; k < t.raw_e; ++k) {
        const Box& bx = p.boxes[k];
        if (!HasBox(bx)) continue;
        if (!any) {
          t.x0 = bx.x0, t.x1 = bx.x1, t.y0 = bx.y0, t.y1 = bx.y1;
          if (!have_y) line.y0 = bx.y0, line.y1 = bx.y1, have_y = true;
        }
        t.x0 = std::min(t.x0, bx.x0), t.x1 = std::max(t.x1, bx.x1);
        t.y0 = std::min(t.y0, bx.y0), t.y1 = std::max(t.y1, bx.y1);
        line.y0 = std::min(line.y0, bx.y0), line.y1 = std::max(line.y1, bx.y1);
        any = true;
      }
    }
    if (!t.at.empty()) {
      if (line.at.empty()) line.at = t.at;
      line.at.begin = std::min(line.at.begin, t.at.begin);
      line.at.end = std::max(line.at.end, t.at.end);
    }
    line.tokens.push_back(t);
  }
  if (!line.positioned) {
    // "… | 10 | |||||||": a web page's table of merged columns leaves a run of bars glued together
    // after the row's last cell. They hold no cells: the run is dropped from its first two glued
    // bars on, one bar kept to close the last cell.
    auto bar = [&](const Token& t) {
      size_t len = 0;
      uint32_t c = Decode(s, t.raw_b, &len);
      return IsPipe(c) && t.raw_b + len == t.raw_e;
    };
    size_t last = line.tokens.size();
    while (last > 0 && bar(line.tokens[last - 1])) --last;
    for (size_t k = last; k + 1 < line.tokens.size(); ++k) {
      if (line.tokens[k].raw_e != line.tokens[k + 1].raw_b) continue;
      line.tokens.resize(k == last ? k + 1 : k);
      line.at = Span{};
      for (const Token& t : line.tokens) {
        if (t.at.empty()) continue;
        line.at = line.at.empty() ? t.at : Span{std::min(line.at.begin, t.at.begin), std::max(line.at.end, t.at.end)};
      }
      break;
    }
  }
  line.dropped = !line.tokens.empty() && line.at.empty();
  if (!line.positioned || !have_y) line.y0 = line.y1 = index, line.positioned = false;
  return line;
}

void ExtentOf(const Document& doc, const RawLine& line, size_t b, size_t e, double* x0, double* x1) {
  const RawPage& p = doc.pages[line.page];
  if (line.positioned) {
    bool any = false;
    for (size_t k = b; k < e && k < p.boxes.size(); ++k) {
      const Box& bx = p.boxes[k];
      if (!HasBox(bx)) continue;
      if (!any) *x0 = bx.x0, *x1 = bx.x1;
      *x0 = std::min(*x0, bx.x0), *x1 = std::max(*x1, bx.x1);
      any = true;
    }
    if (any) return;
  }
  std::string_view s(p.text);
  double col = 0;
  size_t i = line.b;
  *x0 = *x1 = 0;
  while (i < line.e && i < e) {
    if (i == b) *x0 = col;
    size_t len;
    uint32_t c = Decode(s, i, &len);
    col = c == '\t' ? (static_cast<int>(col) / 8 + 1) * 8 : col + Width(c);
    i += len;
  }
  *x1 = col;
}

GridRules::GridRules(const Rules& rules)
    : column(rules.One("grid.column")),
      note(rules.One("grid.column_note")),
      prose(rules.One("grid.prose")),
      marker(rules.One("grid.empty_marker")),
      figure(rules.One("grid.figure")),
      total(rules.One("table.total_row")),
      heading(rules.One("structure.marker")),
      header_tail(rules.One("grid.header_tail")),
      class_text(rules.One("grid.class_text")),
      class_number(rules.One("grid.class_number")),
      class_value(rules.One("grid.class_value")),
      class_name(rules.One("grid.class_name")),
      class_reject(rules.One("grid.class_reject")),
      title_cell(rules.One("grid.title_cell")),
      level_column(rules.One("grid.level_column")),
      filled_column(rules.One("grid.filled_column")),
      percent_column(rules.One("grid.percent_column")),
      residue_row(rules.One("grid.residue_row")),
      amount_column(rules.One("grid.amount_column")),
      name_word(rules.One("grid.name_word")) {
  auto opt = [&](const char* name) { return rules.Has(name) ? &rules.One(name) : nullptr; };
  flat_level1 = opt("grid.flat.level1");
  flat_amount = opt("grid.flat.amount");
  flat_total_only = opt("grid.flat.total_only");
  flat_may_lack = opt("grid.flat.may_lack");
  flat_unscored = opt("grid.flat.unscored");
  flat_text_word = opt("grid.flat.text_word");
  flat_unit_column = opt("grid.flat.unit_column");
  flat_unit_cell = opt("grid.flat.unit_cell");
  flat_nature_column = opt("grid.flat.nature_column");
  flat_nature_cell = opt("grid.flat.nature_cell");
  flat_group_name = opt("grid.flat.group_name");
  stream_end = opt("grid.stream_end");
  group_label = opt("grid.group_label");
  funds_part = opt("grid.funds_part");
  serial_column = opt("grid.serial_column");
  ocr_figure = opt("grid.ocr_figure");
  for (const auto& [name, index] : column.NamedCapturingGroups()) {
    if (name == "name") groups.emplace_back(index, ColType::kName);
    if (name == "number") groups.emplace_back(index, ColType::kNumber);
    if (name == "value") groups.emplace_back(index, ColType::kValue);
    if (name == "text") groups.emplace_back(index, ColType::kText);
  }
}

bool IsFigure(const GridRules& g, std::string_view s) {
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), g.figure);
}
bool IsEmptyMarker(const GridRules& g, std::string_view s) {
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), g.marker);
}

bool ParseHeader(const Document& doc, const GridRules& g, const RawLine& line, size_t from, size_t to,
                 std::vector<HeaderCol>* cols) {
  const int n = g.column.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sub(static_cast<size_t>(n));
  const std::string& raw = doc.pages[line.page].text;
  auto raw_end_of = [&](size_t norm_end) {  // raw offset just past the character behind text[norm_end - 1]
    size_t r = doc.origins[norm_end - 1].offset;
    return std::min(r + Utf8Len(static_cast<unsigned char>(raw[r])), raw.size());
  };
  for (size_t ti = from; ti < to; ++ti) {
    const Token& t = line.tokens[ti];
    std::string_view s = View(doc, t.at);
    if (s.empty()) return false;
    if (s.size() == 1 && IsPipe(static_cast<unsigned char>(s[0]))) continue;
    re2::StringPiece in(s.data(), s.size());
    size_t pos = 0;
    while (pos < s.size()) {
      re2::StringPiece here = in.substr(pos);
      if (g.column.Match(here, 0, here.size(), RE2::ANCHOR_START, sub.data(), n)) {
        HeaderCol c;
        for (const auto& [index, type] : g.groups)
          if (sub[static_cast<size_t>(index)].data() != nullptr) c.type = type;
        size_t len = sub[0].size();
        c.label = std::string(s.substr(pos, len));
        c.at = Span{t.at.begin + pos, t.at.begin + pos + len};
        c.first_token = c.last_token = ti;
        ExtentOf(doc, line, doc.origins[c.at.begin].offset, raw_end_of(c.at.end), &c.x0, &c.x1);
        cols->push_back(c);
        pos += len;
      } else if (!cols->empty() && (pos == 0 || ti == cols->back().last_token) &&
                 g.note.Match(here, 0, here.size(), RE2::ANCHOR_START, sub.data(), 1)) {
        // A note ("(万元)") of the column before it, in the same token or the next one.
        HeaderCol& c = cols->back();
        size_t len = sub[0].size();
        c.label += std::string(s.substr(pos, len));
        double x0 = 0, x1 = 0;
        ExtentOf(doc, line, doc.origins[t.at.begin + pos].offset, raw_end_of(t.at.begin + pos + len), &x0, &x1);
        c.x1 = std::max(c.x1, x1);
        c.last_token = ti;
        pos += len;
      } else {
        return false;
      }
    }
  }
  return true;
}

}  // namespace jixiao::internal::grid
