#pragma once
/// @file
/// The reference data one document needs, read for its date in a few queries: the accounts
/// its lines name, the codes of their analytics, the institution's counterparties among
/// them and the memorial-order rules in force. Reading it per document keeps validation
/// pure (posting_rules.hpp) and the round trips few.

#include <cstdint>
#include <map>
#include <pqxx/transaction>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "esep/core/date.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/ledger/dimensions.hpp"

namespace esep::ledger {

/// The side an account's balance may stand on; the month closing reports the others.
enum class BalanceSide { kDebit, kCredit, kEither };

struct Account {
  std::string code;
  std::string name_kk, name_ru;
  int section = 0;
  std::string kind;  ///< asset, liability, net_assets, income, expense, production, off_balance, technical
  BalanceSide balance = BalanceSide::kEither;
  bool postable = false;  ///< sections and subsections are headings
  std::vector<Dimension> dimensions;  ///< required on every posting to the account
};

/// The technical account opening balances are entered against (kind "technical"); only
/// opening documents may use it.
inline constexpr std::string_view kOpeningAccountKind = "technical";

struct MemorialOrderRule {
  std::string debit_prefix, credit_prefix;  ///< "" matches any account
  int priority = 0;
  int order_number = 0;
};

struct ReferenceSnapshot {
  std::map<std::string, Account> accounts;                  ///< in force on the date
  std::set<std::pair<std::string, std::string>> postable_codes;  ///< (kind, code) in force
  std::set<std::int64_t> counterparties;  ///< active counterparties of the institution
  std::vector<MemorialOrderRule> rules;   ///< in force on the date
};

/// What a document dated `date` in `org` may refer to, limited to the accounts, codes and
/// counterparties named in `lines` (the pairs of a side: account and analytics).
ReferenceSnapshot LoadReference(pqxx::dbtransaction& tx, core::OrgId org, core::Date date,
                                const std::vector<std::pair<std::string, Analytics>>& sides);

/// The account `code` in force on `date`, if any (for the API and reports).
std::optional<Account> FindAccount(pqxx::dbtransaction& tx, const std::string& code,
                                   core::Date date);

}  // namespace esep::ledger
