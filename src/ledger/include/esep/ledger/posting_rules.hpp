#pragma once
/// @file
/// The rules a document must meet before it is saved and again before it is posted (the
/// reference data may have changed in between): pure functions over the document and the
/// ReferenceSnapshot of its date. Errors name the field to fix: "lines[2].debit.specific".

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "esep/core/date.hpp"
#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/ledger/dimensions.hpp"
#include "esep/ledger/reference.hpp"

namespace esep::ledger {

enum class DocumentKind { kOperation, kReversal, kOpening };

std::string_view DocumentKindCode(DocumentKind kind);  ///< "operation", "reversal", "opening"
std::optional<DocumentKind> ParseDocumentKind(std::string_view code);

struct EntryInput {
  std::string debit_account;
  Analytics debit;
  std::string credit_account;
  Analytics credit;
  std::int64_t amount = 0;  ///< tiyn; > 0 (a reversal's lines are negated by the service)
  std::optional<std::string> quantity;  ///< a decimal with up to 3 places: "12.5"
  std::string content;

  bool operator==(const EntryInput&) const = default;
};

struct DocumentInput {
  core::OrgId org;
  DocumentKind kind = DocumentKind::kOperation;  ///< operation or opening; reversals are made
  core::Date date = core::Date::FromDaysSinceEpoch(0).value();  ///< 1970-01-01 until set
  std::string content;
  std::vector<EntryInput> lines;
};

/// Longest document the service accepts: beyond it a document is an import, not a form.
inline constexpr std::size_t kMaxLines = 10000;
/// Largest amount of one line, 10^15 tiyn (ten trillion tenge): sums of many lines and
/// monthly totals then stay far inside int64.
inline constexpr std::int64_t kMaxLineAmount = 1'000'000'000'000'000;

/// Checks a document against the reference data of its date. Errors (field):
/// "ledger.no_lines" (lines), "ledger.too_many_lines" (lines), "ledger.content_too_long"
/// (content, lines[i].content), "ledger.amount_positive", "ledger.amount_too_large"
/// (lines[i].amount), "ledger.quantity_format" (lines[i].quantity),
/// "ledger.account_unknown", "ledger.account_heading", "ledger.account_technical"
/// (lines[i].debit_account / credit_account), "ledger.same_sides" (lines[i]),
/// "ledger.analytics_required", "ledger.analytics_not_used", "ledger.code_unknown",
/// "ledger.counterparty_unknown" (lines[i].debit.<dimension>). The first error found.
core::Status ValidateDocument(const DocumentInput& document, const ReferenceSnapshot& reference);

/// The memorial order of a posting: the rule with the highest priority whose prefixes match,
/// the longer prefixes (then the longer debit prefix) first among equals; nullopt when no
/// rule matches.
std::optional<int> MemorialOrderFor(const std::vector<MemorialOrderRule>& rules,
                                    const std::string& debit_account,
                                    const std::string& credit_account);

}  // namespace esep::ledger
