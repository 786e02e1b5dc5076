#pragma once
/// @file
/// Loading one reference file (reference_file.hpp) as the edition of its kind in force from a
/// date: every row is checked first and nothing is written while any is wrong; then the rows
/// the file changes or drops are closed the day before and the new ones start on that date,
/// so that a period is always computed with the edition in force in it.

#include <pqxx/transaction>
#include <string_view>
#include <vector>

#include "esep/core/date.hpp"
#include "esep/core/error.hpp"
#include "esep/ledger/reference_file.hpp"
#include "esep/platform/actor.hpp"

namespace esep::ledger {

/// The first edition's date when an administrator names none.
inline constexpr std::string_view kDefaultEditionDate = "2026-01-01";

struct ReferenceLoadCounts {
  int added = 0;      ///< rows inserted from the date (new codes and new editions of changed ones)
  int closed = 0;     ///< rows in force that the file changes or drops, now ending the day before
  int unchanged = 0;  ///< rows identical to the one in force, left alone
  int replaced = 0;   ///< rows of an edition from the same date, corrected or removed in place
};

struct ReferenceLoadResult {
  std::vector<core::Error> errors;  ///< every wrong row (file:line column); nothing written then
  ReferenceLoadCounts counts;
  bool ok() const { return errors.empty(); }
};

/// Makes `text` (the content of `file_name`) the edition of `kind` in force from `from`,
/// inside `tx`, with one audit row for `actor`. A file is a whole edition: rows in force that
/// it does not name are closed. Editions are loaded in date order: a date before the latest
/// edition of the kind is refused; the same date corrects that edition in place.
/// Memorial-order rules must name orders in force on `from` (load the orders first).
ReferenceLoadResult LoadReferenceEdition(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                         ReferenceKind kind, std::string_view text,
                                         std::string_view file_name, core::Date from);

}  // namespace esep::ledger
