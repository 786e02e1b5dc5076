#include "esep/core/money.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <ostream>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "esep/core/error.hpp"
#include "esep/core/result.hpp"

namespace esep::core {

// Readable failure messages instead of gtest's byte dumps.
void PrintTo(const Money& amount, std::ostream* out) { *out << amount.tiyn() << " tiyn"; }
void PrintTo(const Rate& rate, std::ostream* out) {
  *out << rate.numerator() << "/" << rate.denominator();
}

namespace {

__extension__ using Int128 = __int128;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Money Tiyn(std::int64_t tiyn) { return Money::FromTiyn(tiyn); }

Rate Ratio(std::int64_t numerator, std::int64_t denominator) {
  return Rate::FromRatio(numerator, denominator).value();
}

void ExpectOverflow(const Result<Money>& result) {
  ASSERT_FALSE(result.ok()) << "expected overflow, got " << result.value().tiyn();
  EXPECT_EQ(result.error().code, "money.overflow");
}

std::vector<Money> Tiyns(std::initializer_list<std::int64_t> values) {
  std::vector<Money> amounts;
  for (const std::int64_t value : values) amounts.push_back(Tiyn(value));
  return amounts;
}

// --- construction and parts ---------------------------------------------------------

TEST(MoneyTest, DefaultAndZeroAreZero) {
  EXPECT_EQ(Money().tiyn(), 0);
  EXPECT_EQ(Money::Zero().tiyn(), 0);
  EXPECT_TRUE(Money().IsZero());
  EXPECT_FALSE(Tiyn(1).IsZero());
  EXPECT_FALSE(Tiyn(-1).IsZero());
}

TEST(MoneyTest, FromTiynIsConstexpr) {
  static_assert(Money::FromTiyn(12345).tiyn() == 12345);
  static_assert(Money::FromTiyn(12345).tenge() == 123);
  static_assert(Money::FromTiyn(12345).tiyn_part() == 45);
  EXPECT_EQ(Tiyn(kMin).tiyn(), kMin);
  EXPECT_EQ(Tiyn(kMax).tiyn(), kMax);
}

TEST(MoneyTest, FromTengeMultipliesByHundred) {
  EXPECT_EQ(Money::FromTenge(1234).value().tiyn(), 123400);
  EXPECT_EQ(Money::FromTenge(-7).value().tiyn(), -700);
  EXPECT_EQ(Money::FromTenge(0).value().tiyn(), 0);
  EXPECT_EQ(Money::FromTenge(kMax / 100).value().tiyn(), kMax / 100 * 100);
  EXPECT_EQ(Money::FromTenge(kMin / 100).value().tiyn(), kMin / 100 * 100);
}

TEST(MoneyTest, FromTengeOverflowIsAnError) {
  ExpectOverflow(Money::FromTenge(kMax / 100 + 1));
  ExpectOverflow(Money::FromTenge(kMin / 100 - 1));
  ExpectOverflow(Money::FromTenge(kMax));
  ExpectOverflow(Money::FromTenge(kMin));
}

TEST(MoneyTest, TengeAndTiynPartsKeepTheSign) {
  EXPECT_EQ(Tiyn(123456789).tenge(), 1234567);
  EXPECT_EQ(Tiyn(123456789).tiyn_part(), 89);
  EXPECT_EQ(Tiyn(-123450).tenge(), -1234);
  EXPECT_EQ(Tiyn(-123450).tiyn_part(), -50);
  EXPECT_EQ(Tiyn(-5).tenge(), 0);
  EXPECT_EQ(Tiyn(-5).tiyn_part(), -5);
  EXPECT_EQ(Tiyn(kMin).tenge(), -92233720368547758);
  EXPECT_EQ(Tiyn(kMin).tiyn_part(), -8);
  EXPECT_EQ(Tiyn(kMax).tenge(), 92233720368547758);
  EXPECT_EQ(Tiyn(kMax).tiyn_part(), 7);
  for (const std::int64_t tiyn : {kMin, kMin + 1, std::int64_t{-101}, std::int64_t{-1},
                                  std::int64_t{0}, std::int64_t{99}, kMax}) {
    EXPECT_EQ(Tiyn(tiyn).tenge() * 100 + Tiyn(tiyn).tiyn_part(), tiyn);
  }
}

TEST(MoneyTest, SignAndComparison) {
  EXPECT_TRUE(Tiyn(-1).IsNegative());
  EXPECT_TRUE(Tiyn(kMin).IsNegative());
  EXPECT_FALSE(Tiyn(0).IsNegative());
  EXPECT_FALSE(Tiyn(1).IsNegative());
  EXPECT_LT(Tiyn(-1), Tiyn(0));
  EXPECT_LT(Tiyn(kMin), Tiyn(kMax));
  EXPECT_GT(Tiyn(100), Tiyn(99));
  EXPECT_LE(Tiyn(5), Tiyn(5));
  EXPECT_GE(Tiyn(5), Tiyn(5));
  EXPECT_EQ(Tiyn(5), Tiyn(5));
  EXPECT_NE(Tiyn(5), Tiyn(-5));
}

// --- checked arithmetic -------------------------------------------------------------

TEST(MoneyTest, CheckedAdd) {
  EXPECT_EQ(Tiyn(150).CheckedAdd(Tiyn(275)).value(), Tiyn(425));
  EXPECT_EQ(Tiyn(150).CheckedAdd(Tiyn(-275)).value(), Tiyn(-125));
  EXPECT_EQ(Tiyn(kMax - 1).CheckedAdd(Tiyn(1)).value(), Tiyn(kMax));
  EXPECT_EQ(Tiyn(kMin + 1).CheckedAdd(Tiyn(-1)).value(), Tiyn(kMin));
  EXPECT_EQ(Tiyn(kMax).CheckedAdd(Tiyn(kMin)).value(), Tiyn(-1));
}

TEST(MoneyTest, CheckedAddOverflowAtBothEdges) {
  ExpectOverflow(Tiyn(kMax).CheckedAdd(Tiyn(1)));
  ExpectOverflow(Tiyn(kMin).CheckedAdd(Tiyn(-1)));
  ExpectOverflow(Tiyn(kMax).CheckedAdd(Tiyn(kMax)));
  ExpectOverflow(Tiyn(kMin).CheckedAdd(Tiyn(kMin)));
}

TEST(MoneyTest, CheckedSub) {
  EXPECT_EQ(Tiyn(150).CheckedSub(Tiyn(275)).value(), Tiyn(-125));
  EXPECT_EQ(Tiyn(kMin + 1).CheckedSub(Tiyn(1)).value(), Tiyn(kMin));
  EXPECT_EQ(Tiyn(-1).CheckedSub(Tiyn(kMax)).value(), Tiyn(kMin));
  ExpectOverflow(Tiyn(kMin).CheckedSub(Tiyn(1)));
  ExpectOverflow(Tiyn(kMax).CheckedSub(Tiyn(-1)));
  ExpectOverflow(Tiyn(0).CheckedSub(Tiyn(kMin)));
}

TEST(MoneyTest, CheckedNegate) {
  EXPECT_EQ(Tiyn(250).CheckedNegate().value(), Tiyn(-250));
  EXPECT_EQ(Tiyn(-250).CheckedNegate().value(), Tiyn(250));
  EXPECT_EQ(Tiyn(0).CheckedNegate().value(), Tiyn(0));
  EXPECT_EQ(Tiyn(kMax).CheckedNegate().value(), Tiyn(-kMax));
  EXPECT_EQ(Tiyn(kMin + 1).CheckedNegate().value(), Tiyn(kMax));
  ExpectOverflow(Tiyn(kMin).CheckedNegate());
}

TEST(MoneyTest, CheckedMultiply) {
  EXPECT_EQ(Tiyn(1250).CheckedMultiply(3).value(), Tiyn(3750));
  EXPECT_EQ(Tiyn(1250).CheckedMultiply(-3).value(), Tiyn(-3750));
  EXPECT_EQ(Tiyn(-1250).CheckedMultiply(0).value(), Tiyn(0));
  EXPECT_EQ(Tiyn(kMax).CheckedMultiply(1).value(), Tiyn(kMax));
  EXPECT_EQ(Tiyn(kMax).CheckedMultiply(-1).value(), Tiyn(-kMax));
  EXPECT_EQ(Tiyn(kMin).CheckedMultiply(1).value(), Tiyn(kMin));
  EXPECT_EQ(Tiyn(kMin / 2).CheckedMultiply(2).value(), Tiyn(kMin));
}

TEST(MoneyTest, CheckedMultiplyOverflow) {
  ExpectOverflow(Tiyn(kMax).CheckedMultiply(2));
  ExpectOverflow(Tiyn(kMax / 2 + 1).CheckedMultiply(2));
  ExpectOverflow(Tiyn(kMin).CheckedMultiply(-1));
  ExpectOverflow(Tiyn(-1).CheckedMultiply(kMin));
  ExpectOverflow(Tiyn(3037000500).CheckedMultiply(3037000500));  // just past sqrt(2^63)
}

// --- throwing operators -------------------------------------------------------------

TEST(MoneyTest, OperatorsCompute) {
  EXPECT_EQ(Tiyn(100) + Tiyn(23), Tiyn(123));
  EXPECT_EQ(Tiyn(100) - Tiyn(123), Tiyn(-23));
  EXPECT_EQ(-Tiyn(100), Tiyn(-100));
  Money amount = Tiyn(10);
  amount += Tiyn(5);
  EXPECT_EQ(amount, Tiyn(15));
  amount -= Tiyn(20);
  EXPECT_EQ(amount, Tiyn(-5));
}

TEST(MoneyTest, OperatorsThrowOnOverflow) {
  EXPECT_THROW((void)(Tiyn(kMax) + Tiyn(1)), ErrorException);
  EXPECT_THROW((void)(Tiyn(kMin) - Tiyn(1)), ErrorException);
  EXPECT_THROW((void)(-Tiyn(kMin)), ErrorException);
  Money amount = Tiyn(kMax);
  EXPECT_THROW(amount += Tiyn(1), ErrorException);
  EXPECT_EQ(amount, Tiyn(kMax)) << "a failed += must leave the amount unchanged";
  amount = Tiyn(kMin);
  EXPECT_THROW(amount -= Tiyn(1), ErrorException);
  EXPECT_EQ(amount, Tiyn(kMin));
}

TEST(MoneyTest, ThrownErrorIsTheOverflowError) {
  try {
    (void)(Tiyn(kMax) + Tiyn(kMax));
    FAIL() << "no exception";
  } catch (const ErrorException& exception) {
    EXPECT_EQ(exception.error().code, "money.overflow");
    EXPECT_EQ(exception.error(), MoneyOverflowError());
  }
}

TEST(MoneyTest, OverflowErrorIsTrilingual) {
  const Error error = MoneyOverflowError("rows[3].amount");
  EXPECT_EQ(error.code, "money.overflow");
  EXPECT_EQ(error.message.kk, "Сома тым үлкен (асып кету)");
  EXPECT_EQ(error.message.ru, "Сумма слишком велика (переполнение)");
  EXPECT_EQ(error.message.en, "The amount is too large (overflow)");
  EXPECT_EQ(error.field, "rows[3].amount");
  EXPECT_EQ(MoneyOverflowError().field, "");
}

// --- Rate ---------------------------------------------------------------------------

TEST(RateTest, FromBasisPointsIsReducedAndConstexpr) {
  static_assert(Rate::FromBasisPoints(1000) == Rate::FromBasisPoints(1000));
  static_assert(Rate::FromBasisPoints(1000).numerator() == 1);
  static_assert(Rate::FromBasisPoints(1000).denominator() == 10);
  EXPECT_EQ(Rate::FromBasisPoints(1200), Ratio(3, 25));
  EXPECT_EQ(Rate::FromBasisPoints(10000), Rate::One());
  EXPECT_EQ(Rate::FromBasisPoints(0), Ratio(0, 1));
  EXPECT_EQ(Rate::FromBasisPoints(0).denominator(), 1);
  EXPECT_EQ(Rate::FromBasisPoints(-500), Ratio(-1, 20));
  EXPECT_EQ(Rate::FromBasisPoints(1), Ratio(1, 10000));
  EXPECT_EQ(Rate::FromBasisPoints(kMin).numerator(), kMin / 16);
  EXPECT_EQ(Rate::FromBasisPoints(kMin).denominator(), 625);
}

TEST(RateTest, OneIsOne) {
  EXPECT_EQ(Rate::One().numerator(), 1);
  EXPECT_EQ(Rate::One().denominator(), 1);
}

TEST(RateTest, FromRatioReducesToLowestTerms) {
  EXPECT_EQ(Ratio(6, 4).numerator(), 3);
  EXPECT_EQ(Ratio(6, 4).denominator(), 2);
  EXPECT_EQ(Ratio(-6, 4), Ratio(-3, 2));
  EXPECT_EQ(Ratio(0, 5), Ratio(0, 1));
  EXPECT_EQ(Ratio(kMax, kMax), Rate::One());
  EXPECT_EQ(Ratio(kMin, 2).numerator(), kMin / 2);
  EXPECT_EQ(Ratio(kMin, 2).denominator(), 1);
  EXPECT_EQ(Ratio(kMin, 1).numerator(), kMin);
  EXPECT_EQ(Ratio(3, 7).numerator(), 3);
  EXPECT_EQ(Ratio(3, 7).denominator(), 7);
}

TEST(RateTest, FromRatioRejectsNonPositiveDenominator) {
  for (const std::int64_t denominator : {std::int64_t{0}, std::int64_t{-1}, kMin}) {
    const Result<Rate> rate = Rate::FromRatio(1, denominator);
    ASSERT_FALSE(rate.ok()) << denominator;
    EXPECT_EQ(rate.error().code, "rate.denominator");
    EXPECT_EQ(rate.error().field, "rate");
    EXPECT_EQ(rate.error().message.ru, "Знаменатель ставки должен быть положительным");
    EXPECT_FALSE(rate.error().message.kk.empty());
    EXPECT_FALSE(rate.error().message.en.empty());
    EXPECT_EQ(rate.error().details, "1/" + std::to_string(denominator));
  }
}

struct RateCase {
  std::string text;
  std::int64_t numerator;
  std::int64_t denominator;
};

TEST(RateTest, ParseAcceptsNumbersPercentsAndRatios) {
  const std::vector<RateCase> cases = {
      {"10", 10, 1},
      {"0.5", 1, 2},
      {"12,5", 25, 2},
      {"3/7", 3, 7},
      {"6/14", 3, 7},
      {"10%", 1, 10},
      {"12,5 %", 1, 8},
      {"12.5%", 1, 8},
      {"0,01%", 1, 10000},
      {"3/7%", 3, 700},
      {"  2  ", 2, 1},
      {"\t+3\n", 3, 1},
      {"-1", -1, 1},
      {"-0,25", -1, 4},
      {"-50%", -1, 2},
      {"0", 0, 1},
      {"-0", 0, 1},
      {"0/9", 0, 1},
      {"007", 7, 1},
      {"1.000000000000000000000000000000000000", 1, 1},  // 36 decimals
      {"9223372036854775807", kMax, 1},
      {"-9223372036854775808", kMin, 1},
      {"922337203685477580.7", kMax, 10},
      {"0.000000000000000001", 1, 1'000'000'000'000'000'000},
      {"1/9223372036854775807", 1, kMax},
      {"000000000000000000000000000000000000000000000000001", 1, 1},
  };
  for (const RateCase& rate_case : cases) {
    const Result<Rate> rate = Rate::Parse(rate_case.text);
    ASSERT_TRUE(rate.ok()) << rate_case.text << ": " << rate.error().code;
    EXPECT_EQ(rate->numerator(), rate_case.numerator) << rate_case.text;
    EXPECT_EQ(rate->denominator(), rate_case.denominator) << rate_case.text;
  }
}

struct RateErrorCase {
  std::string text;
  std::string code;
};

TEST(RateTest, ParseErrors) {
  const std::vector<RateErrorCase> cases = {
      {"", "rate.parse.empty"},
      {" \t ", "rate.parse.empty"},
      {"abc", "rate.parse.invalid"},
      {"1.2.3", "rate.parse.invalid"},
      {"1/", "rate.parse.invalid"},
      {"/2", "rate.parse.invalid"},
      {"1/-2", "rate.parse.invalid"},
      {"1/2/3", "rate.parse.invalid"},
      {"1.5/2", "rate.parse.invalid"},
      {"5%%", "rate.parse.invalid"},
      {"%", "rate.parse.invalid"},
      {"1e5", "rate.parse.invalid"},
      {".5", "rate.parse.invalid"},
      {"5.", "rate.parse.invalid"},
      {"--1", "rate.parse.invalid"},
      {"+", "rate.parse.invalid"},
      {"1 000", "rate.parse.invalid"},
      {"10 % x", "rate.parse.invalid"},
      {"1/0", "rate.denominator"},
      {"0/0", "rate.denominator"},
      {"9223372036854775808", "rate.out_of_range"},
      {"-9223372036854775809", "rate.out_of_range"},
      {"0.0000000000000000001", "rate.out_of_range"},  // 1/10^19
      {"1/9223372036854775808", "rate.out_of_range"},
      {"12345678901234567890123456789012345678901234567890", "rate.out_of_range"},
      {"0.0000000000000000000000000000000000001", "rate.out_of_range"},  // 37 decimals
      {"1.0000000000000000000000000000000000000", "rate.out_of_range"},  // 37 decimals
  };
  for (const RateErrorCase& error_case : cases) {
    const Result<Rate> rate = Rate::Parse(error_case.text, "vat_rate");
    ASSERT_FALSE(rate.ok()) << error_case.text << " parsed as " << rate->numerator() << "/"
                            << rate->denominator();
    EXPECT_EQ(rate.error().code, error_case.code) << error_case.text;
    EXPECT_EQ(rate.error().field, "vat_rate") << error_case.text;
    EXPECT_EQ(rate.error().details, error_case.text);
    EXPECT_FALSE(rate.error().message.kk.empty()) << error_case.text;
    EXPECT_FALSE(rate.error().message.ru.empty()) << error_case.text;
    EXPECT_FALSE(rate.error().message.en.empty()) << error_case.text;
  }
}

TEST(RateTest, ParseErrorMessagesAreDistinctPerCode) {
  const Error empty = Rate::Parse("").error();
  const Error invalid = Rate::Parse("x").error();
  const Error range = Rate::Parse("99999999999999999999").error();
  EXPECT_EQ(empty.field, "rate");
  EXPECT_EQ(empty.message.ru, "Ставка не указана");
  EXPECT_EQ(empty.message.kk, "Ставка көрсетілмеген");
  EXPECT_NE(invalid.message.ru, empty.message.ru);
  EXPECT_NE(range.message.ru, invalid.message.ru);
  EXPECT_NE(range.message.kk, invalid.message.kk);
  EXPECT_NE(range.message.en, invalid.message.en);
}

// --- Money x Rate and rounding ------------------------------------------------------

struct RoundingCase {
  std::int64_t tiyn;
  Rate rate;
  Rounding rounding;
  std::int64_t expected;
};

TEST(MoneyRateTest, EachRoundingModeOnHalvesAndNonHalves) {
  const Rate half = Ratio(1, 2);
  const Rate third = Ratio(1, 3);
  const Rate two_thirds = Ratio(2, 3);
  const std::vector<RoundingCase> cases = {
      // exact halves of a tiyn: 2.5 and 3.5, and their mirrors
      {5, half, Rounding::kHalfUpToTiyn, 3},
      {5, half, Rounding::kDownToTiyn, 2},
      {5, half, Rounding::kHalfEvenToTiyn, 2},
      {7, half, Rounding::kHalfUpToTiyn, 4},
      {7, half, Rounding::kDownToTiyn, 3},
      {7, half, Rounding::kHalfEvenToTiyn, 4},
      {-5, half, Rounding::kHalfUpToTiyn, -3},
      {-5, half, Rounding::kDownToTiyn, -2},
      {-5, half, Rounding::kHalfEvenToTiyn, -2},
      {-7, half, Rounding::kHalfUpToTiyn, -4},
      {-7, half, Rounding::kDownToTiyn, -3},
      {-7, half, Rounding::kHalfEvenToTiyn, -4},
      {1, half, Rounding::kHalfEvenToTiyn, 0},
      {3, half, Rounding::kHalfEvenToTiyn, 2},
      // exact halves of a tenge: 2,50 and -2,50; 3,50
      {500, half, Rounding::kHalfUpToTenge, 300},
      {500, half, Rounding::kDownToTenge, 200},
      {-500, half, Rounding::kHalfUpToTenge, -300},
      {-500, half, Rounding::kDownToTenge, -200},
      {700, half, Rounding::kHalfUpToTenge, 400},
      // below and above a half
      {100, third, Rounding::kHalfUpToTiyn, 33},
      {100, third, Rounding::kDownToTiyn, 33},
      {100, third, Rounding::kHalfEvenToTiyn, 33},
      {100, two_thirds, Rounding::kHalfUpToTiyn, 67},
      {100, two_thirds, Rounding::kDownToTiyn, 66},
      {100, two_thirds, Rounding::kHalfEvenToTiyn, 67},
      {-100, two_thirds, Rounding::kHalfUpToTiyn, -67},
      {-100, two_thirds, Rounding::kDownToTiyn, -66},
      {-100, two_thirds, Rounding::kHalfEvenToTiyn, -67},
      {14900, third, Rounding::kHalfUpToTenge, 5000},  // 49,666.. -> 50
      {14900, third, Rounding::kDownToTenge, 4900},
      {-14900, third, Rounding::kHalfUpToTenge, -5000},
      {-14900, third, Rounding::kDownToTenge, -4900},
      {14700, third, Rounding::kHalfUpToTenge, 4900},  // 49,00 exactly
      {14750, third, Rounding::kHalfUpToTenge, 4900},  // 49,1666.. -> 49
      // the product is rounded once: 0,99 / 2 = 0,495 is 0 tenge, not 0,50 -> 1
      {99, half, Rounding::kHalfUpToTenge, 0},
      {-99, half, Rounding::kHalfUpToTenge, 0},
      {101, half, Rounding::kHalfUpToTenge, 100},
  };
  for (const RoundingCase& rounding_case : cases) {
    const Result<Money> product =
        Tiyn(rounding_case.tiyn).MultiplyBy(rounding_case.rate, rounding_case.rounding);
    ASSERT_TRUE(product.ok()) << rounding_case.tiyn;
    EXPECT_EQ(product->tiyn(), rounding_case.expected)
        << rounding_case.tiyn << " x " << rounding_case.rate.numerator() << "/"
        << rounding_case.rate.denominator() << " mode " << static_cast<int>(rounding_case.rounding);
  }
}

TEST(MoneyRateTest, TypicalRates) {
  const Money thousand = Money::FromTenge(1000).value();
  EXPECT_EQ(thousand.MultiplyBy(Rate::FromBasisPoints(1200), Rounding::kHalfUpToTiyn).value(),
            Money::FromTenge(120).value());
  EXPECT_EQ(thousand.MultiplyBy(Rate::One(), Rounding::kDownToTiyn).value(), thousand);
  // 10 % income tax on 123 456,78: exactly 12 345,678 -> 12 345,68 or 12 346 tenge
  const Money salary = Tiyn(12345678);
  const Rate income_tax = Rate::FromBasisPoints(1000);
  EXPECT_EQ(salary.MultiplyBy(income_tax, Rounding::kHalfUpToTiyn).value(), Tiyn(1234568));
  EXPECT_EQ(salary.MultiplyBy(income_tax, Rounding::kHalfUpToTenge).value(), Tiyn(1234600));
  EXPECT_EQ(salary.MultiplyBy(income_tax, Rounding::kDownToTenge).value(), Tiyn(1234500));
  EXPECT_EQ(salary.MultiplyBy(Rate::Parse("-1").value(), Rounding::kHalfUpToTiyn).value(),
            Tiyn(-12345678));
  EXPECT_EQ(salary.MultiplyBy(Ratio(0, 1), Rounding::kHalfUpToTenge).value(), Tiyn(0));
}

TEST(MoneyRateTest, ComputedExactlyIn128Bits) {
  // kMax * (kMax - 1) / kMax would overflow any 64-bit intermediate.
  EXPECT_EQ(Tiyn(kMax).MultiplyBy(Ratio(kMax - 1, kMax), Rounding::kDownToTiyn).value(),
            Tiyn(kMax - 1));
  EXPECT_EQ(Tiyn(kMin + 1).MultiplyBy(Ratio(kMax - 1, kMax), Rounding::kHalfUpToTiyn).value(),
            Tiyn(kMin + 2));
  ExpectOverflow(Tiyn(kMin).MultiplyBy(Ratio(kMax, kMax - 1), Rounding::kHalfUpToTiyn));
}

TEST(MoneyRateTest, OverflowIsAnError) {
  ExpectOverflow(Tiyn(kMax).MultiplyBy(Ratio(2, 1), Rounding::kHalfUpToTiyn));
  ExpectOverflow(Tiyn(kMax).MultiplyBy(Ratio(3, 2), Rounding::kDownToTiyn));
  ExpectOverflow(Tiyn(kMin).MultiplyBy(Ratio(-1, 1), Rounding::kHalfUpToTiyn));
  ExpectOverflow(Tiyn(kMin).MultiplyBy(Ratio(kMax, 1), Rounding::kHalfUpToTenge));
  ExpectOverflow(Tiyn(kMax).MultiplyBy(Ratio(kMax, 1), Rounding::kDownToTenge));
  EXPECT_EQ(Tiyn(kMax).MultiplyBy(Ratio(-1, 1), Rounding::kHalfUpToTiyn).value(), Tiyn(-kMax));
}

TEST(MoneyRateTest, RoundingToTengeCanBringAnOversizedProductBackIntoRange) {
  // 922 337 203 685 477 584 x 10 = 9 223 372 036 854 775 840 tiyn: past int64 by 33 tiyn,
  // yet in whole tenge it is ...758 tenge, which fits.
  const Money amount = Tiyn(922337203685477584);
  ExpectOverflow(amount.MultiplyBy(Ratio(10, 1), Rounding::kHalfUpToTiyn));
  EXPECT_EQ(amount.MultiplyBy(Ratio(10, 1), Rounding::kHalfUpToTenge).value(),
            Tiyn(9223372036854775800));
  EXPECT_EQ(amount.MultiplyBy(Ratio(10, 1), Rounding::kDownToTenge).value(),
            Tiyn(9223372036854775800));
}

TEST(MoneyRoundToTest, TiynModesKeepTheAmount) {
  for (const std::int64_t tiyn :
       {kMin, std::int64_t{-150}, std::int64_t{0}, std::int64_t{12345}, kMax}) {
    EXPECT_EQ(Tiyn(tiyn).RoundTo(Rounding::kHalfUpToTiyn), Tiyn(tiyn));
    EXPECT_EQ(Tiyn(tiyn).RoundTo(Rounding::kDownToTiyn), Tiyn(tiyn));
    EXPECT_EQ(Tiyn(tiyn).RoundTo(Rounding::kHalfEvenToTiyn), Tiyn(tiyn));
  }
}

TEST(MoneyRoundToTest, WholeTenge) {
  EXPECT_EQ(Tiyn(12349).RoundTo(Rounding::kHalfUpToTenge), Tiyn(12300));
  EXPECT_EQ(Tiyn(12350).RoundTo(Rounding::kHalfUpToTenge), Tiyn(12400));
  EXPECT_EQ(Tiyn(12399).RoundTo(Rounding::kDownToTenge), Tiyn(12300));
  EXPECT_EQ(Tiyn(-12350).RoundTo(Rounding::kHalfUpToTenge), Tiyn(-12400));
  EXPECT_EQ(Tiyn(-12349).RoundTo(Rounding::kHalfUpToTenge), Tiyn(-12300));
  EXPECT_EQ(Tiyn(-12399).RoundTo(Rounding::kDownToTenge), Tiyn(-12300));
  EXPECT_EQ(Tiyn(50).RoundTo(Rounding::kHalfUpToTenge), Tiyn(100));
  EXPECT_EQ(Tiyn(-50).RoundTo(Rounding::kHalfUpToTenge), Tiyn(-100));
  EXPECT_EQ(Tiyn(49).RoundTo(Rounding::kHalfUpToTenge), Tiyn(0));
  EXPECT_EQ(Tiyn(12300).RoundTo(Rounding::kHalfUpToTenge), Tiyn(12300));
}

TEST(MoneyRoundToTest, LimitsRoundTowardZeroWithoutOverflow) {
  EXPECT_EQ(Tiyn(kMax).RoundTo(Rounding::kHalfUpToTenge), Tiyn(kMax - 7));
  EXPECT_EQ(Tiyn(kMax).RoundTo(Rounding::kDownToTenge), Tiyn(kMax - 7));
  EXPECT_EQ(Tiyn(kMin).RoundTo(Rounding::kHalfUpToTenge), Tiyn(kMin + 8));
  EXPECT_EQ(Tiyn(kMin).RoundTo(Rounding::kDownToTenge), Tiyn(kMin + 8));
}

// --- Allocate -----------------------------------------------------------------------

std::vector<Money> AllocateOk(std::int64_t total, std::vector<std::int64_t> weights) {
  const Result<std::vector<Money>> shares = Allocate(Tiyn(total), weights);
  EXPECT_TRUE(shares.ok()) << shares.error().code;
  return shares.ok() ? shares.value() : std::vector<Money>{};
}

TEST(AllocateTest, SplitsEvenlyGivingLeftoverToEarlierIndex) {
  EXPECT_EQ(AllocateOk(100, {1, 1, 1}), Tiyns({34, 33, 33}));
  EXPECT_EQ(AllocateOk(200, {1, 1, 1}), Tiyns({67, 67, 66}));
  EXPECT_EQ(AllocateOk(1, {1, 1}), Tiyns({1, 0}));
  EXPECT_EQ(AllocateOk(2, {1, 1, 1}), Tiyns({1, 1, 0}));
  EXPECT_EQ(AllocateOk(300, {1, 1, 1}), Tiyns({100, 100, 100}));
}

TEST(AllocateTest, LargestRemainderWinsOverIndex) {
  // 100 x 1/3 = 33,33 and 100 x 2/3 = 66,67: the second has the larger remainder.
  EXPECT_EQ(AllocateOk(100, {1, 2}), Tiyns({33, 67}));
  // 10 over 3:3:4 -> 3, 3, 4 exactly; 11 -> 3.3, 3.3, 4.4 -> the 4.4 gets the tiyn
  EXPECT_EQ(AllocateOk(10, {3, 3, 4}), Tiyns({3, 3, 4}));
  EXPECT_EQ(AllocateOk(11, {3, 3, 4}), Tiyns({3, 3, 5}));
  EXPECT_EQ(AllocateOk(5, {1, 3}), Tiyns({1, 4}));
}

TEST(AllocateTest, NegativeTotalIsTheMirror) {
  EXPECT_EQ(AllocateOk(-100, {1, 1, 1}), Tiyns({-34, -33, -33}));
  EXPECT_EQ(AllocateOk(-100, {1, 2}), Tiyns({-33, -67}));
  EXPECT_EQ(AllocateOk(-1, {1, 1}), Tiyns({-1, 0}));
}

TEST(AllocateTest, ZeroWeightGetsNothing) {
  EXPECT_EQ(AllocateOk(100, {0, 1}), Tiyns({0, 100}));
  EXPECT_EQ(AllocateOk(3, {1, 0, 1}), Tiyns({2, 0, 1}));
  EXPECT_EQ(AllocateOk(7, {0, 0, 5, 0}), Tiyns({0, 0, 7, 0}));
}

TEST(AllocateTest, ZeroTotalAndSingleWeight) {
  EXPECT_EQ(AllocateOk(0, {5, 7}), Tiyns({0, 0}));
  EXPECT_EQ(AllocateOk(12345, {42}), Tiyns({12345}));
}

TEST(AllocateTest, Int64Extremes) {
  EXPECT_EQ(AllocateOk(kMin, {1}), Tiyns({kMin}));
  EXPECT_EQ(AllocateOk(kMax, {1}), Tiyns({kMax}));
  EXPECT_EQ(AllocateOk(kMax, {kMax, kMax}), Tiyns({kMax / 2 + 1, kMax / 2}));
  EXPECT_EQ(AllocateOk(kMin, {kMax, kMax}), Tiyns({kMin / 2, kMin / 2}));
  EXPECT_EQ(AllocateOk(kMax, {kMax, 1}), Tiyns({kMax - 1, 1}));
  EXPECT_EQ(AllocateOk(kMin, {1, kMax, kMax}), Tiyns({0, kMin / 2, kMin / 2}));
}

TEST(AllocateTest, RejectsEmptyWeights) {
  const Result<std::vector<Money>> shares = Allocate(Tiyn(100), std::span<const std::int64_t>());
  ASSERT_FALSE(shares.ok());
  EXPECT_EQ(shares.error().code, "money.allocate.weights");
  EXPECT_EQ(shares.error().field, "weights");
  EXPECT_EQ(shares.error().details, "empty");
  EXPECT_EQ(shares.error().message.ru, "Не заданы доли для распределения суммы");
  EXPECT_FALSE(shares.error().message.kk.empty());
  EXPECT_FALSE(shares.error().message.en.empty());
}

TEST(AllocateTest, RejectsNegativeWeightNamingIt) {
  const std::vector<std::int64_t> weights = {1, 2, -3, 4};
  const Result<std::vector<Money>> shares = Allocate(Tiyn(100), weights);
  ASSERT_FALSE(shares.ok());
  EXPECT_EQ(shares.error().code, "money.allocate.weights");
  EXPECT_EQ(shares.error().field, "weights[2]");
  EXPECT_EQ(shares.error().details, "negative");
  EXPECT_EQ(shares.error().message.ru, "Доля распределения не может быть отрицательной");
  EXPECT_FALSE(shares.error().message.kk.empty());
  EXPECT_FALSE(shares.error().message.en.empty());
}

TEST(AllocateTest, RejectsAllZeroWeights) {
  const std::vector<std::int64_t> weights = {0, 0, 0};
  const Result<std::vector<Money>> shares = Allocate(Tiyn(100), weights);
  ASSERT_FALSE(shares.ok());
  EXPECT_EQ(shares.error().code, "money.allocate.weights");
  EXPECT_EQ(shares.error().field, "weights");
  EXPECT_EQ(shares.error().details, "all_zero");
  EXPECT_EQ(shares.error().message.ru, "Все доли распределения равны нулю");
  EXPECT_FALSE(shares.error().message.kk.empty());
  EXPECT_FALSE(shares.error().message.en.empty());
}

TEST(AllocateTest, PropertiesHoldOverManyGeneratedCases) {
  std::mt19937_64 generator(20260101);
  std::uniform_int_distribution<std::int64_t> any_int64(kMin, kMax);
  std::uniform_int_distribution<std::int64_t> small_amount(-1'000'000, 1'000'000);
  std::uniform_int_distribution<std::int64_t> small_weight(0, 20);
  std::uniform_int_distribution<std::int64_t> big_weight(0, kMax);
  std::uniform_int_distribution<std::size_t> count(1, 12);
  std::uniform_int_distribution<int> coin(0, 3);

  for (int iteration = 0; iteration < 1000; ++iteration) {
    const std::int64_t total =
        coin(generator) == 0 ? any_int64(generator) : small_amount(generator);
    std::vector<std::int64_t> weights(count(generator));
    const bool big = coin(generator) == 0;
    for (std::int64_t& weight : weights) {
      weight = big ? big_weight(generator) : small_weight(generator);
    }
    if (coin(generator) == 0) weights[weights.size() / 2] = 0;
    weights.back() = std::max<std::int64_t>(weights.back(), 1);

    const Result<std::vector<Money>> result = Allocate(Tiyn(total), weights);
    ASSERT_TRUE(result.ok()) << iteration;
    const std::vector<Money>& shares = result.value();
    ASSERT_EQ(shares.size(), weights.size());

    Int128 weight_sum = 0;
    for (const std::int64_t weight : weights) weight_sum += weight;
    Int128 share_sum = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
      const Int128 share = shares[i].tiyn();
      share_sum += share;
      // Each share is within one tiyn of its exact value total * w / W.
      const Int128 deviation = share * weight_sum - static_cast<Int128>(total) * weights[i];
      EXPECT_TRUE(deviation > -weight_sum && deviation < weight_sum) << iteration << " " << i;
      if (weights[i] == 0) {
        EXPECT_EQ(shares[i].tiyn(), 0) << iteration << " " << i;
      }
      if (total >= 0) {
        EXPECT_GE(shares[i].tiyn(), 0) << iteration;
      }
      if (total <= 0) {
        EXPECT_LE(shares[i].tiyn(), 0) << iteration;
      }
      for (std::size_t j = 0; j < shares.size(); ++j) {
        // A larger weight never gets a smaller share (in magnitude).
        if (weights[i] <= weights[j]) continue;
        if (total >= 0) {
          EXPECT_GE(shares[i], shares[j]) << iteration;
        } else {
          EXPECT_LE(shares[i], shares[j]) << iteration;
        }
      }
    }
    EXPECT_TRUE(share_sum == static_cast<Int128>(total)) << iteration;

    if (total != kMin) {
      const std::vector<Money> mirrored = Allocate(Tiyn(-total), weights).value();
      for (std::size_t i = 0; i < shares.size(); ++i) {
        EXPECT_EQ(mirrored[i].tiyn(), -shares[i].tiyn()) << iteration << " " << i;
      }
    }
  }
}

}  // namespace
}  // namespace esep::core
