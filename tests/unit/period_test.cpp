#include "esep/core/period.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace esep::core {
namespace {

Date D(int year, unsigned month, unsigned day) { return Date::FromYmd(year, month, day).value(); }
Period M(int year, unsigned month) { return Period::Month(year, month).value(); }
Period Q(int year, unsigned quarter) { return Period::Quarter(year, quarter).value(); }
Period Y(int year) { return Period::Year(year).value(); }

void ExpectError(const Result<Period>& result, const std::string& code,
                 const std::string& field = "period") {
  ASSERT_FALSE(result.ok()) << "expected " << code << ", got " << result.value();
  EXPECT_EQ(result.error().code, code);
  EXPECT_EQ(result.error().field, field);
  EXPECT_FALSE(result.error().message.kk.empty());
  EXPECT_FALSE(result.error().message.ru.empty());
  EXPECT_FALSE(result.error().message.en.empty());
  EXPECT_NE(result.error().message.kk, result.error().message.ru);
}

TEST(PeriodTest, Factories) {
  const Period month = M(2026, 3);
  EXPECT_EQ(month.kind(), PeriodKind::kMonth);
  EXPECT_EQ(month.year(), 2026);
  EXPECT_EQ(month.number(), 3u);
  EXPECT_EQ(month.first_month(), 3u);

  const Period quarter = Q(2026, 3);
  EXPECT_EQ(quarter.kind(), PeriodKind::kQuarter);
  EXPECT_EQ(quarter.number(), 3u);
  EXPECT_EQ(quarter.first_month(), 7u);

  const Period year = Y(2026);
  EXPECT_EQ(year.kind(), PeriodKind::kYear);
  EXPECT_EQ(year.number(), 1u);
  EXPECT_EQ(year.first_month(), 1u);
}

TEST(PeriodTest, FactoryErrors) {
  ExpectError(Period::Month(2026, 0), "period.month");
  ExpectError(Period::Month(2026, 13, "report.period"), "period.month", "report.period");
  ExpectError(Period::Month(1799, 12), "period.out_of_range");
  ExpectError(Period::Month(10000, 1), "period.out_of_range");
  ExpectError(Period::Quarter(2026, 0), "period.quarter");
  ExpectError(Period::Quarter(2026, 5), "period.quarter");
  ExpectError(Period::Quarter(1799, 4, "q"), "period.out_of_range", "q");
  ExpectError(Period::Year(1799), "period.out_of_range");
  ExpectError(Period::Year(10000), "period.out_of_range");
  EXPECT_TRUE(Period::Year(1800).ok());
  EXPECT_TRUE(Period::Month(9999, 12).ok());
  EXPECT_EQ(Period::Month(2026, 13).error().details, "13");
  EXPECT_EQ(Period::Year(10000).error().details, "10000");
}

TEST(PeriodTest, FirstAndLast) {
  EXPECT_EQ(M(2026, 2).First(), D(2026, 2, 1));
  EXPECT_EQ(M(2026, 2).Last(), D(2026, 2, 28));
  EXPECT_EQ(M(2024, 2).Last(), D(2024, 2, 29));
  EXPECT_EQ(M(2026, 4).Last(), D(2026, 4, 30));
  EXPECT_EQ(Q(2026, 1).First(), D(2026, 1, 1));
  EXPECT_EQ(Q(2026, 1).Last(), D(2026, 3, 31));
  EXPECT_EQ(Q(2026, 2).First(), D(2026, 4, 1));
  EXPECT_EQ(Q(2026, 2).Last(), D(2026, 6, 30));
  EXPECT_EQ(Q(2026, 3).Last(), D(2026, 9, 30));
  EXPECT_EQ(Q(2026, 4).First(), D(2026, 10, 1));
  EXPECT_EQ(Q(2026, 4).Last(), D(2026, 12, 31));
  EXPECT_EQ(Y(2026).First(), D(2026, 1, 1));
  EXPECT_EQ(Y(2026).Last(), D(2026, 12, 31));
  EXPECT_EQ(Y(9999).Last(), D(9999, 12, 31));
}

TEST(PeriodTest, ContainsDates) {
  const Period march = M(2026, 3);
  EXPECT_TRUE(march.Contains(D(2026, 3, 1)));
  EXPECT_TRUE(march.Contains(D(2026, 3, 31)));
  EXPECT_FALSE(march.Contains(D(2026, 2, 28)));
  EXPECT_FALSE(march.Contains(D(2026, 4, 1)));
  EXPECT_FALSE(march.Contains(D(2025, 3, 15)));
  EXPECT_TRUE(Q(2026, 2).Contains(D(2026, 6, 30)));
  EXPECT_FALSE(Q(2026, 2).Contains(D(2026, 7, 1)));
  EXPECT_TRUE(Y(2026).Contains(D(2026, 12, 31)));
  EXPECT_FALSE(Y(2026).Contains(D(2027, 1, 1)));
}

TEST(PeriodTest, ContainsPeriods) {
  EXPECT_TRUE(Q(2026, 1).Contains(M(2026, 3)));
  EXPECT_FALSE(Q(2026, 1).Contains(M(2026, 4)));
  EXPECT_TRUE(Y(2026).Contains(Q(2026, 4)));
  EXPECT_FALSE(Y(2026).Contains(Q(2027, 1)));
  EXPECT_TRUE(M(2026, 3).Contains(M(2026, 3)));
  EXPECT_FALSE(M(2026, 3).Contains(Q(2026, 1)));
}

TEST(PeriodTest, NextAndPrev) {
  EXPECT_EQ(M(2026, 3).Next(), M(2026, 4));
  EXPECT_EQ(M(2026, 12).Next(), M(2027, 1));
  EXPECT_EQ(M(2026, 1).Prev(), M(2025, 12));
  EXPECT_EQ(Q(2026, 4).Next(), Q(2027, 1));
  EXPECT_EQ(Q(2026, 1).Prev(), Q(2025, 4));
  EXPECT_EQ(Q(2026, 2).Next(), Q(2026, 3));
  EXPECT_EQ(Y(2026).Next(), Y(2027));
  EXPECT_EQ(Y(2026).Prev(), Y(2025));
  EXPECT_EQ(M(2026, 7).Next().Prev(), M(2026, 7));
}

TEST(PeriodTest, NextAndPrevOutsideTheRangeThrow) {
  try {
    (void)M(9999, 12).Next();
    FAIL() << "expected ErrorException";
  } catch (const ErrorException& e) {
    EXPECT_EQ(e.error().code, "period.out_of_range");
  }
  EXPECT_THROW((void)M(1800, 1).Prev(), ErrorException);
  EXPECT_THROW((void)Q(9999, 4).Next(), ErrorException);
  EXPECT_THROW((void)Q(1800, 1).Prev(), ErrorException);
  EXPECT_THROW((void)Y(9999).Next(), ErrorException);
  EXPECT_THROW((void)Y(1800).Prev(), ErrorException);
  EXPECT_EQ(M(9999, 11).Next(), M(9999, 12));
  EXPECT_EQ(M(1800, 2).Prev(), M(1800, 1));
}

TEST(PeriodTest, Months) {
  EXPECT_EQ(M(2026, 5).Months(), std::vector<Period>{M(2026, 5)});
  EXPECT_EQ(Q(2026, 2).Months(), (std::vector<Period>{M(2026, 4), M(2026, 5), M(2026, 6)}));
  const std::vector<Period> months = Y(2026).Months();
  ASSERT_EQ(months.size(), 12u);
  for (unsigned i = 0; i < 12; ++i) EXPECT_EQ(months[i], M(2026, i + 1));
}

TEST(PeriodTest, OfDate) {
  EXPECT_EQ(Period::MonthOf(D(2026, 3, 15)), M(2026, 3));
  EXPECT_EQ(Period::QuarterOf(D(2026, 1, 1)), Q(2026, 1));
  EXPECT_EQ(Period::QuarterOf(D(2026, 3, 31)), Q(2026, 1));
  EXPECT_EQ(Period::QuarterOf(D(2026, 4, 1)), Q(2026, 2));
  EXPECT_EQ(Period::QuarterOf(D(2026, 9, 30)), Q(2026, 3));
  EXPECT_EQ(Period::QuarterOf(D(2026, 12, 31)), Q(2026, 4));
  EXPECT_EQ(Period::YearOf(D(2026, 7, 7)), Y(2026));
}

TEST(PeriodTest, ToStringAndParseRoundTrip) {
  EXPECT_EQ(M(2026, 3).ToString(), "2026-03");
  EXPECT_EQ(M(2026, 12).ToString(), "2026-12");
  EXPECT_EQ(Q(2026, 1).ToString(), "2026-Q1");
  EXPECT_EQ(Y(2026).ToString(), "2026");
  EXPECT_EQ(M(1800, 1).ToString(), "1800-01");
  for (const Period& period : {M(2026, 3), M(1800, 1), M(9999, 12), Q(2026, 4), Y(2026)}) {
    EXPECT_EQ(Period::Parse(period.ToString()).value(), period);
  }
}

TEST(PeriodTest, ParseAcceptsLowerCaseQuarterAndSpaces) {
  EXPECT_EQ(Period::Parse("2026-q2").value(), Q(2026, 2));
  EXPECT_EQ(Period::Parse(" 2026-03 ").value(), M(2026, 3));
  EXPECT_EQ(Period::Parse("\t2026").value(), Y(2026));
}

TEST(PeriodTest, ParseRejectsMalformedText) {
  for (const char* text :
       {"", " ", "26", "202", "20266", "2026-", "2026-3", "2026-003", "2026-Q", "2026-Q12",
        "2026-Qa", "2026/03", "abcd", "2026-M3", "2026 03", "-2026", "2026-03-01", "Q1-2026"}) {
    SCOPED_TRACE(text);
    const Result<Period> result = Period::Parse(text, "filter.period");
    ExpectError(result, "period.format", "filter.period");
    EXPECT_EQ(result.error().details, text);
  }
}

TEST(PeriodTest, ParseReportsOutOfRangeParts) {
  ExpectError(Period::Parse("2026-13"), "period.month");
  ExpectError(Period::Parse("2026-00"), "period.month");
  ExpectError(Period::Parse("2026-Q0"), "period.quarter");
  ExpectError(Period::Parse("2026-Q5"), "period.quarter");
  ExpectError(Period::Parse("1799"), "period.out_of_range");
  ExpectError(Period::Parse("0000-01"), "period.out_of_range");
}

TEST(PeriodTest, Names) {
  EXPECT_EQ(M(2026, 3).Name(Lang::kRu), "Март 2026");
  EXPECT_EQ(M(2026, 3).Name(Lang::kKk), "Наурыз 2026");
  EXPECT_EQ(M(2026, 3).Name(Lang::kEn), "March 2026");
  EXPECT_EQ(Q(2026, 1).Name(Lang::kRu), "1 квартал 2026");
  EXPECT_EQ(Q(2026, 1).Name(Lang::kKk), "2026 жылғы 1-тоқсан");
  EXPECT_EQ(Q(2026, 1).Name(Lang::kEn), "Q1 2026");
  EXPECT_EQ(Q(2026, 4).Name(Lang::kRu), "4 квартал 2026");
  EXPECT_EQ(Y(2026).Name(Lang::kRu), "2026 год");
  EXPECT_EQ(Y(2026).Name(Lang::kKk), "2026 жыл");
  EXPECT_EQ(Y(2026).Name(Lang::kEn), "2026");
}

TEST(PeriodTest, MonthNamesInEveryLanguage) {
  const char* kk[] = {"Қаңтар", "Ақпан", "Наурыз",   "Сәуір", "Мамыр",  "Маусым",
                      "Шілде",  "Тамыз", "Қыркүйек", "Қазан", "Қараша", "Желтоқсан"};
  const char* ru[] = {"Январь", "Февраль", "Март",     "Апрель",  "Май",    "Июнь",
                      "Июль",   "Август",  "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};
  for (unsigned month = 1; month <= 12; ++month) {
    EXPECT_EQ(M(2026, month).Name(Lang::kKk), std::string(kk[month - 1]) + " 2026");
    EXPECT_EQ(M(2026, month).Name(Lang::kRu), std::string(ru[month - 1]) + " 2026");
  }
}

TEST(PeriodTest, OrderingWithinAKindIsChronological) {
  EXPECT_LT(M(2026, 3), M(2026, 4));
  EXPECT_LT(M(2025, 12), M(2026, 1));
  EXPECT_GT(M(2026, 10), M(2026, 9));
  EXPECT_LT(Q(2026, 4), Q(2027, 1));
  EXPECT_LT(Y(2025), Y(2026));
  EXPECT_EQ(M(2026, 3) <=> M(2026, 3), std::strong_ordering::equal);
}

TEST(PeriodTest, MixedKindsHaveADocumentedTotalOrder) {
  EXPECT_LT(M(2026, 1), Q(2026, 1));
  EXPECT_LT(Q(2026, 1), Y(2026));
  EXPECT_LT(Y(2026), M(2026, 2));
  EXPECT_NE(M(2026, 1), Q(2026, 1));
  EXPECT_NE(M(2026, 1), Y(2026));
  std::map<Period, int> by_period{{Y(2026), 3}, {M(2026, 1), 1}, {Q(2026, 1), 2}};
  ASSERT_EQ(by_period.size(), 3u);
  EXPECT_EQ(by_period.begin()->second, 1);
  EXPECT_EQ(by_period.rbegin()->second, 3);
}

TEST(PeriodTest, Streams) {
  std::ostringstream out;
  out << Q(2026, 3);
  EXPECT_EQ(out.str(), "2026-Q3");
}

}  // namespace
}  // namespace esep::core
