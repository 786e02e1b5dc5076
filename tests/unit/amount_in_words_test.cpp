#include "esep/core/amount_in_words.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "esep/core/money.hpp"
#include "esep/core/text.hpp"

namespace esep::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Money Tiyn(std::int64_t tiyn) { return Money::FromTiyn(tiyn); }

std::string Ru(std::int64_t tiyn, const WordsOptions& options = {}) {
  return AmountInWords(Tiyn(tiyn), Lang::kRu, options);
}
std::string Kk(std::int64_t tiyn, const WordsOptions& options = {}) {
  return AmountInWords(Tiyn(tiyn), Lang::kKk, options);
}
std::string En(std::int64_t tiyn, const WordsOptions& options = {}) {
  return AmountInWords(Tiyn(tiyn), Lang::kEn, options);
}

// gtest prints Cyrillic as byte escapes; the plain text makes a failure readable.
void ExpectWords(const std::string& actual, const std::string& expected) {
  EXPECT_EQ(actual, expected) << "\n  actual:   " << actual << "\n  expected: " << expected;
}

struct WordsCase {
  std::int64_t tiyn;
  std::string ru;
  std::string kk;
};

// The values the issue names, in whole tenge, in both official languages.
TEST(AmountInWordsTest, RequiredValuesInRussianAndKazakh) {
  const std::vector<WordsCase> cases = {
      {0, "Ноль тенге 00 тиын", "Нөл теңге 00 тиын"},
      {100, "Один тенге 00 тиын", "Бір теңге 00 тиын"},
      {200, "Два тенге 00 тиын", "Екі теңге 00 тиын"},
      {500, "Пять тенге 00 тиын", "Бес теңге 00 тиын"},
      {1100, "Одиннадцать тенге 00 тиын", "Он бір теңге 00 тиын"},
      {2100, "Двадцать один тенге 00 тиын", "Жиырма бір теңге 00 тиын"},
      {10100, "Сто один тенге 00 тиын", "Бір жүз бір теңге 00 тиын"},
      {100000, "Одна тысяча тенге 00 тиын", "Бір мың теңге 00 тиын"},
      {100000000, "Один миллион тенге 00 тиын", "Бір миллион теңге 00 тиын"},
      {99999999999999,
       "Девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот "
       "девяносто девять тысяч девятьсот девяносто девять тенге 99 тиын",
       "Тоғыз жүз тоқсан тоғыз миллиард тоғыз жүз тоқсан тоғыз миллион тоғыз жүз тоқсан тоғыз "
       "мың тоғыз жүз тоқсан тоғыз теңге 99 тиын"},
  };
  for (const WordsCase& words_case : cases) {
    ExpectWords(Ru(words_case.tiyn), words_case.ru);
    ExpectWords(Kk(words_case.tiyn), words_case.kk);
  }
}

TEST(AmountInWordsTest, ThousandsAndMillionsAgreeInRussian) {
  const std::vector<WordsCase> cases = {
      {200000, "Две тысячи тенге 00 тиын", "Екі мың теңге 00 тиын"},
      {500000, "Пять тысяч тенге 00 тиын", "Бес мың теңге 00 тиын"},
      {1100000, "Одиннадцать тысяч тенге 00 тиын", "Он бір мың теңге 00 тиын"},
      {1200000, "Двенадцать тысяч тенге 00 тиын", "Он екі мың теңге 00 тиын"},
      {1400000, "Четырнадцать тысяч тенге 00 тиын", "Он төрт мың теңге 00 тиын"},
      {2100000, "Двадцать одна тысяча тенге 00 тиын", "Жиырма бір мың теңге 00 тиын"},
      {2200000, "Двадцать две тысячи тенге 00 тиын", "Жиырма екі мың теңге 00 тиын"},
      {2500000, "Двадцать пять тысяч тенге 00 тиын", "Жиырма бес мың теңге 00 тиын"},
      {100100, "Одна тысяча один тенге 00 тиын", "Бір мың бір теңге 00 тиын"},
      {200000000, "Два миллиона тенге 00 тиын", "Екі миллион теңге 00 тиын"},
      {500000000, "Пять миллионов тенге 00 тиын", "Бес миллион теңге 00 тиын"},
      {120000000, "Один миллион двести тысяч тенге 00 тиын",
       "Бір миллион екі жүз мың теңге 00 тиын"},
      {11100000000, "Сто одиннадцать миллионов тенге 00 тиын",
       "Бір жүз он бір миллион теңге 00 тиын"},
      {100000000000, "Один миллиард тенге 00 тиын", "Бір миллиард теңге 00 тиын"},
      {300000000000, "Три миллиарда тенге 00 тиын", "Үш миллиард теңге 00 тиын"},
      {100000000000000, "Один триллион тенге 00 тиын", "Бір триллион теңге 00 тиын"},
      {500000000000000, "Пять триллионов тенге 00 тиын", "Бес триллион теңге 00 тиын"},
      {100000100000100, "Один триллион один миллион один тенге 00 тиын",
       "Бір триллион бір миллион бір теңге 00 тиын"},
  };
  for (const WordsCase& words_case : cases) {
    ExpectWords(Ru(words_case.tiyn), words_case.ru);
    ExpectWords(Kk(words_case.tiyn), words_case.kk);
  }
}

