#include "esep/core/date.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <unordered_set>

namespace esep::core {
namespace {

Date D(int year, unsigned month, unsigned day) { return Date::FromYmd(year, month, day).value(); }

void ExpectError(const Result<Date>& result, const std::string& code, const std::string& field) {
  ASSERT_FALSE(result.ok()) << "expected " << code << ", got " << result.value();
  EXPECT_EQ(result.error().code, code);
  EXPECT_EQ(result.error().field, field);
  EXPECT_FALSE(result.error().message.kk.empty());
  EXPECT_FALSE(result.error().message.ru.empty());
  EXPECT_FALSE(result.error().message.en.empty());
  EXPECT_NE(result.error().message.kk, result.error().message.ru);
}

TEST(DateTest, FromYmdKeepsTheParts) {
  const Date date = D(2026, 3, 15);
  EXPECT_EQ(date.year(), 2026);
  EXPECT_EQ(date.month(), 3u);
  EXPECT_EQ(date.day(), 15u);
  EXPECT_EQ(date.DaysSinceEpoch(), 20527);
}

TEST(DateTest, LeapDays) {
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29).ok());
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29).ok());
  ExpectError(Date::FromYmd(2026, 2, 29), "date.invalid", "date");
  ExpectError(Date::FromYmd(1900, 2, 29), "date.invalid", "date");
  ExpectError(Date::FromYmd(1800, 2, 29), "date.invalid", "date");
}

TEST(DateTest, FromYmdRejectsImpossibleMonthsAndDays) {
  ExpectError(Date::FromYmd(2026, 0, 1), "date.invalid", "date");
  ExpectError(Date::FromYmd(2026, 13, 1), "date.invalid", "date");
  ExpectError(Date::FromYmd(2026, 1, 0), "date.invalid", "date");
  ExpectError(Date::FromYmd(2026, 1, 32), "date.invalid", "date");
  ExpectError(Date::FromYmd(2026, 4, 31), "date.invalid", "date");
  EXPECT_TRUE(Date::FromYmd(2026, 4, 30).ok());
  EXPECT_TRUE(Date::FromYmd(2026, 1, 31).ok());
}

TEST(DateTest, InvalidDateMessageShowsTheDate) {
  const Result<Date> result = Date::FromYmd(2026, 2, 30, "hire_date");
  ExpectError(result, "date.invalid", "hire_date");
  EXPECT_EQ(result.error().details, "30.02.2026");
  EXPECT_NE(result.error().message.ru.find("30.02.2026"), std::string::npos);
  EXPECT_NE(result.error().message.kk.find("30.02.2026"), std::string::npos);
}

TEST(DateTest, YearRange) {
  EXPECT_EQ(D(1800, 1, 1).year(), 1800);
  EXPECT_EQ(D(9999, 12, 31).year(), 9999);
  ExpectError(Date::FromYmd(1799, 12, 31), "date.out_of_range", "date");
  ExpectError(Date::FromYmd(10000, 1, 1), "date.out_of_range", "date");
  ExpectError(Date::FromYmd(-5, 1, 1, "birth"), "date.out_of_range", "birth");
  // The year is checked first: 1799-02-30 is out of range, not merely invalid.
  ExpectError(Date::FromYmd(1799, 2, 30), "date.out_of_range", "date");
}

TEST(DateTest, ParsesIso) {
  EXPECT_EQ(Date::Parse("2026-03-15").value(), D(2026, 3, 15));
  EXPECT_EQ(Date::Parse("  2026-03-15\t").value(), D(2026, 3, 15));
  EXPECT_EQ(Date::Parse("1800-01-01").value(), D(1800, 1, 1));
}

TEST(DateTest, ParsesDottedForm) {
  EXPECT_EQ(Date::Parse("15.03.2026").value(), D(2026, 3, 15));
  EXPECT_EQ(Date::Parse("5.3.2026").value(), D(2026, 3, 5));
  EXPECT_EQ(Date::Parse("05.3.2026").value(), D(2026, 3, 5));
  EXPECT_EQ(Date::Parse(" 31.12.9999 ").value(), D(9999, 12, 31));
}

