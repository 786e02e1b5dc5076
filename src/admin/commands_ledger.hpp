#pragma once
/// @file
/// esep-admin's ledger commands: loading the chart of accounts, the budget classification
/// and the memorial orders from files, and the check of the monthly totals.

#include <pqxx/connection>
#include <string>

#include "cli.hpp"
#include "esep/platform/integrity.hpp"

namespace esep::admin {

/// `ledger-load KIND FILE [--from YYYY-MM-DD]`: the file becomes the edition of KIND in force
/// from the date (default 2026-01-01); nothing is written when any row is wrong.
int RunLedgerLoad(const CommandLine& line);

/// For `init`: loads every file of sql/reference/ledger/ from 2026-01-01 (a file already
/// loaded changes nothing).
int LoadShippedLedgerReference(const std::string& dsn, core::Lang lang);

/// For `check`: the ledger's monthly totals recomputed from the postings; any difference
/// fails the check and is listed in its details.
platform::CheckResult LedgerTotalsCheck(pqxx::connection& connection);

}  // namespace esep::admin
