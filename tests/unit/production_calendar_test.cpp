#include "esep/core/production_calendar.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace esep::core {
namespace {

Date D(int year, unsigned month, unsigned day) { return Date::FromYmd(year, month, day).value(); }
Period M(int year, unsigned month) { return Period::Month(year, month).value(); }

// The first week of March 2026 as the reference data has it, plus the Sunday holiday
// 8 March and its transfer to Monday 9 March.
constexpr std::string_view kMarchWeek =
    "date,day_type,hours\n"
    "2026-03-02,work,8\n"
    "2026-03-03,work,8\n"
    "2026-03-04,work,8\n"
    "2026-03-05,work,8\n"
    "2026-03-06,work,8\n"
    "2026-03-07,weekend,0\n"
    "2026-03-08,holiday,0\n"
    "2026-03-09,transfer,0\n"
    "2026-03-10,work,8\n";

ProductionCalendar Load(std::string_view csv) {
  const Result<ProductionCalendar> calendar = ProductionCalendar::FromCsv(csv, "test.csv");
  if (!calendar) ADD_FAILURE() << calendar.error().code << " at " << calendar.error().field;
  return calendar.ok() ? calendar.value() : ProductionCalendar{};
}

void ExpectError(const Error& error, const std::string& code, const std::string& field) {
  EXPECT_EQ(error.code, code);
  EXPECT_EQ(error.field, field);
  EXPECT_FALSE(error.message.kk.empty());
  EXPECT_FALSE(error.message.ru.empty());
  EXPECT_FALSE(error.message.en.empty());
  EXPECT_NE(error.message.kk, error.message.ru);
}

void ExpectCsvError(std::string_view csv, const std::string& code, const std::string& field) {
  const Result<ProductionCalendar> calendar = ProductionCalendar::FromCsv(csv, "test.csv");
  ASSERT_FALSE(calendar.ok()) << "expected " << code;
  ExpectError(calendar.error(), code, field);
}

std::string Line(std::string_view body) { return "date,day_type,hours\n" + std::string(body); }

TEST(DayTypeTest, CodesRoundTrip) {
  for (DayType type : {DayType::kWork, DayType::kWeekend, DayType::kHoliday, DayType::kTransfer}) {
    EXPECT_EQ(ParseDayType(DayTypeCode(type)), type);
  }
  EXPECT_EQ(DayTypeCode(DayType::kWork), "work");
  EXPECT_EQ(DayTypeCode(DayType::kWeekend), "weekend");
  EXPECT_EQ(DayTypeCode(DayType::kHoliday), "holiday");
  EXPECT_EQ(DayTypeCode(DayType::kTransfer), "transfer");
  EXPECT_EQ(ParseDayType("Work"), std::nullopt);
  EXPECT_EQ(ParseDayType(""), std::nullopt);
  EXPECT_EQ(ParseDayType("holyday"), std::nullopt);
}

TEST(ProductionCalendarTest, LoadsDaysAndTypes) {
  const ProductionCalendar calendar = Load(kMarchWeek);
  EXPECT_EQ(calendar.size(), 9u);
  EXPECT_EQ(calendar.DayTypeOf(D(2026, 3, 2)).value(), DayType::kWork);
  EXPECT_EQ(calendar.DayTypeOf(D(2026, 3, 7)).value(), DayType::kWeekend);
  EXPECT_EQ(calendar.DayTypeOf(D(2026, 3, 8)).value(), DayType::kHoliday);
  EXPECT_EQ(calendar.DayTypeOf(D(2026, 3, 9)).value(), DayType::kTransfer);
  EXPECT_EQ(calendar.DayOf(D(2026, 3, 10)).value(),
            (CalendarDay{D(2026, 3, 10), DayType::kWork, 480}));
  EXPECT_EQ(calendar.DayOf(D(2026, 3, 8)).value().working_minutes, 0);
}

TEST(ProductionCalendarTest, CountsWithinARange) {
  const ProductionCalendar calendar = Load(kMarchWeek);
  const Date first = D(2026, 3, 2);
  const Date last = D(2026, 3, 10);
  EXPECT_EQ(calendar.WorkingDays(first, last).value(), 6);
  EXPECT_EQ(calendar.WorkingMinutes(first, last).value(), 6 * 480);
  EXPECT_EQ(calendar.CountDays(first, last, DayType::kHoliday).value(), 1);
  EXPECT_EQ(calendar.CountDays(first, last, DayType::kTransfer).value(), 1);
  EXPECT_EQ(calendar.CountDays(first, last, DayType::kWeekend).value(), 1);
  EXPECT_EQ(calendar.WorkingDays(D(2026, 3, 7), D(2026, 3, 9)).value(), 0);
  EXPECT_EQ(calendar.WorkingDays(D(2026, 3, 4), D(2026, 3, 4)).value(), 1);
}

TEST(ProductionCalendarTest, ReversedRangeIsAnError) {
  const ProductionCalendar calendar = Load(kMarchWeek);
  const Result<std::int32_t> days = calendar.WorkingDays(D(2026, 3, 5), D(2026, 3, 4));
  ASSERT_FALSE(days.ok());
  ExpectError(days.error(), "calendar.range", "");
  EXPECT_EQ(days.error().details, "2026-03-05..2026-03-04");
}

TEST(ProductionCalendarTest, MissingDatesAreErrorsNamingTheFirstGap) {
  const ProductionCalendar calendar = Load(kMarchWeek);
  const Result<DayType> type = calendar.DayTypeOf(D(2027, 1, 4));
  ASSERT_FALSE(type.ok());
  ExpectError(type.error(), "calendar.missing_date", "");
  EXPECT_EQ(type.error().details, "2027-01-04");
  EXPECT_NE(type.error().message.ru.find("04.01.2027"), std::string::npos);
  EXPECT_NE(type.error().message.kk.find("2027 жыл"), std::string::npos);

  // A range that starts before the data.
  const Result<std::int32_t> before = calendar.WorkingDays(D(2026, 3, 1), D(2026, 3, 5));
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().details, "2026-03-01");
  // A range that runs past the data.
  const Result<std::int64_t> after = calendar.WorkingMinutes(D(2026, 3, 9), D(2026, 3, 12));
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, "calendar.missing_date");
  EXPECT_EQ(after.error().details, "2026-03-11");
  // A month only partly loaded.
  const Result<std::int32_t> month = calendar.WorkingDays(M(2026, 3));
  ASSERT_FALSE(month.ok());
  EXPECT_EQ(month.error().details, "2026-03-01");
  EXPECT_FALSE(calendar.WorkingHours(M(2026, 3)).ok());
}

