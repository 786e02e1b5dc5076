#pragma once
/// @file
/// Integrity checks over a whole database (`esep-admin check`, and every restore): a
/// registry of named checks — the platform's own, plus one line per engine that adds one.

#include <functional>
#include <pqxx/connection>
#include <string>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/text.hpp"

namespace esep::platform {

struct CheckResult {
  std::string name;  ///< "audit_chain", "migrations", ...
  bool ok = false;
  core::LocalizedText summary;  ///< one line for the administrator
  std::string details;          ///< machine-readable facts (ids, file names); may be empty
};

/// One check. It reads what it needs through its own transactions and never writes. A
/// pqxx::sql_error it throws becomes a failed result; a lost connection ends the run.
using IntegrityCheckFn = std::function<CheckResult(pqxx::connection&)>;

/// Adds a check to the process's registry. Engines register theirs once at start-up, before
/// the first run, e.g. `RegisterIntegrityCheck("ledger_totals", ledger::CheckTotals);`.
/// A name registered twice is a programming error (std::logic_error).
void RegisterIntegrityCheck(std::string name, IntegrityCheckFn check);

/// The registered names in run order; the platform's "audit_chain" and "migrations" first.
std::vector<std::string> IntegrityCheckNames();

/// Runs every registered check, in order, each to its end even when an earlier one failed.
/// An error ("integrity.connection") only when the database cannot be reached.
core::Result<std::vector<CheckResult>> RunIntegrityChecks(pqxx::connection& connection);

/// The platform's checks, usable on their own. "audit_chain": every audit_log row's hash
/// recomputes (platform::VerifyAuditChain). "migrations": every migration of this build is
/// applied and none changed since (db::Migrator::Inspect on db::DefaultSqlDir()).
CheckResult CheckAuditChain(pqxx::connection& connection);
CheckResult CheckMigrations(pqxx::connection& connection);

}  // namespace esep::platform
