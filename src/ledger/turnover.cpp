#include "esep/ledger/turnover.hpp"

#include <pqxx/pqxx>

#include "sql_array.hpp"

namespace esep::ledger {
namespace {

void Split(std::int64_t balance, std::int64_t& debit, std::int64_t& credit) {
  debit = balance > 0 ? balance : 0;
  credit = balance < 0 ? -balance : 0;
}

}  // namespace

std::vector<TurnoverRow> TurnoverStatement(pqxx::dbtransaction& tx, const TurnoverQuery& query) {
  std::vector<std::int64_t> orgs;
  for (core::OrgId org : query.orgs) orgs.push_back(org.value());
  const bool filtered = !query.program.empty() || !query.specific.empty() || !query.source.empty();
  const bool join = query.by_analytics || filtered;
  const std::string analytics_columns =
      query.by_analytics ? ", a.program, a.specific, a.income, a.source, a.paid_service, a.ksn, "
                           "a.counterparty"
                         : "";
  // Without the join there are no analytics filters; the parameters stay bound either way.
  const std::string filters =
      join ? "AND ($5 = '' OR a.program = $5 OR a.program LIKE $5 || '.%') "
             "AND ($6 = '' OR a.specific = $6) AND ($7 = '' OR a.source = $7) "
           : "AND $5 = '' AND $6 = '' AND $7 = '' ";
  // Totals before `from` make the opening balance, those within [from, to] the turnovers.
  const std::string sql =
      "SELECT t.account" + analytics_columns +
      ", sum(CASE WHEN t.period < $2::date THEN t.debit - t.credit ELSE 0 END)::bigint, "
      "sum(CASE WHEN t.period >= $2::date THEN t.debit ELSE 0 END)::bigint, "
      "sum(CASE WHEN t.period >= $2::date THEN t.credit ELSE 0 END)::bigint "
      "FROM ledger_totals t " +
      (join ? std::string("JOIN ledger_analytics a ON a.id = t.analytics ") : std::string()) +
      "WHERE t.org_id = ANY ($1::bigint[]) AND t.period <= $3::date "
      "AND ($4 = '' OR t.account LIKE $4 || '%') " + filters +
      "GROUP BY t.account" + analytics_columns + " ORDER BY t.account" + analytics_columns;
  std::vector<TurnoverRow> rows;
  for (const pqxx::row& row :
       tx.exec_params(sql, detail::BigintArray(orgs), query.from.First().ToIso(),
                      query.to.Last().ToIso(), query.account_prefix, query.program,
                      query.specific, query.source)) {
    TurnoverRow out;
    int column = 0;
    out.account = row[column++].as<std::string>();
    if (query.by_analytics) {
      out.analytics.program = row[column++].as<std::string>();
      out.analytics.specific = row[column++].as<std::string>();
      out.analytics.income = row[column++].as<std::string>();
      out.analytics.source = row[column++].as<std::string>();
      out.analytics.paid_service = row[column++].as<std::string>();
      out.analytics.ksn = row[column++].as<std::string>();
      out.analytics.counterparty = row[column++].as<std::int64_t>();
    }
    const std::int64_t opening = row[column++].as<std::int64_t>();
    out.debit = row[column++].as<std::int64_t>();
    out.credit = row[column++].as<std::int64_t>();
    if (opening == 0 && out.debit == 0 && out.credit == 0) continue;
    Split(opening, out.opening_debit, out.opening_credit);
    Split(opening + out.debit - out.credit, out.closing_debit, out.closing_credit);
    rows.push_back(std::move(out));
  }
  return rows;
}

}  // namespace esep::ledger
