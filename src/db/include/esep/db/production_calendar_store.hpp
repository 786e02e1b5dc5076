#pragma once
/// @file
/// The production calendar in the database (table production_calendar_days): loading a
/// reference file replaces its years whole; reading gives back a core::ProductionCalendar.

#include <pqxx/connection>
#include <pqxx/transaction>
#include <string>

#include "esep/core/production_calendar.hpp"
#include "esep/core/result.hpp"

namespace esep::db {

/// Replaces every year present in `calendar` by its days, inside `tx`. A year must be
/// complete (every day of it present) — a partial year would give wrong monthly norms.
core::Status StoreProductionCalendar(pqxx::dbtransaction& tx,
                                     const core::ProductionCalendar& calendar,
                                     const std::string& source);

/// Every day stored, as one calendar.
core::Result<core::ProductionCalendar> LoadProductionCalendar(pqxx::dbtransaction& tx);

}  // namespace esep::db
