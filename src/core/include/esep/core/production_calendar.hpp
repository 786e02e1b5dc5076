#pragma once
/// @file
/// ProductionCalendar: the official working days and hours of each day (Kazakhstan's
/// production calendar), loaded from reference data and queried for month/quarter/year norms.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "esep/core/date.hpp"
#include "esep/core/period.hpp"
#include "esep/core/result.hpp"

namespace esep::core {

/// The kind of a calendar day, as in the reference data's `day_type` column.
enum class DayType {
  kWork,     ///< "work": a working day
  kWeekend,  ///< "weekend": Saturday or Sunday
  kHoliday,  ///< "holiday": a public holiday under the Law on Holidays (also on a weekend)
  kTransfer  ///< "transfer": a day off moved from a holiday that fell on a weekend
};

/// "work", "weekend", "holiday", "transfer".
std::string_view DayTypeCode(DayType type);
/// The inverse of DayTypeCode (exact, lower case); nullopt for anything else.
std::optional<DayType> ParseDayType(std::string_view code);

/// One day of the calendar. Hours are kept in whole minutes so that a 36-hour week's
/// 7.2-hour day (432 minutes) adds up without floating-point drift.
struct CalendarDay {
  Date date;
  DayType type;
  std::int32_t working_minutes;

  bool operator==(const CalendarDay&) const = default;
};

/// An immutable set of calendar days, possibly several years. Every norm query needs every
/// day of its range: a missing day is an error ("calendar.missing_date"), never a guess.
class ProductionCalendar {
 public:
  /// The empty calendar; it covers no date.
  ProductionCalendar() = default;

  /// Parses reference data: the header `date,day_type,hours`, then one line per day: a
  /// date as Date::Parse reads it (ISO in the shipped files), a DayTypeCode, and hours
  /// 0..24 with an optional fraction that makes whole minutes ("7.2"). A UTF-8 BOM, CRLF
  /// line ends, blank lines and spaces around fields are tolerated. Every error's field is
  /// "<source_name>:<line>". Codes: "calendar.header", "calendar.columns", "calendar.date",
  /// "calendar.day_type", "calendar.hours", "calendar.hours_on_day_off",
  /// "calendar.no_hours_on_work_day", "calendar.duplicate", "calendar.empty".
  static Result<ProductionCalendar> FromCsv(std::string_view csv_text,
                                            std::string_view source_name);
  /// Builds a calendar from days held elsewhere (the database); the same rules as FromCsv
  /// apply to each day. Errors name `source_name`: "calendar.hours",
  /// "calendar.hours_on_day_off", "calendar.no_hours_on_work_day", "calendar.duplicate".
  static Result<ProductionCalendar> FromDays(std::vector<CalendarDay> days,
                                             std::string_view source_name);
  /// Joins calendars of different years (or other disjoint date sets).
  /// Errors: "calendar.overlap" when a date is in more than one part.
  static Result<ProductionCalendar> Merge(std::span<const ProductionCalendar> parts);

  bool Covers(Date date) const;
  /// True when every day of the period is present.
  bool Covers(const Period& period) const;
  /// Number of days held.
  std::size_t size() const { return days_.size(); }
  /// Every day held, sorted by date.
  std::span<const CalendarDay> days() const { return days_; }

  /// Errors: "calendar.missing_date".
  Result<CalendarDay> DayOf(Date date) const;
  Result<DayType> DayTypeOf(Date date) const;

  /// Days of `type` in [first, last] (both included). Counting holidays inside a vacation
  /// is one use. Errors: "calendar.range" (first after last), "calendar.missing_date".
  Result<std::int32_t> CountDays(Date first, Date last, DayType type) const;
  Result<std::int32_t> WorkingDays(Date first, Date last) const;
  Result<std::int32_t> WorkingDays(const Period& period) const;
  /// The norm of working time in minutes: the exact figure to compute with.
  Result<std::int64_t> WorkingMinutes(Date first, Date last) const;
  Result<std::int64_t> WorkingMinutes(const Period& period) const;
  /// WorkingMinutes / 60, for display only (136.8 for January 2026 on a 36-hour week).
  Result<double> WorkingHours(const Period& period) const;

 private:
  explicit ProductionCalendar(std::vector<CalendarDay> days) : days_(std::move(days)) {}
  /// The days of [first, last], or an error naming the first missing one.
  Result<std::span<const CalendarDay>> Range(Date first, Date last) const;

  /// Sorted by date, no duplicates.
  std::vector<CalendarDay> days_;
};

}  // namespace esep::core
