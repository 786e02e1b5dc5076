// The production calendar in PostgreSQL: a stored year reads back identical, a reload
// replaces its year whole, an incomplete year is refused and changes nothing.
#include "esep/db/production_calendar_store.hpp"

#include <fstream>
#include <pqxx/pqxx>
#include <sstream>
#include <string>

#include "esep/db/migrator.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

std::string ShippedCalendar2026() {
  std::ifstream in(db::DefaultSqlDir() / "reference" / "production_calendar_2026.csv");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class CalendarStoreTest : public PgTest {
 protected:
  core::ProductionCalendar Calendar(const std::string& csv) {
    auto calendar = core::ProductionCalendar::FromCsv(csv, "test.csv");
    EXPECT_TRUE(calendar.ok()) << (calendar.ok() ? "" : calendar.error().message.en);
    return calendar.ok() ? *calendar : core::ProductionCalendar();
  }
  int Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<int>();
  }
};

TEST_F(CalendarStoreTest, AStoredYearReadsBackWithTheSameNorms) {
  const auto shipped = Calendar(ShippedCalendar2026());
  {
    pqxx::work tx(db());
    ASSERT_TRUE(db::StoreProductionCalendar(tx, shipped, "production_calendar_2026.csv"));
    tx.commit();
  }
  pqxx::work tx(db());
  auto loaded = db::LoadProductionCalendar(tx);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message.en;
  ASSERT_EQ(loaded->size(), 365u);
  EXPECT_TRUE(std::equal(loaded->days().begin(), loaded->days().end(), shipped.days().begin()));
  EXPECT_EQ(*loaded->WorkingDays(*core::Period::Year(2026)), 246);
  EXPECT_EQ(*loaded->WorkingMinutes(*core::Period::Month(2026, 1)), 152 * 60);
}

TEST_F(CalendarStoreTest, ReloadingAYearReplacesItWhole) {
  std::string csv = ShippedCalendar2026();
  {
    pqxx::work tx(db());
    ASSERT_TRUE(db::StoreProductionCalendar(tx, Calendar(csv), "first.csv"));
    tx.commit();
  }
  // The ministry moves a day off: 2026-03-23 becomes a working day, 36-hour-week hours.
  const std::string from = "2026-03-23,";
  const auto line = csv.find(from);
  ASSERT_NE(line, std::string::npos);
  csv.replace(line, csv.find('\n', line) - line, "2026-03-23,work,7.2");
  {
    pqxx::work tx(db());
    ASSERT_TRUE(db::StoreProductionCalendar(tx, Calendar(csv), "second.csv"));
    tx.commit();
  }
  EXPECT_EQ(Count("SELECT count(*) FROM production_calendar_days"), 365);
  EXPECT_EQ(Count("SELECT count(*) FROM production_calendar_days WHERE source = 'first.csv'"), 0);
  EXPECT_EQ(Count("SELECT work_minutes FROM production_calendar_days WHERE day = '2026-03-23'"),
            432);
}

TEST_F(CalendarStoreTest, AnIncompleteYearIsRefusedAndNothingIsWritten) {
  auto partial = Calendar("date,day_type,hours\n2027-01-01,holiday,0\n2027-01-04,work,8\n");
  pqxx::work tx(db());
  auto stored = db::StoreProductionCalendar(tx, partial, "partial.csv");
  ASSERT_FALSE(stored);
  EXPECT_EQ(stored.error().code, "calendar.incomplete_year");
  EXPECT_EQ(stored.error().field, "partial.csv");
  EXPECT_NE(stored.error().message.kk.find("2027"), std::string::npos);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM production_calendar_days")[0].as<int>(), 0);
}

TEST_F(CalendarStoreTest, TheDatabaseRefusesHoursOnADayOff) {
  pqxx::work tx(db());
  EXPECT_THROW(
      tx.exec("INSERT INTO production_calendar_days VALUES ('2026-01-03', 'weekend', 60, 'x')"),
      pqxx::check_violation);
}

}  // namespace
}  // namespace esep::testing