TEST(ProductionCalendarTest, GapInTheMiddleIsFound) {
  const ProductionCalendar calendar =
      Load(Line("2026-03-02,work,8\n"
                "2026-03-03,work,8\n"
                "2026-03-05,work,8\n"));
  const Result<std::int32_t> days = calendar.WorkingDays(D(2026, 3, 2), D(2026, 3, 5));
  ASSERT_FALSE(days.ok());
  EXPECT_EQ(days.error().code, "calendar.missing_date");
  EXPECT_EQ(days.error().details, "2026-03-04");
  EXPECT_EQ(calendar.CountDays(D(2026, 3, 2), D(2026, 3, 3), DayType::kWork).value(), 2);
}

TEST(ProductionCalendarTest, Covers) {
  const ProductionCalendar calendar = Load(kMarchWeek);
  EXPECT_TRUE(calendar.Covers(D(2026, 3, 2)));
  EXPECT_TRUE(calendar.Covers(D(2026, 3, 10)));
  EXPECT_FALSE(calendar.Covers(D(2026, 3, 1)));
  EXPECT_FALSE(calendar.Covers(D(2026, 3, 11)));
  EXPECT_FALSE(calendar.Covers(M(2026, 3)));
  const ProductionCalendar empty;
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_FALSE(empty.Covers(D(2026, 3, 2)));
  EXPECT_EQ(empty.DayTypeOf(D(2026, 3, 2)).error().code, "calendar.missing_date");
}

