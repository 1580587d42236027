// The spans of a finding in the findings table (schema step 007_finding_spans.sql): where its
// figure and its operands are written in its quote, and the operands' places.
#include <nlohmann/json.hpp>

#include "store/store_internal.h"

namespace jixiao {

namespace {

nlohmann::json SpanJson(Span s) { return nlohmann::json::array({s.begin, s.end}); }

// A [begin, end] pair of offsets; an empty span for anything else.
Span SpanFrom(const nlohmann::json& j) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() || !j[1].is_number_unsigned())
    return Span{};
  Span s{j[0].get<size_t>(), j[1].get<size_t>()};
  return s.end > s.begin ? s : Span{};
}

}  // namespace

std::string OperandsJson(const std::vector<CheckResult::Operand>& operands) {
  if (operands.empty()) return "";
  nlohmann::json a = nlohmann::json::array();
  for (const auto& o : operands) {
    nlohmann::json j = {{"text", o.text}, {"page", o.page}, {"line", o.line}};
    if (o.bbox) j["bbox"] = {o.bbox->x0, o.bbox->y0, o.bbox->x1, o.bbox->y1};
    if (!o.in_quote.empty()) j["in_quote"] = SpanJson(o.in_quote);
    a.push_back(std::move(j));
  }
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<CheckResult::Operand> OperandsFromJson(const std::string& json) {
  std::vector<CheckResult::Operand> out;
  if (json.empty()) return out;
  auto a = nlohmann::json::parse(json, nullptr, false);
  if (!a.is_array()) return out;
  for (const auto& j : a) {
    if (!j.is_object()) continue;
    CheckResult::Operand o;
    if (auto t = j.find("text"); t != j.end() && t->is_string()) o.text = t->get<std::string>();
    if (auto p = j.find("page"); p != j.end() && p->is_number_integer()) o.page = p->get<int>();
    if (auto l = j.find("line"); l != j.end() && l->is_number_integer()) o.line = l->get<int>();
    if (auto b = j.find("bbox"); b != j.end() && b->is_array() && b->size() == 4) {
      bool numbers = true;
      for (const auto& v : *b) numbers = numbers && v.is_number();
      if (numbers) {
        o.bbox = Box{(*b)[0].get<double>(), (*b)[1].get<double>(), (*b)[2].get<double>(),
                     (*b)[3].get<double>()};
      }
    }
    if (auto q = j.find("in_quote"); q != j.end()) o.in_quote = SpanFrom(*q);
    out.push_back(std::move(o));
  }
  return out;
}

void BindSpans(SQLite::Statement& s, int first, const CheckResult& c) {
  if (c.figure.empty() || c.figure.end > c.quote.size()) {
    s.bind(first + 0);
    s.bind(first + 1);
  } else {
    s.bind(first + 0, static_cast<int64_t>(c.figure.begin));
    s.bind(first + 1, static_cast<int64_t>(c.figure.end));
  }
  const std::string ops = OperandsJson(c.operands);
  if (ops.empty())
    s.bind(first + 2);
  else
    s.bind(first + 2, ops);
}

void ReadSpans(SQLite::Statement& q, int first, CheckResult* c) {
  c->figure = Span{};
  if (!q.getColumn(first).isNull() && !q.getColumn(first + 1).isNull()) {
    const int64_t b = q.getColumn(first).getInt64(), e = q.getColumn(first + 1).getInt64();
    if (b >= 0 && e > b && static_cast<size_t>(e) <= c->quote.size())
      c->figure = Span{static_cast<size_t>(b), static_cast<size_t>(e)};
  }
  c->operands.clear();
  if (!q.getColumn(first + 2).isNull()) {
    c->operands = OperandsFromJson(q.getColumn(first + 2).getString());
    for (auto& o : c->operands) {
      if (o.in_quote.end > c->quote.size()) o.in_quote = Span{};
    }
  }
}

}  // namespace jixiao
