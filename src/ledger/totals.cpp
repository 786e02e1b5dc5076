#include "esep/ledger/totals.hpp"

#include <pqxx/pqxx>

namespace esep::ledger {

std::vector<TotalsDifference> CompareTotals(pqxx::dbtransaction& tx,
                                            std::optional<core::OrgId> org,
                                            std::optional<core::Period> month, int limit) {
  const std::optional<std::string> org_text =
      org ? std::optional<std::string>(std::to_string(org->value())) : std::nullopt;
  const std::optional<std::string> month_text =
      month ? std::optional<std::string>(month->First().ToIso()) : std::nullopt;
  // NULL parameters mean "every institution" / "every month".
  const pqxx::result rows = tx.exec_params(
      "WITH computed AS ("
      "  SELECT org_id, date_trunc('month', entry_date)::date AS period, account, analytics, "
      "         sum(debit) AS debit, sum(credit) AS credit FROM ("
      "    SELECT org_id, entry_date, debit_account AS account, debit_analytics AS analytics, "
      "           amount AS debit, 0::bigint AS credit FROM ledger_entries WHERE posted"
      "    UNION ALL"
      "    SELECT org_id, entry_date, credit_account, credit_analytics, 0, amount "
      "    FROM ledger_entries WHERE posted) s "
      "  WHERE ($1::bigint IS NULL OR org_id = $1::bigint) AND ($2::date IS NULL OR "
      "        (entry_date >= $2::date AND entry_date < ($2::date + interval '1 month'))) "
      "  GROUP BY 1, 2, 3, 4), "
      "stored AS ("
      "  SELECT org_id, period, account, analytics, debit, credit FROM ledger_totals "
      "  WHERE ($1::bigint IS NULL OR org_id = $1::bigint) AND ($2::date IS NULL OR period = $2::date) "
      "    AND (debit <> 0 OR credit <> 0)) "
      "SELECT coalesce(s.org_id, c.org_id), to_char(coalesce(s.period, c.period), 'YYYY-MM'), "
      "       coalesce(s.account, c.account), coalesce(s.analytics, c.analytics), "
      "       coalesce(s.debit, 0), coalesce(s.credit, 0), coalesce(c.debit, 0), coalesce(c.credit, 0) "
      "FROM stored s FULL JOIN computed c USING (org_id, period, account, analytics) "
      "WHERE coalesce(s.debit, 0) <> coalesce(c.debit, 0) OR coalesce(s.credit, 0) <> coalesce(c.credit, 0) "
      "ORDER BY 1, 2, 3, 4 LIMIT $3",
      org_text ? org_text->c_str() : nullptr, month_text ? month_text->c_str() : nullptr, limit);
  std::vector<TotalsDifference> differences;
  for (const pqxx::row& row : rows) {
    TotalsDifference d;
    d.org = core::OrgId(row[0].as<std::int64_t>());
    d.period = row[1].as<std::string>();
    d.account = row[2].as<std::string>();
    d.analytics = row[3].as<std::int64_t>();
    d.stored_debit = row[4].as<std::int64_t>();
    d.stored_credit = row[5].as<std::int64_t>();
    d.computed_debit = row[6].as<std::int64_t>();
    d.computed_credit = row[7].as<std::int64_t>();
    differences.push_back(std::move(d));
  }
  return differences;
}

}  // namespace esep::ledger
