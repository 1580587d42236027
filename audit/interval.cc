// Interval arithmetic over GMP rationals, and the comparison rules of rounding.md.
#include "audit/interval.h"

#include <algorithm>

namespace jixiao {

namespace {

mpq_class Pow10(int d) {
  mpz_class p;
  mpz_ui_pow_ui(p.get_mpz_t(), 10, static_cast<unsigned long>(d));
  return mpq_class(p);
}

mpq_class Ulp(const Number& n) {
  mpq_class u = 1 / Pow10(n.decimals);
  u.canonicalize();
  if (n.unit == Unit::kPercent) u /= 100;
  return u;
}

}  // namespace

mpq_class ValueOf(const Number& n) {
  mpq_class v(mpz_class(std::to_string(n.scaled)), mpz_class(1));
  v /= Pow10(n.decimals);
  if (n.unit == Unit::kPercent) v /= 100;
  v.canonicalize();
  return v;
}

Interval Interval::Of(const Number& n, bool exact) {
  mpq_class v = ValueOf(n);
  if (exact || n.IsCount()) return Point(v);
  mpq_class h = Ulp(n) / 2;
  return Interval{v - h, v + h, true};
}

Interval operator+(const Interval& a, const Interval& b) {
  if (!a.defined || !b.defined) return Interval::Undefined();
  return Interval{a.lo + b.lo, a.hi + b.hi, true};
}

Interval operator-(const Interval& a, const Interval& b) {
  if (!a.defined || !b.defined) return Interval::Undefined();
  return Interval{a.lo - b.hi, a.hi - b.lo, true};
}

Interval operator*(const Interval& a, const Interval& b) {
  if (!a.defined || !b.defined) return Interval::Undefined();
  mpq_class c[4] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  return Interval{*std::min_element(c, c + 4), *std::max_element(c, c + 4), true};
}

Interval operator/(const Interval& a, const Interval& b) {
  if (!a.defined || !b.defined || (b.lo <= 0 && b.hi >= 0)) return Interval::Undefined();
  mpq_class c[4] = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
  return Interval{*std::min_element(c, c + 4), *std::max_element(c, c + 4), true};
}

std::string FormatDecimal(const mpq_class& v, int decimals) {
  mpq_class scaled = abs(v) * Pow10(decimals);
  mpz_class q = scaled.get_num() / scaled.get_den();
  mpq_class frac = scaled - mpq_class(q);
  if (frac * 2 >= 1) q += 1;
  std::string digits = q.get_str();
  if (decimals > 0) {
    size_t d = static_cast<size_t>(decimals);
    if (digits.size() <= d) digits = std::string(d + 1 - digits.size(), '0') + digits;
    digits = digits.substr(0, digits.size() - d) + "." + digits.substr(digits.size() - d);
  }
  bool zero = q == 0;
  return (v < 0 && !zero ? "-" : "") + digits;
}

Agreement Compare(const Number& stated, bool stated_exact, const Interval& r) {
  if (!r.defined) return Agreement::kUndefined;
  Interval s = Interval::Of(stated, stated_exact);
  if (s.Overlaps(r)) return Agreement::kConsistent;
  mpq_class v = ValueOf(stated);
  mpq_class u = Ulp(stated);
  bool has_band = !stated_exact || stated.decimals > 0;
  if (!has_band) return Agreement::kDifferent;
  // Truncation: the true value was cut, not rounded (for negatives, towards zero).
  Interval trunc = v >= 0 ? Interval{v, v + u, true} : Interval{v - u, v, true};
  if (trunc.Overlaps(r)) return Agreement::kTruncated;
  Interval near{v - u * 3 / 2, v + u * 3 / 2, true};
  if (stated_exact) near = Interval{v - u, v + u, true};
  if (near.Overlaps(r)) return Agreement::kLastDigit;
  return Agreement::kDifferent;
}

const char* AgreementText(Agreement a) {
  switch (a) {
    case Agreement::kConsistent: return "";
    case Agreement::kTruncated: return "truncated, not rounded";
    case Agreement::kLastDigit: return "off by one in the last digit";
    case Agreement::kDifferent: return "differs beyond rounding";
    case Agreement::kUndefined: return "the denominator is 0";
  }
  return "";
}

}  // namespace jixiao
