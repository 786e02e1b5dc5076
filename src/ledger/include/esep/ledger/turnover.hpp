#pragma once
/// @file
/// The turnover statement (оборотно-сальдовая ведомость): for each account — or each account
/// and combination of analytics — the balance at the start of the period, the debit and
/// credit turnovers within it and the balance at its end, for one institution or summed over
/// several. Read from the monthly totals, so it costs what the number of accounts and
/// analytics costs, not the number of postings.

#include <cstdint>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <vector>

#include "esep/core/period.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/ledger/dimensions.hpp"

namespace esep::ledger {

struct TurnoverQuery {
  std::vector<core::OrgId> orgs;  ///< summed over all of them
  core::Period from, to;          ///< months, from <= to
  bool by_analytics = false;      ///< one row per account and analytics, else per account
  std::string account_prefix = {};  ///< "7" for the expense accounts; empty = all
  /// Only postings with these analytics (empty = any): the statement's filters by program,
  /// subprogram, specific and financing source. A program filter "04.2.464.003" also takes
  /// its subprograms.
  std::string program = {}, specific = {}, source = {};
};

struct TurnoverRow {
  std::string account;
  Analytics analytics;  ///< filled when by_analytics
  /// A balance stands on one side: debit when positive, credit otherwise.
  std::int64_t opening_debit = 0, opening_credit = 0;
  std::int64_t debit = 0, credit = 0;
  std::int64_t closing_debit = 0, closing_credit = 0;
};

/// Rows ordered by account (then analytics); rows that are zero in every column are left out.
std::vector<TurnoverRow> TurnoverStatement(pqxx::dbtransaction& tx, const TurnoverQuery& query);

}  // namespace esep::ledger
