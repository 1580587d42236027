// Exact interval arithmetic for recomputing stated figures (see ../shared/docs/rounding.md).
//
// A figure written with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; counts and figures the
// report fixes (max points, self-scores) are points. Bounds are exact rationals (GMP); binary
// floating point is never used for a comparison.
#ifndef JIXIAO_AUDIT_INTERVAL_H_
#define JIXIAO_AUDIT_INTERVAL_H_

#include <gmpxx.h>

#include <string>

#include "extract/number.h"

namespace jixiao {

struct Interval {
  mpq_class lo, hi;
  bool defined = true;  // false after a division by an interval that contains 0

  static Interval Point(const mpq_class& v) { return Interval{v, v, true}; }
  static Interval Undefined() { return Interval{0, 0, false}; }
  // The interval a stated figure stands for. Percentages are fractions (90.94% → 0.9094).
  static Interval Of(const Number& n, bool exact);

  mpq_class Mid() const { return (lo + hi) / 2; }
  bool Overlaps(const Interval& o) const { return defined && o.defined && lo <= o.hi && o.lo <= hi; }
  bool Contains(const mpq_class& v) const { return defined && lo <= v && v <= hi; }
};

Interval operator+(const Interval& a, const Interval& b);
Interval operator-(const Interval& a, const Interval& b);
Interval operator*(const Interval& a, const Interval& b);
Interval operator/(const Interval& a, const Interval& b);

// The exact value of a figure (percent as a fraction).
mpq_class ValueOf(const Number& n);

// Decimal text of `v` rounded half away from zero to `decimals` places: "90.9422".
std::string FormatDecimal(const mpq_class& v, int decimals);

// How a stated figure compares with a recomputed interval.
enum class Agreement {
  kConsistent,  // the intervals overlap
  kTruncated,   // only as a truncation of the value ([v, v + 10⁻ᵈ] overlaps)
  kLastDigit,   // off by one unit in the last place
  kDifferent,   // beyond rounding
  kUndefined,   // the recomputation divides by zero
};
Agreement Compare(const Number& stated, bool stated_exact, const Interval& recomputed);
const char* AgreementText(Agreement a);  // "", "truncated", "last digit", "differs", "÷ 0"

}  // namespace jixiao

#endif  // JIXIAO_AUDIT_INTERVAL_H_
