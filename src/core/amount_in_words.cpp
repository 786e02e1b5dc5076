#include "esep/core/amount_in_words.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace esep::core {
namespace {

using Words = std::vector<std::string>;

// Russian numerals agree in gender with the noun: "одна тысяча", "две тысячи", but
// "один миллион", "два тенге".
enum class Gender { kMasculine, kFeminine };

// Enough scales for any uint64 (up to 18 446 744 073 709 551 615); an int64 amount in
// tenge needs at most the quadrillions.
constexpr std::size_t kScaleCount = 7;

constexpr std::array<std::string_view, 10> kRuUnitsMasculine = {
    "", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"};
constexpr std::array<std::string_view, 10> kRuUnitsFeminine = {
    "", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"};
constexpr std::array<std::string_view, 10> kRuTeens = {
    "десять",     "одиннадцать", "двенадцать", "тринадцать",   "четырнадцать",
    "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"};
constexpr std::array<std::string_view, 10> kRuTens = {
    "",          "",           "двадцать",  "тридцать",    "сорок",
    "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"};
constexpr std::array<std::string_view, 10> kRuHundreds = {
    "",        "сто",      "двести",  "триста",    "четыреста",
    "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"};

struct RuScale {
  std::string_view one;   // 1, 21, 31, ...
  std::string_view few;   // 2-4, 22-24, ...
  std::string_view many;  // 0, 5-20, 25-30, ...
  Gender gender;
};

constexpr std::array<RuScale, kScaleCount> kRuScales = {{
    {"", "", "", Gender::kMasculine},
    {"тысяча", "тысячи", "тысяч", Gender::kFeminine},
    {"миллион", "миллиона", "миллионов", Gender::kMasculine},
    {"миллиард", "миллиарда", "миллиардов", Gender::kMasculine},
    {"триллион", "триллиона", "триллионов", Gender::kMasculine},
    {"квадриллион", "квадриллиона", "квадриллионов", Gender::kMasculine},
    {"квинтиллион", "квинтиллиона", "квинтиллионов", Gender::kMasculine},
}};

constexpr std::array<std::string_view, 10> kKkUnits = {"",    "бір",  "екі",  "үш",    "төрт",
                                                       "бес", "алты", "жеті", "сегіз", "тоғыз"};
constexpr std::array<std::string_view, 10> kKkTens = {"",    "он",    "жиырма", "отыз",   "қырық",
                                                      "елу", "алпыс", "жетпіс", "сексен", "тоқсан"};
constexpr std::array<std::string_view, kScaleCount> kKkScales = {
    "", "мың", "миллион", "миллиард", "триллион", "квадриллион", "квинтиллион"};

constexpr std::array<std::string_view, 10> kEnUnits = {"",     "one", "two",   "three", "four",
                                                       "five", "six", "seven", "eight", "nine"};
constexpr std::array<std::string_view, 10> kEnTeens = {
    "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kEnTens = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, kScaleCount> kEnScales = {
    "", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"};

std::string_view RuPlural(const RuScale& scale, unsigned number) {
  const unsigned last_two = number % 100;
  const unsigned last = number % 10;
  if (last_two >= 11 && last_two <= 14) return scale.many;
  if (last == 1) return scale.one;
  if (last >= 2 && last <= 4) return scale.few;
  return scale.many;
}

void AppendRuTriad(unsigned triad, Gender gender, Words& words) {
  const unsigned hundreds = triad / 100;
  const unsigned tens = triad / 10 % 10;
  const unsigned units = triad % 10;
  if (hundreds != 0) words.emplace_back(kRuHundreds[hundreds]);
  if (tens == 1) {
    words.emplace_back(kRuTeens[units]);
    return;
  }
  if (tens != 0) words.emplace_back(kRuTens[tens]);
  if (units != 0) {
    words.emplace_back(gender == Gender::kFeminine ? kRuUnitsFeminine[units]
                                                   : kRuUnitsMasculine[units]);
  }
}

// Formal Kazakh writes the hundred's count even for one: "бір жүз", like "бір мың".
void AppendKkTriad(unsigned triad, Words& words) {
  const unsigned hundreds = triad / 100;
  const unsigned tens = triad / 10 % 10;
  const unsigned units = triad % 10;
  if (hundreds != 0) {
    words.emplace_back(kKkUnits[hundreds]);
    words.emplace_back("жүз");
  }
  if (tens != 0) words.emplace_back(kKkTens[tens]);
  if (units != 0) words.emplace_back(kKkUnits[units]);
}

void AppendEnTriad(unsigned triad, Words& words) {
  const unsigned hundreds = triad / 100;
  const unsigned tens = triad / 10 % 10;
  const unsigned units = triad % 10;
  if (hundreds != 0) {
    words.emplace_back(kEnUnits[hundreds]);
    words.emplace_back("hundred");
  }
  if (tens == 1) {
    words.emplace_back(kEnTeens[units]);
  } else if (tens != 0 && units != 0) {
    words.push_back(std::string(kEnTens[tens]) + "-" + std::string(kEnUnits[units]));
  } else if (tens != 0) {
    words.emplace_back(kEnTens[tens]);
  } else if (units != 0) {
    words.emplace_back(kEnUnits[units]);
  }
}

// `number` in words; `gender` is the Russian gender of the counted noun (the tenge and
// the tiyn are both masculine). Kazakh and English numerals have no gender.
void AppendNumber(std::uint64_t number, Lang lang, Gender gender, Words& words) {
  if (number == 0) {
    words.emplace_back(lang == Lang::kKk ? "нөл" : lang == Lang::kRu ? "ноль" : "zero");
    return;
  }
  std::array<unsigned, kScaleCount> triads{};
  for (std::size_t scale = 0; scale < kScaleCount; ++scale) {
    triads[scale] = static_cast<unsigned>(number % 1000);
    number /= 1000;
  }
  for (std::size_t scale = kScaleCount; scale-- > 0;) {
    const unsigned triad = triads[scale];
    if (triad == 0) continue;
    switch (lang) {
      case Lang::kRu:
        AppendRuTriad(triad, scale == 0 ? gender : kRuScales[scale].gender, words);
        if (scale != 0) words.emplace_back(RuPlural(kRuScales[scale], triad));
        break;
      case Lang::kKk:
        AppendKkTriad(triad, words);
        if (scale != 0) words.emplace_back(kKkScales[scale]);
        break;
      case Lang::kEn:
        AppendEnTriad(triad, words);
        if (scale != 0) words.emplace_back(kEnScales[scale]);
        break;
    }
  }
}

std::string Join(const Words& words) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

// Upper case for the letters a line can start with: Latin, Russian and Kazakh Cyrillic.
char32_t ToUpper(char32_t c) {
  if (c >= U'a' && c <= U'z') return c - (U'a' - U'A');
  if (c >= U'\u0430' && c <= U'\u044F') return c - 0x20;  // а..я
  if (c >= U'\u0450' && c <= U'\u045F') return c - 0x50;  // ѐ..џ, with ё and і
  switch (c) {
    case U'\u04D9':  // ә
    case U'\u0493':  // ғ
    case U'\u049B':  // қ
    case U'\u04A3':  // ң
    case U'\u04E9':  // ө
    case U'\u04B1':  // ұ
    case U'\u04AF':  // ү
    case U'\u04BB':  // һ
      return c - 1;
    default:
      return c;
  }
}

void CapitalizeFirstLetter(std::string& text) {
  if (text.empty()) return;
  const auto first = static_cast<unsigned char>(text[0]);
  if (first < 0x80) {
    text[0] = static_cast<char>(ToUpper(first));
    return;
  }
  // Every letter the words start with is a two-byte UTF-8 sequence (U+0080..U+07FF).
  if ((first & 0xE0) != 0xC0 || text.size() < 2) return;
  const auto second = static_cast<unsigned char>(text[1]);
  const char32_t letter = ((first & 0x1Fu) << 6) | (second & 0x3Fu);
  const char32_t upper = ToUpper(letter);
  text[0] = static_cast<char>(0xC0u | (upper >> 6));
  text[1] = static_cast<char>(0x80u | (upper & 0x3Fu));
}

}  // namespace

std::string AmountInWords(Money amount, Lang lang, const WordsOptions& options) {
  const std::uint64_t magnitude = detail::Magnitude(amount.tiyn());
  const auto per_tenge = static_cast<std::uint64_t>(kTiynPerTenge);
  const std::uint64_t tenge = magnitude / per_tenge;
  const auto tiyn = static_cast<unsigned>(magnitude % per_tenge);

  Words words;
  if (amount.IsNegative()) words.emplace_back(lang == Lang::kEn ? "minus" : "минус");
  AppendNumber(tenge, lang, Gender::kMasculine, words);
  words.emplace_back(lang == Lang::kKk ? "теңге" : lang == Lang::kRu ? "тенге" : "tenge");
  if (options.tiyn_in_words) {
    AppendNumber(tiyn, lang, Gender::kMasculine, words);
  } else {
    words.push_back({static_cast<char>('0' + tiyn / 10), static_cast<char>('0' + tiyn % 10)});
  }
  words.emplace_back(lang == Lang::kEn ? "tiyn" : "тиын");

  std::string text = Join(words);
  if (options.capitalize) CapitalizeFirstLetter(text);
  return text;
}

}  // namespace esep::core
