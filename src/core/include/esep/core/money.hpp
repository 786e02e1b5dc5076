#pragma once
/// @file
/// Money: an amount in tiyn (1 tenge = 100 tiyn) with overflow-checked arithmetic, exact
/// rates, named rounding modes, and allocation over weights that never loses a tiyn.

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/error.hpp"
#include "esep/core/result.hpp"

namespace esep::core {

inline constexpr std::int64_t kTiynPerTenge = 100;

/// How a computed amount that falls between two tiyn (or two tenge) becomes a whole one.
/// Every computation names its mode, so that a payslip or a tax line can be traced to the
/// rule that produced it. "Half up" rounds halves away from zero (2.5 -> 3, -2.5 -> -3):
/// that is the accounting convention, and it keeps a refund the mirror image of a charge.
/// "Down" truncates toward zero.
enum class Rounding {
  /// The default for computed amounts (salary for part of a month, a line's VAT): the
  /// exact value rounded to the nearest tiyn, halves away from zero.
  kHalfUpToTiyn,
  /// Taxes and other payments to the budget: from 1 January 2026 they are computed in
  /// whole tenge (art. 204 of the Tax Code; the State Revenue Committee explains that
  /// amounts in tiyn are rounded to 1 tenge), half up as in payroll practice.
  kHalfUpToTenge,
  /// Truncation for amounts that must never exceed their rule (a cap, a limit "не более"),
  /// and for reproducing calculations made that way elsewhere.
  kDownToTiyn,
  /// Whole tenge without rounding up: the tiyn are dropped ("с отбрасыванием тиынов").
  kDownToTenge,
  /// Banker's rounding (halves to the even tiyn): for many small computed amounts summed
  /// later (interest accrual, averages), where half up's upward bias would accumulate.
  /// Never for tax or payroll lines, which the law and practice round half up.
  kHalfEvenToTiyn,
};

namespace detail {

constexpr std::uint64_t Magnitude(std::int64_t value) {
  // Through unsigned arithmetic so that INT64_MIN has a magnitude too.
  return value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                   : static_cast<std::uint64_t>(value);
}

constexpr std::uint64_t Gcd(std::uint64_t a, std::uint64_t b) {
  while (b != 0) {
    const std::uint64_t rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

}  // namespace detail

/// An exact rational multiplier: numerator / denominator, denominator > 0, kept in lowest
/// terms (so == compares values). Rates are exact so that 12 % or 1/3 of an amount is
/// rounded once, at the end, by the mode the caller names.
class Rate {
 public:
  /// The multiplier 1.
  static constexpr Rate One() { return Rate(1, 1); }
  /// A rate in basis points: 1 bp = 0.01 %, so FromBasisPoints(1000) is 10 % (= 1/10) and
  /// FromBasisPoints(1200) is VAT's 12 %. Constexpr so rates can be named constants.
  static constexpr Rate FromBasisPoints(std::int64_t basis_points) {
    constexpr std::int64_t kBasisPointsPerOne = 10'000;
    const auto divisor =
        static_cast<std::int64_t>(detail::Gcd(detail::Magnitude(basis_points), kBasisPointsPerOne));
    return Rate(basis_points / divisor, kBasisPointsPerOne / divisor);
  }
  /// numerator / denominator; error "rate.denominator" unless denominator > 0.
  static Result<Rate> FromRatio(std::int64_t numerator, std::int64_t denominator);
  /// Parses a multiplier written by a person: "2", "0.5", "12,5", "-1", "3/7", and a
  /// percentage with a trailing '%' ("10%", "12,5 %" = 0.125). A bare number is a
  /// multiplier, not a percentage: "10" multiplies by ten. Surrounding whitespace is
  /// ignored. Errors: "rate.parse.empty", "rate.parse.invalid", "rate.denominator",
  /// "rate.out_of_range" (not representable with int64 terms); `field` names the input.
  static Result<Rate> Parse(std::string_view text, std::string_view field = "rate");

  constexpr std::int64_t numerator() const { return numerator_; }
  constexpr std::int64_t denominator() const { return denominator_; }

  constexpr bool operator==(const Rate&) const = default;

 private:
  constexpr Rate(std::int64_t numerator, std::int64_t denominator)
      : numerator_(numerator), denominator_(denominator) {}

  std::int64_t numerator_;
  std::int64_t denominator_;
};

/// An amount of tenge, stored as a whole number of tiyn. Never a floating-point number:
/// accounts must balance to the tiyn. Arithmetic that can overflow either returns
/// Result (Checked*) or throws ErrorException (operators) — it is never undefined.
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money Zero() { return Money(); }
  static constexpr Money FromTiyn(std::int64_t tiyn) { return Money(tiyn); }
  /// Whole tenge; "money.overflow" when tenge * 100 does not fit.
  static Result<Money> FromTenge(std::int64_t tenge);

  constexpr std::int64_t tiyn() const { return tiyn_; }
  /// The whole-tenge part, truncated toward zero: -1234,50 -> -1234.
  constexpr std::int64_t tenge() const { return tiyn_ / kTiynPerTenge; }
  /// The tiyn part with the amount's sign: -1234,50 -> -50, so that
  /// tenge() * 100 + tiyn_part() == tiyn().
  constexpr std::int64_t tiyn_part() const { return tiyn_ % kTiynPerTenge; }

  constexpr bool IsZero() const { return tiyn_ == 0; }
  constexpr bool IsNegative() const { return tiyn_ < 0; }

  constexpr auto operator<=>(const Money&) const = default;

  Result<Money> CheckedAdd(Money other) const;
  Result<Money> CheckedSub(Money other) const;
  /// Fails only for the most negative amount, whose negation does not fit.
  Result<Money> CheckedNegate() const;
  /// The amount times a whole quantity (price x count).
  Result<Money> CheckedMultiply(std::int64_t quantity) const;
  /// The amount times an exact rate, computed exactly in 128 bits and rounded once by
  /// `rounding` (so 0,495 to whole tenge is 0, not 0,50 -> 1).
  Result<Money> MultiplyBy(const Rate& rate, Rounding rounding) const;
  /// The amount rounded by `rounding`; the *ToTiyn modes return it unchanged. Cannot
  /// overflow: the int64 limits end in ...,07 and -...,08, which round toward zero, so no
  /// Result is needed.
  Money RoundTo(Rounding rounding) const;

  /// Throw ErrorException("money.overflow"): for expressions whose overflow must end the
  /// whole operation.
  Money& operator+=(Money other);
  Money& operator-=(Money other);

 private:
  constexpr explicit Money(std::int64_t tiyn) : tiyn_(tiyn) {}

  std::int64_t tiyn_ = 0;
};

/// Throw ErrorException("money.overflow") instead of wrapping around.
Money operator+(Money left, Money right);
Money operator-(Money left, Money right);
Money operator-(Money amount);

/// The "money.overflow" error (kk/ru/en), for any code that detects an amount too large.
Error MoneyOverflowError(std::string field = {});

/// Splits `total` over `weights` in proportion, by the largest-remainder method: each
/// share is first truncated, then the tiyn left over go one each to the largest
/// remainders (the earlier index wins a tie). The shares always sum to `total` exactly; a
/// negative total is split as the mirror of its magnitude; a zero weight gets zero.
/// Error "money.allocate.weights" (field "weights" or "weights[i]") when the weights are
/// empty, any is negative, or all are zero. Exact for any int64 total and weights.
Result<std::vector<Money>> Allocate(Money total, std::span<const std::int64_t> weights);

}  // namespace esep::core
