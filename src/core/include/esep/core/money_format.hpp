#pragma once
/// @file
/// Money as text in the Kazakh and Russian convention: "1 234 567,89" — digits grouped by
/// spaces, a comma before the tiyn.

#include <string>
#include <string_view>

#include "esep/core/money.hpp"
#include "esep/core/result.hpp"

namespace esep::core {

/// How FormatMoney writes an amount. The defaults are the form used in Kazakh and Russian
/// documents; a report that must not break a number across lines passes a no-break space
/// ("\u00A0") as the group separator.
struct MoneyFormat {
  std::string group_separator = " ";
  std::string decimal_separator = ",";
  /// false writes whole-tenge amounts without ",00" (tables where tiyn are rare).
  bool always_show_tiyn = true;
};

/// "1 234 567,89", "-1 234,50", "0,00". Any int64 amount, INT64_MIN included.
std::string FormatMoney(Money amount, const MoneyFormat& format = {});

/// Reads an amount typed by a person or taken from a file: "1 234 567,89", "1234567.89",
/// "1 234 567" (whole tenge), "-5,5" (= -5,50), "+10". Groups may be separated by a space,
/// a no-break space (U+00A0) or a narrow no-break space (U+202F) between digits; the
/// decimal separator is ',' or '.', at most one, with one or two digits after it. The
/// minus may also be U+2212. Surrounding whitespace is ignored. An apostrophe (Swiss
/// grouping) is rejected: "1'234" is more likely a typo than an amount.
/// Every error carries `field` and the input in `details`; codes: "money.parse.empty",
/// "money.parse.invalid_char", "money.parse.misplaced_separator",
/// "money.parse.multiple_decimal_separators", "money.parse.missing_digits",
/// "money.parse.too_many_decimals", "money.overflow".
Result<Money> ParseMoney(std::string_view text, std::string_view field = "amount");

}  // namespace esep::core
