#pragma once
/// @file
/// The monthly totals (ledger_totals) recomputed from the postings and compared: what
/// `esep-admin check` and the month closing run. Totals are kept by the posting
/// transaction itself, so any difference means a defect or a change behind Esep's back.

#include <cstdint>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <vector>

#include "esep/core/period.hpp"
#include "esep/core/strong_id.hpp"

namespace esep::ledger {

struct TotalsDifference {
  core::OrgId org;
  std::string period;  ///< "2026-03"
  std::string account;
  std::int64_t analytics = 0;
  std::int64_t stored_debit = 0, stored_credit = 0;
  std::int64_t computed_debit = 0, computed_credit = 0;
};

/// Differences between stored and recomputed totals, for one institution and/or one month
/// when given (else all), at most `limit`.
std::vector<TotalsDifference> CompareTotals(pqxx::dbtransaction& tx,
                                            std::optional<core::OrgId> org,
                                            std::optional<core::Period> month, int limit = 100);

}  // namespace esep::ledger
