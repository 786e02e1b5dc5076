#pragma once
/// @file
/// Period: a calendar month, quarter or year — the unit reports, payroll runs and closings
/// are made for — with its canonical text form ("2026-03", "2026-Q1", "2026").

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/date.hpp"
#include "esep/core/result.hpp"
#include "esep/core/text.hpp"

namespace esep::core {

enum class PeriodKind { kMonth, kQuarter, kYear };

/// A month, quarter or year of the Gregorian calendar (years Date::kMinYear..kMaxYear).
class Period {
 public:
  /// Errors: "period.month" (month outside 1..12), "period.out_of_range" (year).
  static Result<Period> Month(int year, unsigned month, std::string_view field = "period");
  /// Errors: "period.quarter" (quarter outside 1..4), "period.out_of_range".
  static Result<Period> Quarter(int year, unsigned quarter, std::string_view field = "period");
  /// Errors: "period.out_of_range".
  static Result<Period> Year(int year, std::string_view field = "period");
  static Period MonthOf(Date date);
  static Period QuarterOf(Date date);
  static Period YearOf(Date date);

  /// Parses the canonical forms "2026-03", "2026-Q1" (also "2026-q1") and "2026";
  /// surrounding spaces are ignored. Errors: "period.format" plus those of the factories.
  static Result<Period> Parse(std::string_view text, std::string_view field = "period");

  PeriodKind kind() const { return kind_; }
  int year() const { return year_; }
  /// The month (1..12) of a month period, the quarter (1..4) of a quarter, 1 for a year.
  unsigned number() const;
  /// The first calendar month the period covers (1..12).
  unsigned first_month() const { return first_month_; }

  Date First() const;
  Date Last() const;
  bool Contains(Date date) const { return First() <= date && date <= Last(); }
  /// True when every day of `other` lies inside this period (a quarter contains its months).
  bool Contains(const Period& other) const {
    return First() <= other.First() && other.Last() <= Last();
  }
  /// The period of the same kind right after / before this one. Leaving the supported
  /// years ends the operation: throws ErrorException("period.out_of_range").
  Period Next() const;
  Period Prev() const;
  /// The month periods inside, in order (one for a month, three for a quarter, twelve for
  /// a year).
  std::vector<Period> Months() const;

  /// The canonical form Parse() reads back: "2026-03", "2026-Q1", "2026".
  std::string ToString() const;
  /// For titles: ru "Март 2026", "1 квартал 2026", "2026 год"; kk "Наурыз 2026",
  /// "2026 жылғы 1-тоқсан", "2026 жыл"; en "March 2026", "Q1 2026", "2026".
  std::string Name(Lang lang) const;

  bool operator==(const Period&) const = default;
  /// Chronological for periods of the same kind. Mixed kinds are ordered by their first
  /// month, the shorter period first ("2026-01" < "2026-Q1" < "2026"), so that a std::map
  /// may hold periods of any kind; do not read more into it.
  friend std::strong_ordering operator<=>(const Period& a, const Period& b);

 private:
  Period(PeriodKind kind, int year, unsigned first_month)
      : kind_(kind), year_(year), first_month_(first_month) {}
  unsigned MonthCount() const;
  Period Shifted(int steps) const;

  PeriodKind kind_;
  int year_;
  unsigned first_month_;
};

/// Writes the canonical form (ToString()).
std::ostream& operator<<(std::ostream& out, const Period& period);

}  // namespace esep::core
