#pragma once
/// @file
/// Date: a civil (calendar) date without time or zone, always valid and within the years
/// the product handles (1800..9999), with the ISO and Kazakh/Russian text forms.

#include <compare>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "esep/core/result.hpp"
#include "esep/core/text.hpp"

namespace esep::core {

/// A valid Gregorian date. There is no default constructor on purpose: every Date in the
/// system came from a checked factory, so code that holds one never re-validates it.
class Date {
 public:
  /// IINs carry 19th-century births, so the range starts at 1800; 9999 keeps the ISO
  /// form at four year digits.
  static constexpr int kMinYear = 1800;
  static constexpr int kMaxYear = 9999;

  /// Errors: "date.out_of_range" (year outside kMinYear..kMaxYear), "date.invalid" (no
  /// such month or day, e.g. 2026-02-30). `field` goes into the error as is.
  static Result<Date> FromYmd(int year, unsigned month, unsigned day,
                              std::string_view field = "date");
  /// Accepts ISO "2026-03-15" and the form Kazakh and Russian users type, "15.03.2026"
  /// (also "5.3.2026"); surrounding spaces are ignored. Errors: "date.format" plus those of
  /// FromYmd.
  static Result<Date> Parse(std::string_view text, std::string_view field = "date");
  /// Days since 1970-01-01 (negative before it), the form stored in numeric columns.
  static Result<Date> FromDaysSinceEpoch(std::int32_t days, std::string_view field = "date");
  /// The date on this machine's local clock (the server runs in Kazakhstan's zone).
  static Date Today();

  static constexpr bool IsLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }
  /// Days in `month` (1..12) of `year`; 0 for a month outside 1..12.
  static constexpr unsigned DaysInMonth(int year, unsigned month) {
    constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && IsLeapYear(year)) return 29;
    return kDays[month - 1];
  }

  int year() const { return year_; }
  unsigned month() const { return month_; }
  unsigned day() const { return day_; }
  std::int32_t DaysSinceEpoch() const { return serial_; }
  /// ISO weekday: 1 = Monday … 7 = Sunday.
  unsigned Weekday() const;

  /// The date `days` later (earlier when negative). Leaving the supported years ends the
  /// operation: throws ErrorException("date.out_of_range"), like money overflow does.
  Date AddDays(std::int32_t days) const;
  /// Days from this date to `other`: positive when `other` is later.
  std::int32_t DaysUntil(Date other) const { return other.serial_ - serial_; }

  /// "2026-03-15".
  std::string ToIso() const;
  /// "15.03.2026" in every language: the form official documents in Kazakhstan use.
  std::string Format(Lang lang) const;
  /// ru "15 марта 2026 г.", kk "2026 жылғы 15 наурыз", en "15 March 2026".
  std::string FormatLong(Lang lang) const;

  friend bool operator==(Date a, Date b) { return a.serial_ == b.serial_; }
  friend std::strong_ordering operator<=>(Date a, Date b) { return a.serial_ <=> b.serial_; }

 private:
  Date(std::int32_t serial, int year, unsigned month, unsigned day)
      : serial_(serial),
        year_(static_cast<std::int16_t>(year)),
        month_(static_cast<std::uint8_t>(month)),
        day_(static_cast<std::uint8_t>(day)) {}
  static Date FromValidYmd(int year, unsigned month, unsigned day);
  static Date FromValidSerial(std::int32_t serial);

  std::int32_t serial_;
  std::int16_t year_;
  std::uint8_t month_;
  std::uint8_t day_;
};

/// The month's name in the nominative case, capitalised as at the start of a title:
/// ru "Март", kk "Наурыз", en "March". Empty for a month outside 1..12.
std::string_view MonthName(unsigned month, Lang lang);

/// Writes the ISO form, so that test failures and logs show a readable date.
std::ostream& operator<<(std::ostream& out, Date date);

}  // namespace esep::core

template <>
struct std::hash<esep::core::Date> {
  std::size_t operator()(esep::core::Date date) const noexcept {
    return std::hash<std::int32_t>{}(date.DaysSinceEpoch());
  }
};
