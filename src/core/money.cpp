#include "esep/core/money.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace esep::core {
namespace {

// 128 bits hold any product of two int64 values exactly, so a rate or an allocation is
// computed without intermediate rounding or overflow.
__extension__ using Int128 = __int128;

constexpr Int128 kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();

enum class Method { kHalfAwayFromZero, kHalfToEven, kTruncate };

struct RoundingRule {
  std::int64_t unit;  // in tiyn: 1 or 100
  Method method;
};

RoundingRule RuleOf(Rounding rounding) {
  switch (rounding) {
    case Rounding::kHalfUpToTiyn:
      return {1, Method::kHalfAwayFromZero};
    case Rounding::kHalfUpToTenge:
      return {kTiynPerTenge, Method::kHalfAwayFromZero};
    case Rounding::kDownToTiyn:
      return {1, Method::kTruncate};
    case Rounding::kDownToTenge:
      return {kTiynPerTenge, Method::kTruncate};
    case Rounding::kHalfEvenToTiyn:
      return {1, Method::kHalfToEven};
  }
  return {1, Method::kHalfAwayFromZero};
}

Int128 Abs(Int128 value) { return value < 0 ? -value : value; }

// dividend / divisor (divisor > 0) rounded once by `rule`. The divisor is below 2^70 (an
// int64 denominator times 100), so 2 * remainder cannot overflow.
Int128 DivideRounded(Int128 dividend, Int128 divisor, const RoundingRule& rule) {
  const Int128 quotient = dividend / divisor;  // truncated toward zero
  const Int128 remainder = dividend % divisor;
  if (remainder == 0 || rule.method == Method::kTruncate) return quotient;
  const Int128 away = dividend < 0 ? quotient - 1 : quotient + 1;
  const Int128 twice = 2 * Abs(remainder);
  if (twice > divisor) return away;
  if (twice < divisor) return quotient;
  if (rule.method == Method::kHalfToEven && quotient % 2 == 0) return quotient;
  return away;
}

std::optional<std::int64_t> ToInt64(Int128 value) {
  if (value < kInt64Min || value > kInt64Max) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

Error WeightsError(std::string field, std::string details, std::string kk, std::string ru,
                   std::string en) {
  Error error = MakeError("money.allocate.weights", std::move(kk), std::move(ru), std::move(en),
                          std::move(field));
  error.details = std::move(details);
  return error;
}

// Rate::Parse accumulates in 128 bits and gives up beyond this, far past anything that
// could still reduce to int64 terms.
constexpr Int128 kParseLimit =
    static_cast<Int128>(1'000'000'000'000'000'000) * static_cast<Int128>(1'000'000'000'000'000'000);
constexpr int kMaxParsedFractionDigits = 36;

Int128 Gcd128(Int128 a, Int128 b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    const Int128 rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of digits at `pos` into `value`; false when the value passes kParseLimit.
// `count` receives the number of digits read.
bool ReadDigits(std::string_view text, std::size_t& pos, Int128& value, int& count) {
  count = 0;
  while (pos < text.size() && IsDigit(text[pos])) {
    value = value * 10 + (text[pos] - '0');
    ++count;
    ++pos;
    if (value > kParseLimit) return false;
  }
  return true;
}

Error RateError(std::string code, std::string kk, std::string ru, std::string en,
                std::string_view field, std::string_view text) {
  Error error =
      MakeError(std::move(code), std::move(kk), std::move(ru), std::move(en), std::string(field));
  error.details = std::string(text);
  return error;
}

Error RateInvalid(std::string_view field, std::string_view text) {
  return RateError("rate.parse.invalid", "Ставка сан болуы керек, мысалы: 2, 0,5, 12,5 %, 3/7",
                   "Ставка должна быть числом, например: 2, 0,5, 12,5 %, 3/7",
                   "The rate must be a number, e.g. 2, 0.5, 12.5 %, 3/7", field, text);
}

Error RateOutOfRange(std::string_view field, std::string_view text) {
  return RateError(
      "rate.out_of_range",
      "Ставканы дәл көрсету мүмкін емес: сан тым үлкен немесе таңбалары тым көп",
      "Ставку нельзя представить точно: число слишком велико или в нём слишком много знаков",
      "The rate cannot be represented exactly: too large or too many digits", field, text);
}

}  // namespace

Error MoneyOverflowError(std::string field) {
  return MakeError("money.overflow", "Сома тым үлкен (асып кету)",
                   "Сумма слишком велика (переполнение)", "The amount is too large (overflow)",
                   std::move(field));
}

Result<Money> Money::FromTenge(std::int64_t tenge) {
  std::int64_t tiyn = 0;
  if (__builtin_mul_overflow(tenge, kTiynPerTenge, &tiyn)) return MoneyOverflowError();
  return Money(tiyn);
}

Result<Money> Money::CheckedAdd(Money other) const {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(tiyn_, other.tiyn_, &sum)) return MoneyOverflowError();
  return Money(sum);
}

Result<Money> Money::CheckedSub(Money other) const {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(tiyn_, other.tiyn_, &difference)) return MoneyOverflowError();
  return Money(difference);
}