TEST(ProductionCalendarTest, ToleratesBomCrlfBlankLinesSpacesAndOrder) {
  const ProductionCalendar calendar = Load(
      "\xEF\xBB\xBF"
      "date,day_type,hours\r\n"
      "\r\n"
      "2026-03-03 , work , 8\r\n"
      "   \r\n"
      "2026-03-02,work,8\r\n"
      "2026-03-01,weekend,0");
  EXPECT_EQ(calendar.size(), 3u);
  EXPECT_EQ(calendar.WorkingDays(D(2026, 3, 1), D(2026, 3, 3)).value(), 2);
  EXPECT_EQ(calendar.DayTypeOf(D(2026, 3, 1)).value(), DayType::kWeekend);
}

TEST(ProductionCalendarTest, FractionalHoursBecomeMinutes) {
  const ProductionCalendar calendar =
      Load(Line("2026-01-05,work,7.2\n"
                "2026-01-06,work,7.25\n"
                "2026-01-07,work,0.5\n"
                "2026-01-08,work,24\n"
                "2026-01-09,work,24.0\n"
                "2026-01-10,weekend,0.00\n"
                "2026-01-11,weekend,00\n"));
  EXPECT_EQ(calendar.DayOf(D(2026, 1, 5)).value().working_minutes, 432);
  EXPECT_EQ(calendar.DayOf(D(2026, 1, 6)).value().working_minutes, 435);
  EXPECT_EQ(calendar.DayOf(D(2026, 1, 7)).value().working_minutes, 30);
  EXPECT_EQ(calendar.DayOf(D(2026, 1, 8)).value().working_minutes, 1440);
  EXPECT_EQ(calendar.DayOf(D(2026, 1, 9)).value().working_minutes, 1440);
  EXPECT_EQ(calendar.DayOf(D(2026, 1, 10)).value().working_minutes, 0);
  EXPECT_EQ(calendar.WorkingMinutes(D(2026, 1, 5), D(2026, 1, 11)).value(),
            432 + 435 + 30 + 1440 + 1440);
}

TEST(ProductionCalendarTest, ThirtySixHourWeekHoursAddUpExactly) {
  // Five 7.2-hour days are exactly 36 hours; summing doubles would not promise that.
  const ProductionCalendar calendar =
      Load(Line("2026-02-01,weekend,0\n"
                "2026-02-02,work,7.2\n"
                "2026-02-03,work,7.2\n"
                "2026-02-04,work,7.2\n"
                "2026-02-05,work,7.2\n"
                "2026-02-06,work,7.2\n"
                "2026-02-07,weekend,0\n"));
  EXPECT_EQ(calendar.WorkingMinutes(D(2026, 2, 1), D(2026, 2, 7)).value(), 36 * 60);
}

TEST(ProductionCalendarTest, HeaderErrors) {
  ExpectCsvError("date;day_type;hours\n2026-03-02;work;8\n", "calendar.header", "test.csv:1");
  ExpectCsvError("date,type,hours\n", "calendar.header", "test.csv:1");
  ExpectCsvError("date,day_type\n", "calendar.header", "test.csv:1");
  ExpectCsvError("date,day_type,hours,note\n", "calendar.header", "test.csv:1");
  ExpectCsvError("\n\n2026-03-02,work,8\n", "calendar.header", "test.csv:3");
  ExpectCsvError("DATE,DAY_TYPE,HOURS\n", "calendar.header", "test.csv:1");
}

TEST(ProductionCalendarTest, EmptyDataIsAnError) {
  ExpectCsvError("", "calendar.empty", "test.csv");
  ExpectCsvError("\xEF\xBB\xBF", "calendar.empty", "test.csv");
  ExpectCsvError("date,day_type,hours\n", "calendar.empty", "test.csv");
  ExpectCsvError("date,day_type,hours\r\n\r\n", "calendar.empty", "test.csv");
}

TEST(ProductionCalendarTest, ColumnCountErrors) {
  ExpectCsvError(Line("2026-03-02,work\n"), "calendar.columns", "test.csv:2");
  ExpectCsvError(Line("2026-03-02,work,8,extra\n"), "calendar.columns", "test.csv:2");
  ExpectCsvError(Line("2026-03-02,work,8\n2026-03-03,work,8,0\n"), "calendar.columns",
                 "test.csv:3");
  ExpectCsvError(Line("2026-03-02,work,\"8,0\"\n"), "calendar.columns", "test.csv:2");
}

