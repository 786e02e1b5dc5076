#pragma once
/// @file
/// The amount in words that payment orders, cash vouchers and acts repeat after the
/// figures: «сумма прописью» in Russian, «жазбаша» in Kazakh.

#include <string>

#include "esep/core/money.hpp"
#include "esep/core/text.hpp"

namespace esep::core {

struct WordsOptions {
  /// false: "... тенге 05 тиын" (two digits, the usual form in documents);
  /// true: "... тенге пять тиын".
  bool tiyn_in_words = false;
  /// Start with a capital letter, as the line in a document does.
  bool capitalize = true;
};

/// The amount in words in `lang`, for any int64 amount:
///   ru: "Один миллион двести тысяч тенге 00 тиын" — thousands feminine ("одна тысяча",
///       "две тысячи"); "тенге" and "тиын" are not declined, as in Kazakhstan's documents.
///   kk: "Бір миллион екі жүз мың теңге 00 тиын" — the formal style with "бір жүз",
///       "бір мың"; no plural after a numeral.
///   en: "One million two hundred thousand tenge 00 tiyn".
/// Zero is "Ноль" / "Нөл" / "Zero"; a negative amount starts with "Минус" / "Minus".
std::string AmountInWords(Money amount, Lang lang, const WordsOptions& options = {});

}  // namespace esep::core