TEST(DateTest, ParseRejectsMalformedText) {
  for (const char* text :
       {"",           "   ",         "2026",        "2026/03/15",       "2026-3-15",   "2026-03-5",
        "15.03.26",   "15.03.02026", "15.03.2026x", "15.03.2026.",      "a5.03.2026",  "15..2026",
        ".03.2026",   "15.03.",      "15-03-2026",  "2026-03-15T00:00", "+2026-03-15", "2026-0a-15",
        "2026_03-15", "115.03.2026", "15.003.2026", "15.03.-026",       "１５.03.2026"}) {
    SCOPED_TRACE(text);
    const Result<Date> result = Date::Parse(text, "doc_date");
    ExpectError(result, "date.format", "doc_date");
    EXPECT_EQ(result.error().details, text);
  }
}

TEST(DateTest, ParseReportsImpossibleDates) {
  ExpectError(Date::Parse("2026-02-30"), "date.invalid", "date");
  ExpectError(Date::Parse("31.04.2026"), "date.invalid", "date");
  ExpectError(Date::Parse("2026-13-01"), "date.invalid", "date");
  ExpectError(Date::Parse("00.01.2026"), "date.invalid", "date");
  ExpectError(Date::Parse("1799-12-31"), "date.out_of_range", "date");
  ExpectError(Date::Parse("01.01.0000"), "date.out_of_range", "date");
}

TEST(DateTest, TextForms) {
  const Date date = D(2026, 3, 5);
  EXPECT_EQ(date.ToIso(), "2026-03-05");
  EXPECT_EQ(date.Format(Lang::kKk), "05.03.2026");
  EXPECT_EQ(date.Format(Lang::kRu), "05.03.2026");
  EXPECT_EQ(date.Format(Lang::kEn), "05.03.2026");
  EXPECT_EQ(D(2026, 3, 15).FormatLong(Lang::kRu), "15 марта 2026 г.");
  EXPECT_EQ(D(2026, 3, 15).FormatLong(Lang::kKk), "2026 жылғы 15 наурыз");
  EXPECT_EQ(D(2026, 3, 15).FormatLong(Lang::kEn), "15 March 2026");
  EXPECT_EQ(date.FormatLong(Lang::kRu), "5 марта 2026 г.");
  EXPECT_EQ(D(1800, 1, 1).ToIso(), "1800-01-01");
}

TEST(DateTest, IsoRoundTrips) {
  for (const Date date : {D(1800, 1, 1), D(1999, 12, 31), D(2024, 2, 29), D(9999, 12, 31)}) {
    EXPECT_EQ(Date::Parse(date.ToIso()).value(), date);
    EXPECT_EQ(Date::Parse(date.Format(Lang::kRu)).value(), date);
  }
}

