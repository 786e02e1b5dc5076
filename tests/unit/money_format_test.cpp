#include "esep/core/money_format.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "esep/core/money.hpp"
#include "esep/core/result.hpp"

namespace esep::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Money Tiyn(std::int64_t tiyn) { return Money::FromTiyn(tiyn); }

// --- FormatMoney --------------------------------------------------------------------

TEST(FormatMoneyTest, RussianKazakhConventionByDefault) {
  EXPECT_EQ(FormatMoney(Tiyn(123456789)), "1 234 567,89");
  EXPECT_EQ(FormatMoney(Tiyn(-123450)), "-1 234,50");
  EXPECT_EQ(FormatMoney(Tiyn(0)), "0,00");
  EXPECT_EQ(FormatMoney(Tiyn(1)), "0,01");
  EXPECT_EQ(FormatMoney(Tiyn(-5)), "-0,05");
  EXPECT_EQ(FormatMoney(Tiyn(10)), "0,10");
  EXPECT_EQ(FormatMoney(Tiyn(99999)), "999,99");
  EXPECT_EQ(FormatMoney(Tiyn(100000)), "1 000,00");
  EXPECT_EQ(FormatMoney(Tiyn(10000000)), "100 000,00");
  EXPECT_EQ(FormatMoney(Tiyn(100000000)), "1 000 000,00");
}

TEST(FormatMoneyTest, Int64Limits) {
  EXPECT_EQ(FormatMoney(Tiyn(kMax)), "92 233 720 368 547 758,07");
  EXPECT_EQ(FormatMoney(Tiyn(kMin)), "-92 233 720 368 547 758,08");
}

TEST(FormatMoneyTest, CustomSeparators) {
  MoneyFormat format;
  format.group_separator = "\xC2\xA0";
  EXPECT_EQ(FormatMoney(Tiyn(123456789), format),
            "1\xC2\xA0"
            "234\xC2\xA0"
            "567,89");
  format.group_separator = "";
  format.decimal_separator = ".";
  EXPECT_EQ(FormatMoney(Tiyn(123456789), format), "1234567.89");
}

TEST(FormatMoneyTest, TiynCanBeOmittedWhenZero) {
  MoneyFormat format;
  format.always_show_tiyn = false;
  EXPECT_EQ(FormatMoney(Tiyn(123400), format), "1 234");
  EXPECT_EQ(FormatMoney(Tiyn(123450), format), "1 234,50");
  EXPECT_EQ(FormatMoney(Tiyn(0), format), "0");
  EXPECT_EQ(FormatMoney(Tiyn(-100), format), "-1");
}

// --- ParseMoney: accepted -----------------------------------------------------------

struct ParseCase {
  std::string text;
  std::int64_t tiyn;
};

TEST(ParseMoneyTest, AcceptsTheUsualForms) {
  const std::vector<ParseCase> cases = {
      {"1 234 567,89", 123456789},
      {"1234567.89", 123456789},
      {"1234567,89", 123456789},
      {"1 234 567", 123456700},
      {"-5,5", -550},
      {"-5.05", -505},
      {"+10", 1000},
      {"0", 0},
      {"-0", 0},
      {"0,00", 0},
      {"0,01", 1},
      {"00012,3", 1230},
      {"  42,10  ", 4210},
      {"\t\n42\r\n", 4200},
      {"1\xC2\xA0"
       "234,56",
       123456},  // no-break space
      {"1\xE2\x80\xAF"
       "234,56",
       123456},  // narrow no-break space
      {"\xC2\xA0"
       "7,5\xE2\x80\xAF",
       750},  // trimmed at both ends
      {"\xE2\x88\x92"
       "1 234,50",
       -123450},             // U+2212 minus sign
      {"12 34 5", 1234500},  // misplaced groups are tolerated
      {"92 233 720 368 547 758,07", kMax},
      {"-92 233 720 368 547 758,08", kMin},
      {"000000000000000000000000000000001", 100},  // leading zeros do not overflow
  };
  for (const ParseCase& parse_case : cases) {
    const Result<Money> amount = ParseMoney(parse_case.text);
    ASSERT_TRUE(amount.ok()) << "\"" << parse_case.text << "\": " << amount.error().code;
    EXPECT_EQ(amount->tiyn(), parse_case.tiyn) << parse_case.text;
  }
}

// --- ParseMoney: rejected -----------------------------------------------------------

struct ParseErrorCase {
  std::string text;
  std::string code;
};

