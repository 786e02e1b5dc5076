#include "document_store.hpp"

#include <map>
#include <pqxx/pqxx>

#include "sql_array.hpp"

namespace esep::ledger::detail {
namespace {

constexpr const char* kIsoUtc = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";
constexpr const char* kAnalyticsColumns = "program, specific, income, source, paid_service, ksn, counterparty";

std::string AnalyticsKey(const Analytics& a) {
  constexpr char kSep = '\x1f';
  return a.program + kSep + a.specific + kSep + a.income + kSep + a.source + kSep +
         a.paid_service + kSep + a.ksn + kSep + std::to_string(a.counterparty);
}

Analytics ReadAnalytics(const pqxx::row& row, int first) {
  Analytics a;
  a.program = row[first].as<std::string>();
  a.specific = row[first + 1].as<std::string>();
  a.income = row[first + 2].as<std::string>();
  a.source = row[first + 3].as<std::string>();
  a.paid_service = row[first + 4].as<std::string>();
  a.ksn = row[first + 5].as<std::string>();
  a.counterparty = row[first + 6].as<std::int64_t>();
  return a;
}

// The ids of every distinct combination in `all`, creating the missing ones. Usually they
// all exist and one SELECT answers; a combination another transaction is inserting at the
// same moment is read again once that one has committed (ON CONFLICT waited for it).
std::map<std::string, std::int64_t> AnalyticsIds(pqxx::dbtransaction& tx,
                                                 const std::vector<const Analytics*>& all) {
  std::map<std::string, const Analytics*> wanted;
  for (const Analytics* a : all) wanted.emplace(AnalyticsKey(*a), a);
  std::map<std::string, std::int64_t> ids;
  const auto query = [&](const std::string& sql) {
    std::vector<std::string> columns[6];
    std::vector<std::int64_t> counterparties;
    for (const auto& [key, a] : wanted) {
      if (ids.contains(key)) continue;
      columns[0].push_back(a->program);
      columns[1].push_back(a->specific);
      columns[2].push_back(a->income);
      columns[3].push_back(a->source);
      columns[4].push_back(a->paid_service);
      columns[5].push_back(a->ksn);
      counterparties.push_back(a->counterparty);
    }
    if (counterparties.empty()) return;
    for (const pqxx::row& row :
         tx.exec_params(sql, TextArray(columns[0]), TextArray(columns[1]), TextArray(columns[2]),
                        TextArray(columns[3]), TextArray(columns[4]), TextArray(columns[5]),
                        BigintArray(counterparties))) {
      ids[AnalyticsKey(ReadAnalytics(row, 1))] = row[0].as<std::int64_t>();
    }
  };
  const std::string input = std::string(
                                "SELECT DISTINCT * FROM unnest($1::text[], $2::text[], $3::text[], "
                                "$4::text[], $5::text[], $6::text[], $7::bigint[]) AS t(") +
                            kAnalyticsColumns + ")";
  const std::string select = std::string("SELECT a.id, a.program, a.specific, a.income, a.source, "
                                         "a.paid_service, a.ksn, a.counterparty FROM (") +
                             input + ") i JOIN ledger_analytics a USING (" + kAnalyticsColumns + ")";
  query(select);
  if (ids.size() < wanted.size()) {
    query(std::string("INSERT INTO ledger_analytics (") + kAnalyticsColumns + ") " + input +
          " ON CONFLICT DO NOTHING RETURNING id, " + kAnalyticsColumns);
  }
  if (ids.size() < wanted.size()) query(select);
  if (ids.size() < wanted.size()) throw std::runtime_error("ledger: analytics ids not resolved");
  return ids;
}

}  // namespace

std::string NextDocumentNumber(pqxx::dbtransaction& tx, core::OrgId org, int year) {
  return tx
      .exec_params1("INSERT INTO ledger_document_numbers (org_id, year, last) VALUES ($1, $2, 1) "
                    "ON CONFLICT (org_id, year) DO UPDATE "
                    "SET last = ledger_document_numbers.last + 1 RETURNING last",
                    org.value(), year)[0]
      .as<std::string>();
}

std::pair<std::int64_t, std::string> InsertHeader(pqxx::dbtransaction& tx,
                                                  const platform::Actor& actor,
                                                  const DocumentInput& input,
                                                  const std::string& number, std::int64_t total,
                                                  std::optional<std::int64_t> reverses) {
  const pqxx::row row = tx.exec_params1(
      std::string("INSERT INTO ledger_documents "
                  "(org_id, kind, number, doc_date, content, total, reverses_id, created_by) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                  "RETURNING id, to_char(created_at AT TIME ZONE 'UTC', ") +
          kIsoUtc + ")",
      input.org.value(), std::string(DocumentKindCode(input.kind)), number, input.date.ToIso(),
      input.content, total, Nullable(IdText(reverses)), Nullable(IdText(actor.user.value())));
  return {row[0].as<std::int64_t>(), row[1].as<std::string>()};
}

void ReplaceLines(pqxx::dbtransaction& tx, core::OrgId org, std::int64_t id, core::Date date,
                  const std::vector<EntryInput>& lines) {
  std::vector<const Analytics*> all;
  for (const EntryInput& line : lines) {
    all.push_back(&line.debit);
    all.push_back(&line.credit);
  }
  const std::map<std::string, std::int64_t> ids = AnalyticsIds(tx, all);
  std::vector<std::string> debit_accounts, credit_accounts, contents;
  std::vector<std::int64_t> debit_ids, credit_ids, amounts;
  std::vector<const std::string*> quantities;
  for (const EntryInput& line : lines) {
    debit_accounts.push_back(line.debit_account);
    debit_ids.push_back(ids.at(AnalyticsKey(line.debit)));
    credit_accounts.push_back(line.credit_account);
    credit_ids.push_back(ids.at(AnalyticsKey(line.credit)));
    amounts.push_back(line.amount);
    quantities.push_back(line.quantity ? &*line.quantity : nullptr);
    contents.push_back(line.content);
  }
  tx.exec_params0("DELETE FROM ledger_entries WHERE document_id = $1", id);
  tx.exec_params0(
      "INSERT INTO ledger_entries (org_id, document_id, line_no, entry_date, debit_account, "
      "debit_analytics, credit_account, credit_analytics, amount, quantity, content) "
      "SELECT $1, $2, t.line_no, $3::date, t.da, t.dan, t.ca, t.can, t.amount, "
      "t.quantity::numeric, t.content "
      "FROM unnest($4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::bigint[], "
      "$9::text[], $10::text[]) WITH ORDINALITY "
      "AS t(da, dan, ca, can, amount, quantity, content, line_no)",
      org.value(), id, date.ToIso(), TextArray(debit_accounts), BigintArray(debit_ids),
      TextArray(credit_accounts), BigintArray(credit_ids), BigintArray(amounts),
      NullableTextArray(quantities), TextArray(contents));
}

std::optional<Document> ReadDocument(pqxx::dbtransaction& tx, std::int64_t id, bool lock) {
  const pqxx::result header = tx.exec_params(
      std::string("SELECT id, org_id, kind, number, doc_date::text, content, state, total, "
                  "reverses_id, reversed_by, version, created_by, "
                  "to_char(created_at AT TIME ZONE 'UTC', ") +
          kIsoUtc + "), posted_by, to_char(posted_at AT TIME ZONE 'UTC', " + kIsoUtc +
          ") FROM ledger_documents WHERE id = $1" + (lock ? " FOR UPDATE" : ""),
      id);
  if (header.empty()) return std::nullopt;
  const pqxx::row& h = header[0];
  Document document;
  document.id = h[0].as<std::int64_t>();
  document.org = core::OrgId(h[1].as<std::int64_t>());
  document.kind = ParseDocumentKind(h[2].as<std::string>()).value_or(DocumentKind::kOperation);
  document.number = h[3].as<std::string>();
  document.date = core::Date::Parse(h[4].as<std::string>()).value();
  document.content = h[5].as<std::string>();
  const std::string state = h[6].as<std::string>();
  for (DocumentState s : {DocumentState::kDraft, DocumentState::kPosted, DocumentState::kReversed,
                          DocumentState::kDeleted}) {
    if (DocumentStateCode(s) == state) document.state = s;
  }
  document.total = h[7].as<std::int64_t>();
  if (!h[8].is_null()) document.reverses = h[8].as<std::int64_t>();
  if (!h[9].is_null()) document.reversed_by = h[9].as<std::int64_t>();
  document.version = h[10].as<int>();
  if (!h[11].is_null()) document.created_by = core::UserId(h[11].as<std::int64_t>());
  document.created_at = h[12].as<std::string>();
  if (!h[13].is_null()) document.posted_by = core::UserId(h[13].as<std::int64_t>());
  if (!h[14].is_null()) document.posted_at = h[14].as<std::string>();

  for (const pqxx::row& row : tx.exec_params(
           "SELECT e.line_no, e.debit_account, e.credit_account, e.amount, e.quantity::text, "
           "e.content, e.memorial_order, "
           "d.program, d.specific, d.income, d.source, d.paid_service, d.ksn, d.counterparty, "
           "c.program, c.specific, c.income, c.source, c.paid_service, c.ksn, c.counterparty "
           "FROM ledger_entries e JOIN ledger_analytics d ON d.id = e.debit_analytics "
           "JOIN ledger_analytics c ON c.id = e.credit_analytics "
           "WHERE e.document_id = $1 ORDER BY e.line_no",
           id)) {
    Entry entry;
    entry.line_no = row[0].as<int>();
    entry.debit_account = row[1].as<std::string>();
    entry.credit_account = row[2].as<std::string>();
    entry.amount = row[3].as<std::int64_t>();
    if (!row[4].is_null()) entry.quantity = row[4].as<std::string>();
    entry.content = row[5].as<std::string>();
    if (!row[6].is_null()) entry.memorial_order = row[6].as<int>();
    entry.debit = ReadAnalytics(row, 7);
    entry.credit = ReadAnalytics(row, 14);
    document.lines.push_back(std::move(entry));
  }
  return document;
}

void PostLines(pqxx::dbtransaction& tx, const Document& document,
               const std::vector<std::optional<int>>& memorial_orders) {
  std::vector<std::int64_t> line_numbers;
  std::vector<std::string> orders;
  std::vector<const std::string*> order_pointers;
  orders.reserve(memorial_orders.size());
  for (std::size_t i = 0; i < document.lines.size(); ++i) {
    line_numbers.push_back(document.lines[i].line_no);
    orders.push_back(memorial_orders[i] ? std::to_string(*memorial_orders[i]) : std::string());
  }
  for (std::size_t i = 0; i < orders.size(); ++i) {
    order_pointers.push_back(memorial_orders[i] ? &orders[i] : nullptr);
  }
  tx.exec_params0(
      "UPDATE ledger_entries e SET posted = true, memorial_order = m.memorial_order::smallint "
      "FROM unnest($2::int[], $3::text[]) AS m(line_no, memorial_order) "
      "WHERE e.document_id = $1 AND e.line_no = m.line_no",
      document.id, BigintArray(line_numbers), NullableTextArray(order_pointers));
  // Rows in key order, so that two documents touching the same totals lock them in the same
  // order and never deadlock.
  tx.exec_params0(
      "INSERT INTO ledger_totals (org_id, period, account, analytics, debit, credit) "
      "SELECT $1, date_trunc('month', $3::date)::date, account, analytics, sum(debit), "
      "sum(credit) FROM ("
      "  SELECT debit_account AS account, debit_analytics AS analytics, amount AS debit, "
      "         0::bigint AS credit FROM ledger_entries WHERE document_id = $2"
      "  UNION ALL"
      "  SELECT credit_account, credit_analytics, 0, amount FROM ledger_entries "
      "  WHERE document_id = $2) s "
      "GROUP BY account, analytics ORDER BY account, analytics "
      "ON CONFLICT (org_id, period, account, analytics) DO UPDATE "
      "SET debit = ledger_totals.debit + EXCLUDED.debit, "
      "    credit = ledger_totals.credit + EXCLUDED.credit",
      document.org.value(), document.id, document.date.ToIso());
}

int SetState(pqxx::dbtransaction& tx, const platform::Actor& actor, std::int64_t id,
             DocumentState state, std::optional<std::int64_t> reversed_by) {
  const std::optional<std::string> user = IdText(actor.user.value());
  const std::optional<std::string> reversed = IdText(reversed_by);
  const bool posting = state == DocumentState::kPosted;
  return tx
      .exec_params1(
          "UPDATE ledger_documents SET state = $2, version = version + 1, "
          "posted_by = CASE WHEN $3::boolean THEN $4::bigint ELSE posted_by END, "
          "posted_at = CASE WHEN $3::boolean THEN now() ELSE posted_at END, "
          "reversed_by = coalesce($5::bigint, reversed_by) WHERE id = $1 RETURNING version",
          id, std::string(DocumentStateCode(state)), posting, Nullable(user), Nullable(reversed))[0]
      .as<int>();
}

int UpdateHeader(pqxx::dbtransaction& tx, std::int64_t id, const DocumentInput& input,
                 std::int64_t total) {
  return tx
      .exec_params1("UPDATE ledger_documents SET doc_date = $2, content = $3, total = $4, "
                    "version = version + 1 WHERE id = $1 RETURNING version",
                    id, input.date.ToIso(), input.content, total)[0]
      .as<int>();
}

}  // namespace esep::ledger::detail
