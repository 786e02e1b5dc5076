#include "esep/reports/local_time.hpp"

#include <ctime>

#include <fmt/format.h>

namespace esep::reports {

std::int64_t LocalDayStart(core::Date date) {
  std::tm local{};
  local.tm_year = date.year() - 1900;
  local.tm_mon = static_cast<int>(date.month()) - 1;
  local.tm_mday = static_cast<int>(date.day());
  local.tm_isdst = -1;  // let the zone's rules say whether summer time applies
  return static_cast<std::int64_t>(std::mktime(&local));
}

LocalDateTime ToLocal(std::int64_t epoch_micros) {
  // Floor division: a moment before 1970 still falls in the right second.
  std::int64_t seconds = epoch_micros / 1000000;
  if (epoch_micros % 1000000 < 0) --seconds;
  const auto time = static_cast<std::time_t>(seconds);
  std::tm local{};
  localtime_r(&time, &local);
  auto date = core::Date::FromYmd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                                  static_cast<unsigned>(local.tm_mday));
  return LocalDateTime{date.value(),
                       fmt::format("{:02}:{:02}:{:02}", local.tm_hour, local.tm_min, local.tm_sec)};
}

}  // namespace esep::reports
