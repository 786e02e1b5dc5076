#pragma once
/// @file
/// The server's local civil time (Kazakhstan's zone on a production server) for timestamps
/// the database keeps in UTC: report periods are local days, printed times are local times.

#include <cstdint>
#include <string>

#include "esep/core/date.hpp"

namespace esep::reports {

/// Seconds since the Unix epoch at the local midnight that starts `date`.
std::int64_t LocalDayStart(core::Date date);

struct LocalDateTime {
  core::Date date;
  std::string time;  ///< "09:30:15"
};

/// A moment given as microseconds since the Unix epoch, on the local clock.
LocalDateTime ToLocal(std::int64_t epoch_micros);

}  // namespace esep::reports
