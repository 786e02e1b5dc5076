#pragma once
/// @file
/// The analytics a posting carries on each side besides the account: the budget
/// classification (program, specific of the economic classification, income code), the
/// financing source, the paid-service code, the control cash account (КСН) and the
/// counterparty. An account in the chart names the dimensions its postings require; a
/// posting gives exactly those (ledger/posting_rules.hpp).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "esep/core/text.hpp"

namespace esep::ledger {

enum class Dimension { kProgram, kSpecific, kIncome, kSource, kPaidService, kKsn, kCounterparty };

inline constexpr std::size_t kDimensionCount = 7;

struct DimensionInfo {
  Dimension dimension;
  std::string_view code;       ///< "program": in JSON, in the chart's `dimensions`, in SQL
  std::string_view code_kind;  ///< the `kind` in ledger_codes; empty for the counterparty
  core::LocalizedText name;
};

const std::array<DimensionInfo, kDimensionCount>& AllDimensions();
const DimensionInfo& Info(Dimension dimension);
/// "program", "specific", ... exactly; nullopt otherwise.
std::optional<Dimension> ParseDimension(std::string_view code);

/// One side's analytics. Codes are kept as the classification writes them, with leading
/// zeros ("04.2.464.003.015", "111"); empty and 0 mean "not given".
struct Analytics {
  std::string program, specific, income, source, paid_service, ksn;
  std::int64_t counterparty = 0;

  /// The code of a coded dimension ("" for kCounterparty: use `counterparty`).
  const std::string& Code(Dimension dimension) const;
  std::string& Code(Dimension dimension);
  bool Has(Dimension dimension) const;

  bool operator==(const Analytics&) const = default;
};

}  // namespace esep::ledger