TEST(ProductionCalendarTest, DateErrors) {
  ExpectCsvError(Line("2026-02-30,work,8\n"), "calendar.date", "test.csv:2");
  ExpectCsvError(Line("yesterday,work,8\n"), "calendar.date", "test.csv:2");
  ExpectCsvError(Line(",work,8\n"), "calendar.date", "test.csv:2");
  const Result<ProductionCalendar> calendar =
      ProductionCalendar::FromCsv(Line("2026-13-01,work,8\n"), "prod.csv");
  ASSERT_FALSE(calendar.ok());
  EXPECT_EQ(calendar.error().details, "2026-13-01");
  EXPECT_NE(calendar.error().message.ru.find("2026-13-01"), std::string::npos);
}

TEST(ProductionCalendarTest, DayTypeErrors) {
  ExpectCsvError(Line("2026-03-02,Work,8\n"), "calendar.day_type", "test.csv:2");
  ExpectCsvError(Line("2026-03-02,,8\n"), "calendar.day_type", "test.csv:2");
  ExpectCsvError(Line("2026-03-02,weekend,0\n2026-03-03,shortened,7\n"), "calendar.day_type",
                 "test.csv:3");
}

TEST(ProductionCalendarTest, HoursErrors) {
  for (const char* hours : {"", "-1", "25", "24.5", "24.01", "abc", "8.", ".5", "7.01", "100", "8h",
                            "8.0.0", "+8", "1e1", "7.0000001", " 8 8"}) {
    SCOPED_TRACE(hours);
    ExpectCsvError(Line("2026-03-02,work," + std::string(hours) + "\n"), "calendar.hours",
                   "test.csv:2");
  }
}

TEST(ProductionCalendarTest, HoursOnADayOffAreAnError) {
  ExpectCsvError(Line("2026-03-07,weekend,8\n"), "calendar.hours_on_day_off", "test.csv:2");
  ExpectCsvError(Line("2026-03-08,holiday,0.5\n"), "calendar.hours_on_day_off", "test.csv:2");
  ExpectCsvError(Line("2026-03-09,transfer,8\n"), "calendar.hours_on_day_off", "test.csv:2");
}

TEST(ProductionCalendarTest, WorkDayWithoutHoursIsAnError) {
  ExpectCsvError(Line("2026-03-02,work,0\n"), "calendar.no_hours_on_work_day", "test.csv:2");
}

TEST(ProductionCalendarTest, DuplicateDateNamesBothLines) {
  const std::string csv = Line(
      "2026-03-02,work,8\n"
      "2026-03-03,work,8\n"
      "2026-03-02,work,8\n");
  ExpectCsvError(csv, "calendar.duplicate", "test.csv:4");
  const Result<ProductionCalendar> calendar = ProductionCalendar::FromCsv(csv, "test.csv");
  ASSERT_FALSE(calendar.ok());
  EXPECT_NE(calendar.error().message.ru.find("строке 2"), std::string::npos);
  EXPECT_NE(calendar.error().message.kk.find("2-жолда"), std::string::npos);
  // The same date written in the other accepted form is still the same date.
  ExpectCsvError(Line("2026-03-02,work,8\n02.03.2026,work,8\n"), "calendar.duplicate",
                 "test.csv:3");
}

TEST(ProductionCalendarTest, LineNumbersCountBlankLinesAndCrlf) {
  ExpectCsvError(
      "\xEF\xBB\xBF"
      "date,day_type,hours\r\n"
      "2026-03-02,work,8\r\n"
      "\r\n"
      "2026-03-03,wrok,8\r\n",
      "calendar.day_type", "test.csv:4");
  const Result<ProductionCalendar> calendar =
      ProductionCalendar::FromCsv(Line("2026-03-02,work,x\n"), "production_calendar_2026.csv");
  ASSERT_FALSE(calendar.ok());
  EXPECT_EQ(calendar.error().field, "production_calendar_2026.csv:2");
}