TEST(AmountInWordsTest, EveryFirstWordIsCapitalized) {
  const std::vector<WordsCase> cases = {
      {300, "Три тенге 00 тиын", "Үш теңге 00 тиын"},
      {400, "Четыре тенге 00 тиын", "Төрт теңге 00 тиын"},
      {600, "Шесть тенге 00 тиын", "Алты теңге 00 тиын"},
      {700, "Семь тенге 00 тиын", "Жеті теңге 00 тиын"},
      {800, "Восемь тенге 00 тиын", "Сегіз теңге 00 тиын"},
      {900, "Девять тенге 00 тиын", "Тоғыз теңге 00 тиын"},
      {1000, "Десять тенге 00 тиын", "Он теңге 00 тиын"},
      {2000, "Двадцать тенге 00 тиын", "Жиырма теңге 00 тиын"},
      {3000, "Тридцать тенге 00 тиын", "Отыз теңге 00 тиын"},
      {4000, "Сорок тенге 00 тиын", "Қырық теңге 00 тиын"},
      {5000, "Пятьдесят тенге 00 тиын", "Елу теңге 00 тиын"},
      {6000, "Шестьдесят тенге 00 тиын", "Алпыс теңге 00 тиын"},
      {7000, "Семьдесят тенге 00 тиын", "Жетпіс теңге 00 тиын"},
      {8000, "Восемьдесят тенге 00 тиын", "Сексен теңге 00 тиын"},
      {9000, "Девяносто тенге 00 тиын", "Тоқсан теңге 00 тиын"},
      {1300, "Тринадцать тенге 00 тиын", "Он үш теңге 00 тиын"},
      {1500, "Пятнадцать тенге 00 тиын", "Он бес теңге 00 тиын"},
      {1600, "Шестнадцать тенге 00 тиын", "Он алты теңге 00 тиын"},
      {1700, "Семнадцать тенге 00 тиын", "Он жеті теңге 00 тиын"},
      {1800, "Восемнадцать тенге 00 тиын", "Он сегіз теңге 00 тиын"},
      {1900, "Девятнадцать тенге 00 тиын", "Он тоғыз теңге 00 тиын"},
      {1000000, "Десять тысяч тенге 00 тиын", "Он мың теңге 00 тиын"},
      {20000, "Двести тенге 00 тиын", "Екі жүз теңге 00 тиын"},
      {30000, "Триста тенге 00 тиын", "Үш жүз теңге 00 тиын"},
      {40000, "Четыреста тенге 00 тиын", "Төрт жүз теңге 00 тиын"},
      {50000, "Пятьсот тенге 00 тиын", "Бес жүз теңге 00 тиын"},
      {60000, "Шестьсот тенге 00 тиын", "Алты жүз теңге 00 тиын"},
      {70000, "Семьсот тенге 00 тиын", "Жеті жүз теңге 00 тиын"},
      {80000, "Восемьсот тенге 00 тиын", "Сегіз жүз теңге 00 тиын"},
      {10000, "Сто тенге 00 тиын", "Бір жүз теңге 00 тиын"},
  };
  for (const WordsCase& words_case : cases) {
    ExpectWords(Ru(words_case.tiyn), words_case.ru);
    ExpectWords(Kk(words_case.tiyn), words_case.kk);
  }
}

TEST(AmountInWordsTest, TiynAsTwoDigits) {
  EXPECT_EQ(Ru(1), "Ноль тенге 01 тиын");
  EXPECT_EQ(Kk(1), "Нөл теңге 01 тиын");
  EXPECT_EQ(Ru(5), "Ноль тенге 05 тиын");
  EXPECT_EQ(Kk(5), "Нөл теңге 05 тиын");
  EXPECT_EQ(Ru(1221), "Двенадцать тенге 21 тиын");
  EXPECT_EQ(Kk(1221), "Он екі теңге 21 тиын");
  EXPECT_EQ(Ru(10050), "Сто тенге 50 тиын");
  EXPECT_EQ(Kk(10050), "Бір жүз теңге 50 тиын");
}

