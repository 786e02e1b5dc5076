#include "esep/ledger/reference.hpp"

#include <pqxx/pqxx>

#include "sql_array.hpp"

namespace esep::ledger {
namespace {

// Rows in force on the date bound as parameter $`n`.
std::string InForce(int n) {
  const std::string date = "$" + std::to_string(n) + "::date";
  return "valid_from <= " + date + " AND (valid_to IS NULL OR valid_to >= " + date + ")";
}

BalanceSide ParseBalance(const std::string& text) {
  if (text == "debit") return BalanceSide::kDebit;
  if (text == "credit") return BalanceSide::kCredit;
  return BalanceSide::kEither;
}

// "{program,specific}" as PostgreSQL prints a text[]; codes are plain words.
std::vector<Dimension> ParseDimensions(const std::string& array) {
  std::vector<Dimension> result;
  std::string word;
  for (char c : array) {
    if (c == '{' || c == '}' || c == ',' || c == '"') {
      if (auto dimension = ParseDimension(word)) result.push_back(*dimension);
      word.clear();
    } else {
      word += c;
    }
  }
  return result;
}

Account ReadAccount(const pqxx::row& row) {
  Account account;
  account.code = row["code"].as<std::string>();
  account.name_kk = row["name_kk"].as<std::string>();
  account.name_ru = row["name_ru"].as<std::string>();
  account.section = row["section"].as<int>();
  account.kind = row["kind"].as<std::string>();
  account.balance = ParseBalance(row["balance"].as<std::string>());
  account.postable = row["postable"].as<bool>();
  account.dimensions = ParseDimensions(row["dimensions"].as<std::string>());
  return account;
}

std::string TextArray(const std::set<std::string>& values) {
  return detail::TextArray(std::vector<std::string>(values.begin(), values.end()));
}

}  // namespace

ReferenceSnapshot LoadReference(pqxx::dbtransaction& tx, core::OrgId org, core::Date date,
                                const std::vector<std::pair<std::string, Analytics>>& sides) {
  std::set<std::string> accounts, kinds, codes, counterparties;
  for (const auto& [account, analytics] : sides) {
    accounts.insert(account);
    for (const DimensionInfo& info : AllDimensions()) {
      if (info.dimension == Dimension::kCounterparty) {
        if (analytics.counterparty != 0) counterparties.insert(std::to_string(analytics.counterparty));
      } else if (!analytics.Code(info.dimension).empty()) {
        kinds.insert(std::string(info.code_kind));
        codes.insert(analytics.Code(info.dimension));
      }
    }
  }
  const std::string iso = date.ToIso();
  ReferenceSnapshot snapshot;
  for (const pqxx::row& row : tx.exec_params(
           std::string("SELECT code, name_kk, name_ru, section, kind, balance, postable, "
                       "dimensions FROM ledger_accounts WHERE code = ANY ($1::text[]) AND ") +
               InForce(2),
           TextArray(accounts), iso)) {
    Account account = ReadAccount(row);
    snapshot.accounts.emplace(account.code, std::move(account));
  }
  if (!codes.empty()) {
    // Kinds and codes are matched as a cross product and filtered here: a handful of rows.
    for (const pqxx::row& row : tx.exec_params(
             std::string("SELECT kind, code FROM ledger_codes WHERE postable AND code = ANY "
                         "($1::text[]) AND kind = ANY ($3::text[]) AND ") +
                 InForce(2),
             TextArray(codes), iso, TextArray(kinds))) {
      snapshot.postable_codes.emplace(row[0].as<std::string>(), row[1].as<std::string>());
    }
  }
  if (!counterparties.empty()) {
    for (const pqxx::row& row :
         tx.exec_params("SELECT id FROM counterparties WHERE org_id = $1 AND active AND "
                        "id = ANY ($2::bigint[])",
                        org.value(), TextArray(counterparties))) {
      snapshot.counterparties.insert(row[0].as<std::int64_t>());
    }
  }
  for (const pqxx::row& row : tx.exec_params(
           std::string("SELECT debit_prefix, credit_prefix, priority, order_number "
                       "FROM ledger_memorial_order_rules WHERE ") +
               InForce(1),
           iso)) {
    snapshot.rules.push_back({row[0].as<std::string>(), row[1].as<std::string>(),
                              row[2].as<int>(), row[3].as<int>()});
  }
  return snapshot;
}

std::optional<Account> FindAccount(pqxx::dbtransaction& tx, const std::string& code,
                                   core::Date date) {
  const pqxx::result rows = tx.exec_params(
      std::string("SELECT code, name_kk, name_ru, section, kind, balance, postable, dimensions "
                  "FROM ledger_accounts WHERE code = $1 AND ") +
          InForce(2),
      code, date.ToIso());
  if (rows.empty()) return std::nullopt;
  return ReadAccount(rows[0]);
}

}  // namespace esep::ledger