TEST(ProductionCalendarTest, MergeJoinsDisjointYears) {
  const ProductionCalendar december =
      Load(Line("2025-12-30,work,8\n"
                "2025-12-31,work,8\n"));
  const ProductionCalendar january =
      Load(Line("2026-01-01,holiday,0\n"
                "2026-01-02,holiday,0\n"));
  const std::array<ProductionCalendar, 2> parts{january, december};
  const Result<ProductionCalendar> merged = ProductionCalendar::Merge(parts);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->size(), 4u);
  EXPECT_EQ(merged->WorkingDays(D(2025, 12, 30), D(2026, 1, 2)).value(), 2);
  EXPECT_EQ(merged->CountDays(D(2025, 12, 30), D(2026, 1, 2), DayType::kHoliday).value(), 2);

  const Result<ProductionCalendar> none = ProductionCalendar::Merge({});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->size(), 0u);
}

TEST(ProductionCalendarTest, MergeRejectsOverlaps) {
  const ProductionCalendar a = Load(Line("2026-01-01,holiday,0\n2026-01-02,holiday,0\n"));
  const ProductionCalendar b = Load(Line("2026-01-02,holiday,0\n2026-01-03,weekend,0\n"));
  const std::array<ProductionCalendar, 2> parts{a, b};
  const Result<ProductionCalendar> merged = ProductionCalendar::Merge(parts);
  ASSERT_FALSE(merged.ok());
  ExpectError(merged.error(), "calendar.overlap", "");
  EXPECT_EQ(merged.error().details, "2026-01-02");
}

// The shipped reference file. The path comes from the environment (to run the test
// against another checkout) or from the build's ESEP_SOURCE_DIR definition.
std::optional<std::string> SourceDir() {
  if (const char* env = std::getenv("ESEP_SOURCE_DIR"); env != nullptr && *env != '\0') {
    return std::string(env);
  }
#ifdef ESEP_SOURCE_DIR
  return std::string(ESEP_SOURCE_DIR);
#else
  return std::nullopt;
#endif
}

class ShippedCalendar2026Test : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::optional<std::string> dir = SourceDir();
    if (!dir) GTEST_SKIP() << "ESEP_SOURCE_DIR is neither in the environment nor defined";
    const std::string path = *dir + "/sql/reference/production_calendar_2026.csv";
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "cannot open " << path;
    std::ostringstream text;
    text << in.rdbuf();
    const Result<ProductionCalendar> loaded =
        ProductionCalendar::FromCsv(text.str(), "production_calendar_2026.csv");
    ASSERT_TRUE(loaded.ok()) << loaded.error().code << " at " << loaded.error().field;
    calendar_ = loaded.value();
  }

  ProductionCalendar calendar_;
};

TEST_F(ShippedCalendar2026Test, CoversExactlyTheYear) {
  EXPECT_EQ(calendar_.size(), 365u);
  EXPECT_TRUE(calendar_.Covers(Period::Year(2026).value()));
  EXPECT_FALSE(calendar_.Covers(D(2025, 12, 31)));
  EXPECT_FALSE(calendar_.Covers(D(2027, 1, 1)));
  EXPECT_EQ(calendar_.WorkingDays(Period::Year(2027).value()).error().code,
            "calendar.missing_date");
}

TEST_F(ShippedCalendar2026Test, MonthlyNormsOfTheFiveDayFortyHourWeek) {
  // Balance of working time 2026 (timesheet-kz.md §5): working days and hours per month.
  constexpr std::array<std::int32_t, 12> kDays = {19, 20, 18, 22, 17, 22, 22, 20, 22, 21, 21, 22};
  constexpr std::array<std::int64_t, 12> kHours = {152, 160, 144, 176, 136, 176,
                                                   176, 160, 176, 168, 168, 176};
  for (unsigned month = 1; month <= 12; ++month) {
    SCOPED_TRACE(month);
    const Period period = M(2026, month);
    EXPECT_EQ(calendar_.WorkingDays(period).value(), kDays[month - 1]);
    EXPECT_EQ(calendar_.WorkingMinutes(period).value(), kHours[month - 1] * 60);
    EXPECT_DOUBLE_EQ(calendar_.WorkingHours(period).value(),
                     static_cast<double>(kHours[month - 1]));
  }
}