Result<Money> Money::CheckedNegate() const {
  std::int64_t negated = 0;
  if (__builtin_sub_overflow(std::int64_t{0}, tiyn_, &negated)) return MoneyOverflowError();
  return Money(negated);
}

Result<Money> Money::CheckedMultiply(std::int64_t quantity) const {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(tiyn_, quantity, &product)) return MoneyOverflowError();
  return Money(product);
}

Result<Money> Money::MultiplyBy(const Rate& rate, Rounding rounding) const {
  const RoundingRule rule = RuleOf(rounding);
  const Int128 exact_numerator = static_cast<Int128>(tiyn_) * rate.numerator();
  const Int128 units =
      DivideRounded(exact_numerator, static_cast<Int128>(rate.denominator()) * rule.unit, rule);
  const std::optional<std::int64_t> tiyn = ToInt64(units * rule.unit);
  if (!tiyn) return MoneyOverflowError();
  return Money(*tiyn);
}

Money Money::RoundTo(Rounding rounding) const {
  // value() never throws here: see the header for why rounding cannot overflow.
  return MultiplyBy(Rate::One(), rounding).value();
}

Money& Money::operator+=(Money other) {
  *this = CheckedAdd(other).value();
  return *this;
}

Money& Money::operator-=(Money other) {
  *this = CheckedSub(other).value();
  return *this;
}

Money operator+(Money left, Money right) { return left.CheckedAdd(right).value(); }

Money operator-(Money left, Money right) { return left.CheckedSub(right).value(); }

Money operator-(Money amount) { return amount.CheckedNegate().value(); }

Result<std::vector<Money>> Allocate(Money total, std::span<const std::int64_t> weights) {
  if (weights.empty()) {
    return WeightsError("weights", "empty", "Бөлу үшін үлестер берілмеген",
                        "Не заданы доли для распределения суммы",
                        "No weights are given to allocate the amount over");
  }
  // The sum of up to 2^64 int64 weights fits in 128 bits.
  Int128 weight_sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return WeightsError("weights[" + std::to_string(i) + "]", "negative",
                          "Бөлу үлесі теріс болмауы керек",
                          "Доля распределения не может быть отрицательной",
                          "An allocation weight cannot be negative");
    }
    weight_sum += weights[i];
  }
  if (weight_sum == 0) {
    return WeightsError("weights", "all_zero", "Бөлу үлестерінің барлығы нөлге тең",
                        "Все доли распределения равны нулю", "All allocation weights are zero");
  }

  // Work on the magnitude so that a negative total is split as the exact mirror of the
  // positive one; |INT64_MIN| fits in 128 bits.
  const Int128 magnitude = Abs(total.tiyn());
  std::vector<Int128> shares(weights.size());
  std::vector<Int128> remainders(weights.size());
  Int128 handed_out = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const Int128 exact = magnitude * weights[i];  // < 2^126
    shares[i] = exact / weight_sum;
    remainders[i] = exact % weight_sum;
    handed_out += shares[i];
  }
  // Fewer tiyn are left over than there are non-zero remainders, so a zero weight (whose
  // remainder is zero) never receives one.
  const Int128 left_over = magnitude - handed_out;
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&remainders](std::size_t a, std::size_t b) {
    return remainders[a] > remainders[b];
  });
  for (Int128 k = 0; k < left_over; ++k) {
    shares[order[static_cast<std::size_t>(k)]] += 1;
  }

  std::vector<Money> result;
  result.reserve(weights.size());
  for (const Int128 share : shares) {
    // Each share is at most |total|, so its signed value fits in int64.
    result.push_back(
        Money::FromTiyn(static_cast<std::int64_t>(total.IsNegative() ? -share : share)));
  }
  return result;
}

