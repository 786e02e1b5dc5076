#pragma once
/// @file
/// Month closing. A closed month takes no postings and no reversals; closing first runs the
/// checks (postings without a memorial order, totals that differ from the postings, balances
/// on the wrong side of accounts that cannot have them) and refuses with the list of what is
/// wrong. A chief accountant reopens a month with a reason; both are audited.
///
/// Posting and closing the same month are serialised by a transaction-level advisory lock
/// on (institution, month): posters share it, the closer takes it alone, so a posting can
/// never slip into a month while it is being closed.

#include <optional>
#include <pqxx/transaction>
#include <string>
#include <vector>

#include "esep/core/period.hpp"
#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/platform/actor.hpp"

namespace esep::ledger {

/// Takes the month's shared lock and checks that the month is open. Error:
/// "ledger.period_closed" with `field`.
core::Status EnsurePeriodOpen(pqxx::dbtransaction& tx, core::OrgId org, const core::Period& month,
                              const std::string& field = "date");

/// One thing the closing checks found.
struct CloseProblem {
  std::string code;  ///< ledger.close.no_memorial_order, ledger.close.totals_differ, ledger.close.wrong_side
  core::LocalizedText message;
  std::string account;         ///< the account concerned, when there is one
  std::int64_t document_id = 0;  ///< the document concerned, when there is one
};

struct PeriodStatus {
  explicit PeriodStatus(core::Period of) : month(std::move(of)) {}
  core::Period month;
  bool closed = false;
  std::optional<core::UserId> closed_by, reopened_by;
  std::string closed_at, reopened_at, reopen_reason;
};

/// Runs the checks without closing (the client shows them before the user decides).
std::vector<CloseProblem> CheckMonth(pqxx::dbtransaction& tx, core::OrgId org,
                                     const core::Period& month);

/// Closes a month. Errors: "ledger.period_not_month" (period), "ledger.period_already_closed"
/// (period), "ledger.close_checks_failed" (period; `details` is a JSON array of the
/// problems, at most 100). Audited "ledger.period.close".
core::Result<PeriodStatus> ClosePeriod(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                       core::OrgId org, const core::Period& month);

/// Reopens a closed month. Errors: "ledger.period_not_month", "ledger.period_not_closed"
/// (period), "ledger.reason_required" (reason). Audited "ledger.period.reopen" with the
/// reason.
core::Result<PeriodStatus> ReopenPeriod(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                        core::OrgId org, const core::Period& month,
                                        const std::string& reason);

PeriodStatus GetPeriodStatus(pqxx::dbtransaction& tx, core::OrgId org, const core::Period& month);

}  // namespace esep::ledger
