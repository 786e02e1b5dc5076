#include "esep/ledger/periods.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/ledger/totals.hpp"
#include "esep/platform/audit.hpp"
#include "sql_array.hpp"

namespace esep::ledger {
namespace {

constexpr int kMaxProblems = 100;

// One advisory lock per (institution, month): "LP" in the top 16 bits keeps it apart from
// the other bigint keys (audit, migrations); 28 bits of institution id, 20 of yyyymm.
long long PeriodLockKey(core::OrgId org, const core::Period& month) {
  const long long yyyymm = month.year() * 100LL + month.number();
  return (0x4C50LL << 48) | ((org.value() & 0xFFFFFFFLL) << 20) | yyyymm;
}

core::Status RequireMonth(const core::Period& period) {
  if (period.kind() == core::PeriodKind::kMonth) return {};
  return core::MakeError("ledger.period_not_month", "Тек айды жабуға немесе ашуға болады",
                         "Закрыть или открыть можно только месяц",
                         "Only a month can be closed or reopened", "period");
}

std::string MonthNames(const core::Period& month, core::Lang lang) { return month.Name(lang); }

PeriodStatus ReadStatus(pqxx::dbtransaction& tx, core::OrgId org, const core::Period& month) {
  PeriodStatus status(month);
  const pqxx::result rows = tx.exec_params(
      "SELECT closed, closed_by, to_char(closed_at AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), reopened_by, to_char(reopened_at AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), reopen_reason FROM ledger_periods "
      "WHERE org_id = $1 AND period = $2",
      org.value(), month.First().ToIso());
  if (rows.empty()) return status;
  const pqxx::row& row = rows[0];
  status.closed = row[0].as<bool>();
  if (!row[1].is_null()) status.closed_by = core::UserId(row[1].as<std::int64_t>());
  if (!row[2].is_null()) status.closed_at = row[2].as<std::string>();
  if (!row[3].is_null()) status.reopened_by = core::UserId(row[3].as<std::int64_t>());
  if (!row[4].is_null()) status.reopened_at = row[4].as<std::string>();
  status.reopen_reason = row[5].as<std::string>();
  return status;
}

void AddNoMemorialOrder(pqxx::dbtransaction& tx, core::OrgId org, const core::Period& month,
                        std::vector<CloseProblem>& problems) {
  for (const pqxx::row& row : tx.exec_params(
           "SELECT DISTINCT d.id, d.number, e.debit_account, e.credit_account "
           "FROM ledger_entries e JOIN ledger_documents d ON d.id = e.document_id "
           "WHERE e.org_id = $1 AND e.posted AND e.memorial_order IS NULL "
           "AND e.entry_date BETWEEN $2::date AND $3::date ORDER BY 1, 3, 4 LIMIT $4",
           org.value(), month.First().ToIso(), month.Last().ToIso(), kMaxProblems)) {
    const std::string number = row[1].as<std::string>();
    const std::string pair = row[2].as<std::string>() + "/" + row[3].as<std::string>();
    problems.push_back(
        {"ledger.close.no_memorial_order",
         {"№ " + number + " құжат: " + pair + " жазбасы ешбір мемориалдық ордерге кірмейді",
          "Документ № " + number + ": проводка " + pair + " не попала ни в один мемориальный ордер",
          "Document " + number + ": posting " + pair + " belongs to no memorial order"},
         row[2].as<std::string>(),
         row[0].as<std::int64_t>()});
  }
}

void AddTotalsDiffer(pqxx::dbtransaction& tx, core::OrgId org, const core::Period& month,
                     std::vector<CloseProblem>& problems) {
  for (const TotalsDifference& d : CompareTotals(tx, org, month, kMaxProblems)) {
    problems.push_back({"ledger.close.totals_differ",
                        {d.account + " шотының айналымдары жазбалармен сәйкес келмейді",
                         "Обороты счёта " + d.account + " не совпадают с проводками",
                         "The turnovers of account " + d.account + " differ from its postings"},
                        d.account,
                        0});
  }
}

// Balances at the end of the month, per account and analytics, on the side the account may
// not have (an asset in credit, a liability in debit).
void AddWrongSide(pqxx::dbtransaction& tx, core::OrgId org, const core::Period& month,
                  std::vector<CloseProblem>& problems) {
  for (const pqxx::row& row : tx.exec_params(
           "SELECT t.account, a.balance, sum(t.debit - t.credit) "
           "FROM ledger_totals t JOIN ledger_accounts a ON a.code = t.account "
           "  AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to >= $3::date) "
           "WHERE t.org_id = $1 AND t.period <= $2::date AND a.balance <> 'either' "
           "GROUP BY t.account, t.analytics, a.balance "
           "HAVING (a.balance = 'debit' AND sum(t.debit - t.credit) < 0) "
           "    OR (a.balance = 'credit' AND sum(t.debit - t.credit) > 0) "
           "ORDER BY 1 LIMIT $4",
           org.value(), month.First().ToIso(), month.Last().ToIso(), kMaxProblems)) {
    const std::string account = row[0].as<std::string>();
    const bool debit_account = row[1].as<std::string>() == "debit";
    problems.push_back(
        {"ledger.close.wrong_side",
         {account + " шотында " + (debit_account ? "кредиттік" : "дебеттік") +
              " қалдық қалды, бұл шотта ол болмайды",
          "На счёте " + account + " остался " + (debit_account ? "кредитовый" : "дебетовый") +
              " остаток, которого у этого счёта быть не может",
          "Account " + account + " ends the month with a " + (debit_account ? "credit" : "debit") +
              " balance it cannot have"},
         account,
         0});
  }
}

std::string ProblemsJson(const std::vector<CloseProblem>& problems) {
  boost::json::array array;
  for (const CloseProblem& problem : problems) {
    boost::json::object object;
    object["code"] = problem.code;
    object["message"] = {{"kk", problem.message.kk}, {"ru", problem.message.ru},
                         {"en", problem.message.en}};
    if (!problem.account.empty()) object["account"] = problem.account;
    if (problem.document_id != 0) object["document_id"] = problem.document_id;
    array.push_back(std::move(object));
  }
  return boost::json::serialize(array);
}

std::string StatusJson(const PeriodStatus& status) {
  boost::json::object object;
  object["period"] = status.month.ToString();
  object["closed"] = status.closed;
  if (!status.reopen_reason.empty()) object["reopen_reason"] = status.reopen_reason;
  return boost::json::serialize(object);
}

void Audit(pqxx::dbtransaction& tx, const platform::Actor& actor, const std::string& action,
           core::OrgId org, const PeriodStatus& before, const PeriodStatus& after) {
  platform::AuditEntry entry;
  entry.action = action;
  entry.org = org;
  entry.entity = "ledger_period";
  entry.entity_id = std::to_string(org.value()) + ":" + after.month.ToString();
  entry.before_json = StatusJson(before);
  entry.after_json = StatusJson(after);
  platform::AppendAudit(tx, actor, entry);
}

}  // namespace

core::Status EnsurePeriodOpen(pqxx::dbtransaction& tx, core::OrgId org, const core::Period& month,
                              const std::string& field) {
  // The lock in a statement of its own: under READ COMMITTED the next statement's snapshot
  // then sees a closing that committed while we waited.
  tx.exec_params("SELECT pg_advisory_xact_lock_shared($1)", PeriodLockKey(org, month));
  const pqxx::result rows =
      tx.exec_params("SELECT 1 FROM ledger_periods WHERE org_id = $1 AND period = $2 AND closed",
                     org.value(), month.First().ToIso());
  if (rows.empty()) return {};
  return core::MakeError(
      "ledger.period_closed", MonthNames(month, core::Lang::kKk) + " жабық: жазбаларға болмайды",
      MonthNames(month, core::Lang::kRu) + " закрыт: проводки в нём запрещены",
      MonthNames(month, core::Lang::kEn) + " is closed: no postings are allowed in it", field);
}

std::vector<CloseProblem> CheckMonth(pqxx::dbtransaction& tx, core::OrgId org,
                                     const core::Period& month) {
  std::vector<CloseProblem> problems;
  AddNoMemorialOrder(tx, org, month, problems);
  AddTotalsDiffer(tx, org, month, problems);
  AddWrongSide(tx, org, month, problems);
  if (problems.size() > kMaxProblems) problems.resize(kMaxProblems);
  return problems;
}

core::Result<PeriodStatus> ClosePeriod(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                       core::OrgId org, const core::Period& month) {
  if (auto status = RequireMonth(month); !status) return status.error();
  tx.exec_params("SELECT pg_advisory_xact_lock($1)", PeriodLockKey(org, month));
  const PeriodStatus before = ReadStatus(tx, org, month);
  if (before.closed) {
    return core::MakeError("ledger.period_already_closed",
                           MonthNames(month, core::Lang::kKk) + " бұрын жабылған",
                           MonthNames(month, core::Lang::kRu) + " уже закрыт",
                           MonthNames(month, core::Lang::kEn) + " is already closed", "period");
  }
  const std::vector<CloseProblem> problems = CheckMonth(tx, org, month);
  if (!problems.empty()) {
    core::Error error = core::MakeError(
        "ledger.close_checks_failed",
        MonthNames(month, core::Lang::kKk) + " жабылмады: тексерулер " +
            std::to_string(problems.size()) + " қате тапты",
        MonthNames(month, core::Lang::kRu) + " не закрыт: проверки нашли ошибок — " +
            std::to_string(problems.size()),
        MonthNames(month, core::Lang::kEn) + " was not closed: the checks found " +
            std::to_string(problems.size()) + " problem(s)",
        "period");
    error.details = ProblemsJson(problems);
    return error;
  }
  tx.exec_params0(
      "INSERT INTO ledger_periods (org_id, period, closed, closed_by, closed_at) "
      "VALUES ($1, $2, true, $3, now()) ON CONFLICT (org_id, period) DO UPDATE "
      "SET closed = true, closed_by = EXCLUDED.closed_by, closed_at = EXCLUDED.closed_at",
      org.value(), month.First().ToIso(), detail::Nullable(detail::IdText(actor.user.value())));
  PeriodStatus after = ReadStatus(tx, org, month);
  Audit(tx, actor, "ledger.period.close", org, before, after);
  return after;
}

core::Result<PeriodStatus> ReopenPeriod(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                        core::OrgId org, const core::Period& month,
                                        const std::string& reason) {
  if (auto status = RequireMonth(month); !status) return status.error();
  const std::string trimmed(core::TrimSpaces(reason));
  if (trimmed.empty() || trimmed.size() > 1000) {
    return core::MakeError("ledger.reason_required",
                           "Кезеңді ашу себебін көрсетіңіз (1000 таңбаға дейін)",
                           "Укажите причину открытия периода (до 1000 знаков)",
                           "Give the reason for reopening the period (up to 1000 characters)",
                           "reason");
  }
  tx.exec_params("SELECT pg_advisory_xact_lock($1)", PeriodLockKey(org, month));
  const PeriodStatus before = ReadStatus(tx, org, month);
  if (!before.closed) {
    return core::MakeError("ledger.period_not_closed",
                           MonthNames(month, core::Lang::kKk) + " жабылмаған",
                           MonthNames(month, core::Lang::kRu) + " не закрыт",
                           MonthNames(month, core::Lang::kEn) + " is not closed", "period");
  }
  tx.exec_params0(
      "UPDATE ledger_periods SET closed = false, reopened_by = $3, reopened_at = now(), "
      "reopen_reason = $4 WHERE org_id = $1 AND period = $2",
      org.value(), month.First().ToIso(), detail::Nullable(detail::IdText(actor.user.value())),
      trimmed);
  PeriodStatus after = ReadStatus(tx, org, month);
  Audit(tx, actor, "ledger.period.reopen", org, before, after);
  return after;
}

PeriodStatus GetPeriodStatus(pqxx::dbtransaction& tx, core::OrgId org, const core::Period& month) {
  return ReadStatus(tx, org, month);
}

}  // namespace esep::ledger