TEST_F(ShippedCalendar2026Test, QuarterlyAndYearlyNorms) {
  constexpr std::array<std::int32_t, 4> kDays = {57, 61, 64, 64};
  for (unsigned quarter = 1; quarter <= 4; ++quarter) {
    SCOPED_TRACE(quarter);
    const Period period = Period::Quarter(2026, quarter).value();
    EXPECT_EQ(calendar_.WorkingDays(period).value(), kDays[quarter - 1]);
    EXPECT_EQ(calendar_.WorkingMinutes(period).value(), kDays[quarter - 1] * 8 * 60);
  }
  const Period year = Period::Year(2026).value();
  EXPECT_EQ(calendar_.WorkingDays(year).value(), 246);
  EXPECT_EQ(calendar_.WorkingMinutes(year).value(), 1968 * 60);
  EXPECT_DOUBLE_EQ(calendar_.WorkingHours(year).value(), 1968.0);
}

TEST_F(ShippedCalendar2026Test, DaysOff) {
  // 119 days off in 2026 (zakon.kz): 98 Saturdays and Sundays, 15 holidays (six of them on
  // a weekend) and 6 transferred days off.
  const Date first = D(2026, 1, 1);
  const Date last = D(2026, 12, 31);
  EXPECT_EQ(calendar_.CountDays(first, last, DayType::kWeekend).value(), 98);
  EXPECT_EQ(calendar_.CountDays(first, last, DayType::kHoliday).value(), 15);
  EXPECT_EQ(calendar_.CountDays(first, last, DayType::kTransfer).value(), 6);
  EXPECT_EQ(calendar_.DayTypeOf(D(2026, 1, 7)).value(), DayType::kHoliday);  // no transfer
  EXPECT_EQ(calendar_.DayTypeOf(D(2026, 3, 8)).value(), DayType::kHoliday);
  EXPECT_EQ(calendar_.DayTypeOf(D(2026, 3, 9)).value(), DayType::kTransfer);
  EXPECT_EQ(calendar_.DayTypeOf(D(2026, 3, 24)).value(), DayType::kTransfer);
  EXPECT_EQ(calendar_.DayTypeOf(D(2026, 5, 27)).value(), DayType::kHoliday);  // Kurban ait
  EXPECT_EQ(calendar_.DayTypeOf(D(2026, 12, 16)).value(), DayType::kHoliday);
  EXPECT_EQ(calendar_.DayTypeOf(D(2026, 12, 31)).value(), DayType::kWork);
}

TEST(ProductionCalendarTest, FromDaysSortsAndAppliesTheSameRules) {
  const Date d1 = *Date::FromYmd(2026, 1, 5);
  const Date d2 = *Date::FromYmd(2026, 1, 3);
  auto calendar =
      ProductionCalendar::FromDays({{d1, DayType::kWork, 480}, {d2, DayType::kWeekend, 0}}, "db");
  ASSERT_TRUE(calendar.ok());
  ASSERT_EQ(calendar->days().size(), 2u);
  EXPECT_EQ(calendar->days()[0].date, d2) << "days are kept sorted";

  struct Case {
    std::vector<CalendarDay> days;
    const char* code;
  };
  const std::vector<Case> cases = {
      {{{d1, DayType::kWork, 1441}}, "calendar.hours"},
      {{{d1, DayType::kWork, -1}}, "calendar.hours"},
      {{{d2, DayType::kHoliday, 60}}, "calendar.hours_on_day_off"},
      {{{d1, DayType::kWork, 0}}, "calendar.no_hours_on_work_day"},
      {{{d1, DayType::kWork, 480}, {d1, DayType::kWork, 480}}, "calendar.duplicate"},
  };
  for (const Case& bad : cases) {
    auto result = ProductionCalendar::FromDays(bad.days, "db");
    ASSERT_FALSE(result.ok()) << bad.code;
    EXPECT_EQ(result.error().code, bad.code);
    EXPECT_EQ(result.error().field, "db");
    EXPECT_FALSE(result.error().message.kk.empty());
    EXPECT_FALSE(result.error().message.ru.empty());
  }
}

}  // namespace
}  // namespace esep::core