TEST(DateTest, FormatLongNamesEveryMonth) {
  const char* ru[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                      "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
  const char* kk[] = {"қаңтар", "ақпан", "наурыз",   "сәуір", "мамыр",  "маусым",
                      "шілде",  "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"};
  const char* en[] = {"January", "February", "March",     "April",   "May",      "June",
                      "July",    "August",   "September", "October", "November", "December"};
  for (unsigned month = 1; month <= 12; ++month) {
    const Date date = D(2026, month, 1);
    EXPECT_EQ(date.FormatLong(Lang::kRu), std::string("1 ") + ru[month - 1] + " 2026 г.");
    EXPECT_EQ(date.FormatLong(Lang::kKk), std::string("2026 жылғы 1 ") + kk[month - 1]);
    EXPECT_EQ(date.FormatLong(Lang::kEn), std::string("1 ") + en[month - 1] + " 2026");
  }
}

TEST(DateTest, MonthNames) {
  const char* ru[] = {"Январь", "Февраль", "Март",     "Апрель",  "Май",    "Июнь",
                      "Июль",   "Август",  "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};
  const char* kk[] = {"Қаңтар", "Ақпан", "Наурыз",   "Сәуір", "Мамыр",  "Маусым",
                      "Шілде",  "Тамыз", "Қыркүйек", "Қазан", "Қараша", "Желтоқсан"};
  for (unsigned month = 1; month <= 12; ++month) {
    EXPECT_EQ(MonthName(month, Lang::kRu), ru[month - 1]);
    EXPECT_EQ(MonthName(month, Lang::kKk), kk[month - 1]);
  }
  EXPECT_EQ(MonthName(9, Lang::kEn), "September");
  EXPECT_TRUE(MonthName(0, Lang::kRu).empty());
  EXPECT_TRUE(MonthName(13, Lang::kKk).empty());
}

TEST(DateTest, Weekday) {
  EXPECT_EQ(D(2026, 1, 1).Weekday(), 4u);    // Thursday
  EXPECT_EQ(D(2026, 3, 15).Weekday(), 7u);   // Sunday
  EXPECT_EQ(D(2026, 3, 16).Weekday(), 1u);   // Monday
  EXPECT_EQ(D(1800, 1, 1).Weekday(), 3u);    // Wednesday
  EXPECT_EQ(D(9999, 12, 31).Weekday(), 5u);  // Friday
}

TEST(DateTest, AddDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(D(2026, 1, 31).AddDays(1), D(2026, 2, 1));
  EXPECT_EQ(D(2026, 12, 31).AddDays(1), D(2027, 1, 1));
  EXPECT_EQ(D(2024, 2, 28).AddDays(1), D(2024, 2, 29));
  EXPECT_EQ(D(2026, 2, 28).AddDays(1), D(2026, 3, 1));
  EXPECT_EQ(D(2026, 3, 1).AddDays(-1), D(2026, 2, 28));
  EXPECT_EQ(D(2026, 3, 15).AddDays(0), D(2026, 3, 15));
  EXPECT_EQ(D(2026, 1, 1).AddDays(365), D(2027, 1, 1));
  EXPECT_EQ(D(1800, 1, 1).AddDays(D(1800, 1, 1).DaysUntil(D(9999, 12, 31))), D(9999, 12, 31));
}

TEST(DateTest, AddDaysOutsideTheRangeThrows) {
  try {
    (void)D(9999, 12, 31).AddDays(1);
    FAIL() << "expected ErrorException";
  } catch (const ErrorException& e) {
    EXPECT_EQ(e.error().code, "date.out_of_range");
  }
  EXPECT_THROW((void)D(1800, 1, 1).AddDays(-1), ErrorException);
  EXPECT_THROW((void)D(2026, 1, 1).AddDays(std::numeric_limits<std::int32_t>::max()),
               ErrorException);
  EXPECT_THROW((void)D(2026, 1, 1).AddDays(std::numeric_limits<std::int32_t>::min()),
               ErrorException);
}

TEST(DateTest, DaysUntil) {
  EXPECT_EQ(D(2026, 1, 1).DaysUntil(D(2027, 1, 1)), 365);
  EXPECT_EQ(D(2024, 1, 1).DaysUntil(D(2025, 1, 1)), 366);
  EXPECT_EQ(D(2027, 1, 1).DaysUntil(D(2026, 1, 1)), -365);
  EXPECT_EQ(D(2026, 3, 15).DaysUntil(D(2026, 3, 15)), 0);
  EXPECT_EQ(D(1800, 1, 1).DaysUntil(D(9999, 12, 31)), 2932896 + 62091);
}

TEST(DateTest, Comparisons) {
  EXPECT_LT(D(2026, 3, 14), D(2026, 3, 15));
  EXPECT_LT(D(2025, 12, 31), D(2026, 1, 1));
  EXPECT_GT(D(2026, 2, 1), D(2026, 1, 31));
  EXPECT_LE(D(2026, 3, 15), D(2026, 3, 15));
  EXPECT_EQ(D(2026, 3, 15), Date::Parse("15.03.2026").value());
  EXPECT_NE(D(2026, 3, 15), D(2026, 3, 16));
}

TEST(DateTest, DaysInMonthAndLeapYears) {
  static_assert(Date::IsLeapYear(2024));
  static_assert(!Date::IsLeapYear(2026));
  static_assert(!Date::IsLeapYear(1900));
  static_assert(Date::IsLeapYear(2000));
  static_assert(Date::DaysInMonth(2024, 2) == 29);
  EXPECT_EQ(Date::DaysInMonth(2026, 2), 28u);
  EXPECT_EQ(Date::DaysInMonth(2026, 1), 31u);
  EXPECT_EQ(Date::DaysInMonth(2026, 4), 30u);
  EXPECT_EQ(Date::DaysInMonth(2026, 12), 31u);
  EXPECT_EQ(Date::DaysInMonth(2026, 0), 0u);
  EXPECT_EQ(Date::DaysInMonth(2026, 13), 0u);
  unsigned total = 0;
  for (unsigned month = 1; month <= 12; ++month) total += Date::DaysInMonth(2026, month);
  EXPECT_EQ(total, 365u);
}

TEST(DateTest, DaysSinceEpoch) {
  EXPECT_EQ(Date::FromDaysSinceEpoch(0).value(), D(1970, 1, 1));
  EXPECT_EQ(Date::FromDaysSinceEpoch(-1).value(), D(1969, 12, 31));
  EXPECT_EQ(Date::FromDaysSinceEpoch(20454).value(), D(2026, 1, 1));
  EXPECT_EQ(Date::FromDaysSinceEpoch(-62091).value(), D(1800, 1, 1));
  EXPECT_EQ(Date::FromDaysSinceEpoch(2932896).value(), D(9999, 12, 31));
  ExpectError(Date::FromDaysSinceEpoch(-62092), "date.out_of_range", "date");
  ExpectError(Date::FromDaysSinceEpoch(2932897, "posted_on"), "date.out_of_range", "posted_on");
}

TEST(DateTest, EveryDayOfTwoCenturiesFollowsTheCalendar) {
  // Walks day by day from 1899 to 2101 and checks that the serial and the fields advance
  // together, so a conversion error anywhere in that span shows up.
  Date date = D(1899, 1, 1);
  unsigned weekday = date.Weekday();
  while (date < D(2101, 12, 31)) {
    const Date next = date.AddDays(1);
    ASSERT_EQ(date.DaysUntil(next), 1);
    weekday = weekday % 7 + 1;
    ASSERT_EQ(next.Weekday(), weekday) << next;
    if (date.day() == Date::DaysInMonth(date.year(), date.month())) {
      ASSERT_EQ(next.day(), 1u) << next;
      ASSERT_EQ(next.month(), date.month() % 12 + 1) << next;
    } else {
      ASSERT_EQ(next.day(), date.day() + 1) << next;
      ASSERT_EQ(next.month(), date.month()) << next;
    }
    ASSERT_EQ(Date::FromYmd(next.year(), next.month(), next.day()).value(), next);
    ASSERT_EQ(Date::FromDaysSinceEpoch(next.DaysSinceEpoch()).value(), next);
    date = next;
  }
}

TEST(DateTest, TodayIsTheClockDateWithinAZoneOffset) {
  const auto utc_days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const Date utc_today =
      Date::FromDaysSinceEpoch(static_cast<std::int32_t>(utc_days.time_since_epoch().count()))
          .value();
  const std::int32_t offset = utc_today.DaysUntil(Date::Today());
  EXPECT_GE(offset, -1);
  EXPECT_LE(offset, 1);
}

TEST(DateTest, StreamsAndHashes) {
  std::ostringstream out;
  out << D(2026, 3, 15);
  EXPECT_EQ(out.str(), "2026-03-15");
  std::unordered_set<Date> dates{D(2026, 3, 15), Date::Parse("15.03.2026").value(), D(2026, 3, 16)};
  EXPECT_EQ(dates.size(), 2u);
}

}  // namespace
}  // namespace esep::core
