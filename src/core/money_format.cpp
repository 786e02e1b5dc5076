#include "esep/core/money_format.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "esep/core/error.hpp"

namespace esep::core {
namespace {

__extension__ using Int128 = __int128;

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";            // U+00A0
constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";  // U+202F
constexpr std::string_view kMinusSign = "\xE2\x88\x92";           // U+2212
// Beyond this many whole tenge no amount fits; stopping here keeps the 128-bit
// accumulator safe however many digits are typed.
constexpr Int128 kWholeTengeCutoff = 1'000'000'000'000'000'000;
constexpr Int128 kMaxPositiveTiyn = std::numeric_limits<std::int64_t>::max();
constexpr Int128 kMaxNegativeTiyn = kMaxPositiveTiyn + 1;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// The byte length of a group separator at `pos` (space, U+00A0, U+202F), 0 if none.
std::size_t GroupSeparatorLength(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  if (!rest.empty() && rest.front() == ' ') return 1;
  if (rest.starts_with(kNoBreakSpace)) return kNoBreakSpace.size();
  if (rest.starts_with(kNarrowNoBreakSpace)) return kNarrowNoBreakSpace.size();
  return 0;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty()) {
    if (IsAsciiSpace(text.front())) {
      text.remove_prefix(1);
    } else if (text.starts_with(kNoBreakSpace)) {
      text.remove_prefix(kNoBreakSpace.size());
    } else if (text.starts_with(kNarrowNoBreakSpace)) {
      text.remove_prefix(kNarrowNoBreakSpace.size());
    } else {
      break;
    }
  }
  while (!text.empty()) {
    if (IsAsciiSpace(text.back())) {
      text.remove_suffix(1);
    } else if (text.ends_with(kNoBreakSpace)) {
      text.remove_suffix(kNoBreakSpace.size());
    } else if (text.ends_with(kNarrowNoBreakSpace)) {
      text.remove_suffix(kNarrowNoBreakSpace.size());
    } else {
      break;
    }
  }
  return text;
}

// The whole UTF-8 character at `pos` when it is well-formed and printable, so that the
// message can show the user what to remove; empty otherwise.
std::string PrintableCharAt(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = 0;
  if (lead >= 0x20 && lead < 0x7F) {
    length = 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
  } else {
    return {};
  }
  if (pos + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return {};
  }
  return std::string(text.substr(pos, length));
}

Error ParseError(std::string code, std::string kk, std::string ru, std::string en,
                 std::string_view field, std::string_view text) {
  Error error =
      MakeError(std::move(code), std::move(kk), std::move(ru), std::move(en), std::string(field));
  error.details = std::string(text);
  return error;
}

// `scanned` is the trimmed text `pos` points into; `text` is what the user gave.
Error InvalidCharError(std::string_view text, std::string_view scanned, std::size_t pos,
                       std::string_view field) {
  const std::string shown = PrintableCharAt(scanned, pos);
  if (shown.empty()) {
    return ParseError("money.parse.invalid_char",
                      "Сомада рұқсат етілмеген таңба бар: тек цифрлар, бос орын, үтір немесе "
                      "нүкте болуы мүмкін",
                      "Недопустимый символ в сумме: допускаются цифры, пробел, запятая или точка",
                      "Invalid character in the amount: only digits, spaces, a comma or a point "
                      "are allowed",
                      field, text);
  }
  return ParseError(
      "money.parse.invalid_char",
      "Сомада рұқсат етілмеген таңба «" + shown +
          "»: тек цифрлар, бос орын, үтір немесе нүкте болуы мүмкін",
      "Недопустимый символ «" + shown + "» в сумме: допускаются цифры, пробел, запятая или точка",
      "Invalid character \"" + shown +
          "\" in the amount: only digits, spaces, a comma or a point are allowed",
      field, text);
}

Error MisplacedSeparatorError(std::string_view field, std::string_view text) {
  return ParseError("money.parse.misplaced_separator",
                    "Сомадағы бос орын тек бүтін бөліктің цифрлары арасында болуы мүмкін",
                    "Пробел в сумме допускается только между цифрами целой части",
                    "A space in the amount is allowed only between digits of the whole part", field,
                    text);
}

Error MissingDigitsError(std::string_view field, std::string_view text) {
  return ParseError("money.parse.missing_digits",
                    "Цифрлар жетіспейді: сома 1 234 немесе 1 234,56 түрінде жазылады",
                    "Не хватает цифр: сумма записывается как 1 234 или 1 234,56",
                    "Digits are missing: write the amount as 1 234 or 1 234,56", field, text);
}

}  // namespace