Result<Rate> Rate::FromRatio(std::int64_t numerator, std::int64_t denominator) {
  if (denominator <= 0) {
    Error error = MakeError("rate.denominator", "Ставканың бөлгіші оң сан болуы керек",
                            "Знаменатель ставки должен быть положительным",
                            "The rate's denominator must be positive", "rate");
    error.details = std::to_string(numerator) + "/" + std::to_string(denominator);
    return error;
  }
  const auto divisor = static_cast<std::int64_t>(
      detail::Gcd(detail::Magnitude(numerator), detail::Magnitude(denominator)));
  return Rate(numerator / divisor, denominator / divisor);
}

Result<Rate> Rate::Parse(std::string_view text, std::string_view field) {
  const std::string_view trimmed = TrimAscii(text);
  if (trimmed.empty()) {
    return RateError("rate.parse.empty", "Ставка көрсетілмеген", "Ставка не указана",
                     "The rate is empty", field, text);
  }
  std::size_t pos = 0;
  bool negative = false;
  if (trimmed[pos] == '+' || trimmed[pos] == '-') {
    negative = trimmed[pos] == '-';
    ++pos;
  }
  Int128 numerator = 0;
  Int128 denominator = 1;
  int digits = 0;
  if (!ReadDigits(trimmed, pos, numerator, digits)) return RateOutOfRange(field, text);
  if (digits == 0) return RateInvalid(field, text);
  if (pos < trimmed.size() && trimmed[pos] == '/') {
    ++pos;
    denominator = 0;
    if (!ReadDigits(trimmed, pos, denominator, digits)) return RateOutOfRange(field, text);
    if (digits == 0) return RateInvalid(field, text);
    if (denominator == 0) {
      return RateError("rate.denominator", "Ставканың бөлгіші оң сан болуы керек",
                       "Знаменатель ставки должен быть положительным",
                       "The rate's denominator must be positive", field, text);
    }
  } else if (pos < trimmed.size() && (trimmed[pos] == '.' || trimmed[pos] == ',')) {
    ++pos;
    if (!ReadDigits(trimmed, pos, numerator, digits)) return RateOutOfRange(field, text);
    if (digits == 0) return RateInvalid(field, text);
    if (digits > kMaxParsedFractionDigits) return RateOutOfRange(field, text);
    for (int i = 0; i < digits; ++i) denominator *= 10;
  }
  while (pos < trimmed.size() && IsAsciiSpace(trimmed[pos])) ++pos;
  if (pos < trimmed.size() && trimmed[pos] == '%') {
    ++pos;
    denominator *= 100;
  }
  if (pos != trimmed.size()) return RateInvalid(field, text);

  const Int128 divisor = numerator == 0 ? denominator : Gcd128(numerator, denominator);
  const std::optional<std::int64_t> reduced_numerator =
      ToInt64((negative ? -numerator : numerator) / divisor);
  const std::optional<std::int64_t> reduced_denominator = ToInt64(denominator / divisor);
  if (!reduced_numerator || !reduced_denominator) return RateOutOfRange(field, text);
  return Rate(*reduced_numerator, *reduced_denominator);
}

}  // namespace esep::core