TEST(AmountInWordsTest, TiynInWords) {
  const WordsOptions words{.tiyn_in_words = true};
  EXPECT_EQ(Ru(1221, words), "Двенадцать тенге двадцать один тиын");
  EXPECT_EQ(Kk(1221, words), "Он екі теңге жиырма бір тиын");
  EXPECT_EQ(En(1221, words), "Twelve tenge twenty-one tiyn");
  EXPECT_EQ(Ru(5, words), "Ноль тенге пять тиын");
  EXPECT_EQ(Kk(5, words), "Нөл теңге бес тиын");
  EXPECT_EQ(Ru(1, words), "Ноль тенге один тиын");
  EXPECT_EQ(Ru(2, words), "Ноль тенге два тиын");
  EXPECT_EQ(Ru(11, words), "Ноль тенге одиннадцать тиын");
  EXPECT_EQ(Ru(99, words), "Ноль тенге девяносто девять тиын");
  EXPECT_EQ(Kk(99, words), "Нөл теңге тоқсан тоғыз тиын");
  EXPECT_EQ(Ru(500, words), "Пять тенге ноль тиын");
  EXPECT_EQ(Kk(500, words), "Бес теңге нөл тиын");
  EXPECT_EQ(En(500, words), "Five tenge zero tiyn");
  EXPECT_EQ(Ru(100001, words), "Одна тысяча тенге один тиын");
}

TEST(AmountInWordsTest, Negative) {
  EXPECT_EQ(Ru(-123450), "Минус одна тысяча двести тридцать четыре тенге 50 тиын");
  EXPECT_EQ(Kk(-123450), "Минус бір мың екі жүз отыз төрт теңге 50 тиын");
  EXPECT_EQ(En(-550), "Minus five tenge 50 tiyn");
  EXPECT_EQ(Ru(-1), "Минус ноль тенге 01 тиын");
}

TEST(AmountInWordsTest, WithoutCapital) {
  const WordsOptions lower{.capitalize = false};
  EXPECT_EQ(Ru(100000, lower), "одна тысяча тенге 00 тиын");
  EXPECT_EQ(Kk(30000, lower), "үш жүз теңге 00 тиын");
  EXPECT_EQ(Ru(-100, lower), "минус один тенге 00 тиын");
  EXPECT_EQ(En(2100, lower), "twenty-one tenge 00 tiyn");
  EXPECT_EQ(Kk(0, lower), "нөл теңге 00 тиын");
}

TEST(AmountInWordsTest, English) {
  EXPECT_EQ(En(0), "Zero tenge 00 tiyn");
  EXPECT_EQ(En(100), "One tenge 00 tiyn");
  EXPECT_EQ(En(1100), "Eleven tenge 00 tiyn");
  EXPECT_EQ(En(2100), "Twenty-one tenge 00 tiyn");
  EXPECT_EQ(En(4000), "Forty tenge 00 tiyn");
  EXPECT_EQ(En(10100), "One hundred one tenge 00 tiyn");
  EXPECT_EQ(En(100000), "One thousand tenge 00 tiyn");
  EXPECT_EQ(En(120000000), "One million two hundred thousand tenge 00 tiyn");
  EXPECT_EQ(En(99999999999999),
            "Nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred "
            "ninety-nine thousand nine hundred ninety-nine tenge 99 tiyn");
  EXPECT_EQ(En(1205), "Twelve tenge 05 tiyn");
}

TEST(AmountInWordsTest, Int64LimitsNeedQuadrillions) {
  EXPECT_EQ(Ru(kMax),
            "Девяносто два квадриллиона двести тридцать три триллиона семьсот двадцать "
            "миллиардов триста шестьдесят восемь миллионов пятьсот сорок семь тысяч семьсот "
            "пятьдесят восемь тенге 07 тиын");
  EXPECT_EQ(Ru(kMin),
            "Минус девяносто два квадриллиона двести тридцать три триллиона семьсот двадцать "
            "миллиардов триста шестьдесят восемь миллионов пятьсот сорок семь тысяч семьсот "
            "пятьдесят восемь тенге 08 тиын");
  EXPECT_EQ(Kk(kMax),
            "Тоқсан екі квадриллион екі жүз отыз үш триллион жеті жүз жиырма миллиард үш жүз "
            "алпыс сегіз миллион бес жүз қырық жеті мың жеті жүз елу сегіз теңге 07 тиын");
  EXPECT_EQ(En(kMin),
            "Minus ninety-two quadrillion two hundred thirty-three trillion seven hundred "
            "twenty billion three hundred sixty-eight million five hundred forty-seven thousand "
            "seven hundred fifty-eight tenge 08 tiyn");
  EXPECT_EQ(Ru(100000000000000000), "Один квадриллион тенге 00 тиын");
  EXPECT_EQ(Ru(300000000000000000), "Три квадриллиона тенге 00 тиын");
  EXPECT_EQ(Kk(300000000000000000), "Үш квадриллион теңге 00 тиын");
  const WordsOptions words{.tiyn_in_words = true};
  EXPECT_EQ(Kk(kMin, words),
            "Минус тоқсан екі квадриллион екі жүз отыз үш триллион жеті жүз жиырма миллиард үш "
            "жүз алпыс сегіз миллион бес жүз қырық жеті мың жеті жүз елу сегіз теңге сегіз тиын");
}

}  // namespace
}  // namespace esep::core