TEST(ParseMoneyTest, RejectsWithADistinctCodePerProblem) {
  const std::vector<ParseErrorCase> cases = {
      {"", "money.parse.empty"},
      {"   ", "money.parse.empty"},
      {"\xC2\xA0\t", "money.parse.empty"},
      {"12a", "money.parse.invalid_char"},
      {"abc", "money.parse.invalid_char"},
      {"1'234,00", "money.parse.invalid_char"},
      {"1 234 тг", "money.parse.invalid_char"},
      {"$5", "money.parse.invalid_char"},
      {"5-", "money.parse.invalid_char"},
      {"--5", "money.parse.invalid_char"},
      {"+-5", "money.parse.invalid_char"},
      {"1e5", "money.parse.invalid_char"},
      {"1\t234", "money.parse.invalid_char"},
      {"1_234", "money.parse.invalid_char"},
      {"1,5 x", "money.parse.invalid_char"},
      {"1  234", "money.parse.misplaced_separator"},
      {"1 ,50", "money.parse.misplaced_separator"},
      {"1, 50", "money.parse.misplaced_separator"},
      {"1,5 0", "money.parse.misplaced_separator"},
      {"- 5", "money.parse.misplaced_separator"},
      {"1.234.567", "money.parse.multiple_decimal_separators"},
      {"1,234.56", "money.parse.multiple_decimal_separators"},
      {"1.234,56", "money.parse.multiple_decimal_separators"},
      {"1,2,", "money.parse.multiple_decimal_separators"},
      {"-", "money.parse.missing_digits"},
      {"+", "money.parse.missing_digits"},
      {",50", "money.parse.missing_digits"},
      {"-.5", "money.parse.missing_digits"},
      {"5,", "money.parse.missing_digits"},
      {"5.", "money.parse.missing_digits"},
      {"1,234", "money.parse.too_many_decimals"},
      {"0,001", "money.parse.too_many_decimals"},
      {"1 234,567", "money.parse.too_many_decimals"},
      {"1,000", "money.parse.too_many_decimals"},
      {"92 233 720 368 547 758,08", "money.overflow"},
      {"-92 233 720 368 547 758,09", "money.overflow"},
      {"92233720368547759", "money.overflow"},
      {"99999999999999999999999999999999999999999999999999", "money.overflow"},
  };
  for (const ParseErrorCase& error_case : cases) {
    const Result<Money> amount = ParseMoney(error_case.text, "rows[4].amount");
    ASSERT_FALSE(amount.ok()) << "\"" << error_case.text << "\" parsed as " << amount->tiyn();
    EXPECT_EQ(amount.error().code, error_case.code) << "\"" << error_case.text << "\"";
    EXPECT_EQ(amount.error().field, "rows[4].amount") << error_case.text;
    EXPECT_EQ(amount.error().details, error_case.text);
    EXPECT_FALSE(amount.error().message.kk.empty()) << error_case.text;
    EXPECT_FALSE(amount.error().message.ru.empty()) << error_case.text;
    EXPECT_FALSE(amount.error().message.en.empty()) << error_case.text;
  }
}

TEST(ParseMoneyTest, FieldDefaultsToAmount) {
  EXPECT_EQ(ParseMoney("").error().field, "amount");
  EXPECT_EQ(ParseMoney("x").error().field, "amount");
}

TEST(ParseMoneyTest, MessagesExplainTheProblem) {
  const Error empty = ParseMoney("").error();
  EXPECT_EQ(empty.message.ru, "Сумма не указана");
  EXPECT_EQ(empty.message.kk, "Сома көрсетілмеген");
  EXPECT_EQ(empty.message.en, "The amount is empty");

  const Error decimals = ParseMoney("1,234").error();
  EXPECT_EQ(decimals.message.ru, "После запятой допускается не более двух знаков (тиыны)");
  EXPECT_EQ(decimals.message.kk, "Үтірден кейін екі цифрдан артық болмауы керек (тиын)");
  EXPECT_EQ(decimals.message.en,
            "At most two digits are allowed after the decimal separator (tiyn)");

  const Error overflow = ParseMoney("99999999999999999999").error();
  EXPECT_EQ(overflow.message, MoneyOverflowError().message);
}

TEST(ParseMoneyTest, InvalidCharacterIsQuotedWhenPrintable) {
  EXPECT_EQ(ParseMoney("12a").error().message.ru,
            "Недопустимый символ «a» в сумме: допускаются цифры, пробел, запятая или точка");
  EXPECT_EQ(ParseMoney("1 234 тг").error().message.kk,
            "Сомада рұқсат етілмеген таңба «т»: тек цифрлар, бос орын, үтір немесе нүкте "
            "болуы мүмкін");
  EXPECT_EQ(ParseMoney("1'234").error().message.en,
            "Invalid character \"'\" in the amount: only digits, spaces, a comma or a point are "
            "allowed");
  // A tab or a broken UTF-8 byte is not shown, but the error is the same kind.
  EXPECT_EQ(ParseMoney("1\t2").error().message.ru,
            "Недопустимый символ в сумме: допускаются цифры, пробел, запятая или точка");
  const Result<Money> broken = ParseMoney("12\xD0");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, "money.parse.invalid_char");
  EXPECT_EQ(broken.error().message.ru,
            "Недопустимый символ в сумме: допускаются цифры, пробел, запятая или точка");
}

TEST(ParseMoneyTest, SyntaxErrorsWinOverOverflow) {
  EXPECT_EQ(ParseMoney("99999999999999999999x").error().code, "money.parse.invalid_char");
  EXPECT_EQ(ParseMoney("99999999999999999999,999").error().code, "money.parse.too_many_decimals");
}

// --- round trip ---------------------------------------------------------------------

TEST(MoneyFormatRoundTripTest, FormatThenParseGivesTheSameAmount) {
  std::mt19937_64 generator(7);
  std::uniform_int_distribution<std::int64_t> any_int64(kMin, kMax);
  std::uniform_int_distribution<std::int64_t> small(-10'000'000, 10'000'000);
  MoneyFormat no_break;
  no_break.group_separator = "\xE2\x80\xAF";
  MoneyFormat plain;
  plain.group_separator = "";
  plain.decimal_separator = ".";
  MoneyFormat short_form;
  short_form.always_show_tiyn = false;

  std::vector<std::int64_t> values = {0, 1, -1, 99, 100, -100, 123456789, kMax, kMin};
  for (int i = 0; i < 500; ++i) values.push_back(any_int64(generator));
  for (int i = 0; i < 500; ++i) values.push_back(small(generator));
  for (const std::int64_t tiyn : values) {
    for (const MoneyFormat& format : {MoneyFormat{}, no_break, plain, short_form}) {
      const std::string text = FormatMoney(Tiyn(tiyn), format);
      const Result<Money> parsed = ParseMoney(text);
      ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().code;
      EXPECT_EQ(parsed->tiyn(), tiyn) << text;
    }
  }
}

}  // namespace
}  // namespace esep::core
