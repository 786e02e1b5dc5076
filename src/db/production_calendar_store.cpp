#include "esep/db/production_calendar_store.hpp"

#include <pqxx/pqxx>
#include <set>
#include <string>

namespace esep::db {

core::Status StoreProductionCalendar(pqxx::dbtransaction& tx,
                                     const core::ProductionCalendar& calendar,
                                     const std::string& source) {
  std::set<int> years;
  for (const auto& day : calendar.days()) years.insert(day.date.year());
  for (int year : years) {
    auto whole_year = core::Period::Year(year);
    if (!whole_year || !calendar.Covers(*whole_year)) {
      core::Error error = core::MakeError(
          "calendar.incomplete_year",
          std::to_string(year) + " жылдың күнтізбесі толық емес: жылдың әр күні болуы керек.",
          "Календарь " + std::to_string(year) + " года неполный: нужен каждый день года.",
          "The " + std::to_string(year) +
              " calendar is incomplete: every day of the year is needed.",
          source);
      return error;
    }
    tx.exec_params(
        "DELETE FROM production_calendar_days WHERE day >= make_date($1, 1, 1) "
        "AND day < make_date($1 + 1, 1, 1)",
        year);
  }
  pqxx::stream_to stream(tx, "production_calendar_days",
                         std::vector<std::string>{"day", "day_type", "work_minutes", "source"});
  for (const auto& day : calendar.days()) {
    stream << std::make_tuple(day.date.ToIso(), std::string(core::DayTypeCode(day.type)),
                              day.working_minutes, source);
  }
  stream.complete();
  return core::Status::Ok();
}

core::Result<core::ProductionCalendar> LoadProductionCalendar(pqxx::dbtransaction& tx) {
  std::vector<core::CalendarDay> days;
  for (const auto& row : tx.exec("SELECT day::text, day_type, work_minutes FROM "
                                 "production_calendar_days ORDER BY day")) {
    auto date = core::Date::Parse(row[0].c_str(), "production_calendar_days.day");
    auto type = core::ParseDayType(row[1].c_str());
    if (!date || !type) {
      return core::MakeError("calendar.corrupt",
                             "Күнтізбе кестесінде қате жол бар: " + row[0].as<std::string>(),
                             "В таблице календаря неверная строка: " + row[0].as<std::string>(),
                             "A bad row in the calendar table: " + row[0].as<std::string>(),
                             "production_calendar_days");
    }
    days.push_back({*date, *type, row[2].as<std::int32_t>()});
  }
  return core::ProductionCalendar::FromDays(std::move(days), "production_calendar_days");
}

}  // namespace esep::db