std::string FormatMoney(Money amount, const MoneyFormat& format) {
  const std::uint64_t magnitude = detail::Magnitude(amount.tiyn());
  const std::string whole = std::to_string(magnitude / static_cast<std::uint64_t>(kTiynPerTenge));
  const auto tiyn = static_cast<unsigned>(magnitude % static_cast<std::uint64_t>(kTiynPerTenge));

  std::string text;
  if (amount.IsNegative()) text += '-';
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i != 0 && (whole.size() - i) % 3 == 0) text += format.group_separator;
    text += whole[i];
  }
  if (format.always_show_tiyn || tiyn != 0) {
    text += format.decimal_separator;
    text += static_cast<char>('0' + tiyn / 10);
    text += static_cast<char>('0' + tiyn % 10);
  }
  return text;
}

Result<Money> ParseMoney(std::string_view text, std::string_view field) {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) {
    return ParseError("money.parse.empty", "Сома көрсетілмеген", "Сумма не указана",
                      "The amount is empty", field, text);
  }

  std::size_t pos = 0;
  bool negative = false;
  if (trimmed.front() == '+' || trimmed.front() == '-') {
    negative = trimmed.front() == '-';
    pos = 1;
  } else if (trimmed.starts_with(kMinusSign)) {
    negative = true;
    pos = kMinusSign.size();
  }

  // A stray character ("1 234 тг", "1'234") is the most useful thing to report, so it is
  // looked for before the structure is checked.
  for (std::size_t i = pos; i < trimmed.size();) {
    const char c = trimmed[i];
    if (IsDigit(c) || c == ',' || c == '.') {
      ++i;
      continue;
    }
    const std::size_t separator = GroupSeparatorLength(trimmed, i);
    if (separator == 0) return InvalidCharError(text, trimmed, i, field);
    i += separator;
  }

  Int128 whole = 0;
  bool too_large = false;
  int whole_digits = 0;
  int fraction = 0;
  int fraction_digits = 0;
  bool in_fraction = false;
  while (pos < trimmed.size()) {
    const char c = trimmed[pos];
    if (IsDigit(c)) {
      const int digit = c - '0';
      if (in_fraction) {
        // Counted past two so that "1,234" is reported as too many decimals only after
        // the whole text is known to be otherwise well-formed.
        if (fraction_digits < 2) fraction = fraction * 10 + digit;
        ++fraction_digits;
      } else {
        if (!too_large) whole = whole * 10 + digit;
        too_large = too_large || whole > kWholeTengeCutoff;
        ++whole_digits;
      }
      ++pos;
      continue;
    }
    if (c == ',' || c == '.') {
      if (in_fraction) {
        return ParseError("money.parse.multiple_decimal_separators",
                          "Сомада тек бір ондық бөлгіш (үтір немесе нүкте) болуы мүмкін",
                          "В сумме может быть только один десятичный разделитель (запятая или "
                          "точка)",
                          "The amount may have only one decimal separator (a comma or a point)",
                          field, text);
      }
      if (whole_digits == 0) return MissingDigitsError(field, text);
      in_fraction = true;
      ++pos;
      continue;
    }
    // Only a group separator is left here: the first pass rejected everything else.
    const std::size_t separator = GroupSeparatorLength(trimmed, pos);
    const bool between_digits = !in_fraction && pos > 0 && IsDigit(trimmed[pos - 1]) &&
                                pos + separator < trimmed.size() &&
                                IsDigit(trimmed[pos + separator]);
    if (!between_digits) return MisplacedSeparatorError(field, text);
    pos += separator;
  }
  if (whole_digits == 0 || (in_fraction && fraction_digits == 0)) {
    return MissingDigitsError(field, text);
  }
  if (fraction_digits > 2) {
    return ParseError(
        "money.parse.too_many_decimals", "Үтірден кейін екі цифрдан артық болмауы керек (тиын)",
        "После запятой допускается не более двух знаков (тиыны)",
        "At most two digits are allowed after the decimal separator (tiyn)", field, text);
  }

  const Int128 tiyn = whole * kTiynPerTenge + (fraction_digits == 1 ? fraction * 10 : fraction);
  if (too_large || tiyn > (negative ? kMaxNegativeTiyn : kMaxPositiveTiyn)) {
    Error error = MoneyOverflowError(std::string(field));
    error.details = std::string(text);
    return error;
  }
  return Money::FromTiyn(static_cast<std::int64_t>(negative ? -tiyn : tiyn));
}

}  // namespace esep::core
