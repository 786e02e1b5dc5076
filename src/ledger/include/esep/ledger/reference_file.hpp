#pragma once
/// @file
/// The files the ledger's reference data is loaded from (format: sql/reference/README.md):
/// one CSV per table, parsed and checked row by row without the database, so that every
/// wrong row is reported at once with its file:line and column.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/error.hpp"

namespace esep::ledger {

enum class ReferenceKind {
  kAccounts,
  kFunctional,
  kEconomic,
  kIncome,
  kSources,
  kMemorialOrders,
  kMemorialOrderRules
};

/// Every kind in load order: memorial orders come before the rules that name them.
const std::array<ReferenceKind, 7>& AllReferenceKinds();
/// "accounts", "functional", ..., "memorial_order_rules".
std::string_view ReferenceKindName(ReferenceKind kind);
std::optional<ReferenceKind> ParseReferenceKind(std::string_view name);
/// The shipped file of the kind in sql/reference/ledger/: "accounts.csv", ...
std::string ReferenceFileName(ReferenceKind kind);
/// For kinds stored in ledger_codes: their `kind` there ("functional", "source"); empty else.
std::string_view CodeKindOf(ReferenceKind kind);

/// The stored columns of a kind (the table's, without valid_from/valid_to), in the order of
/// ReferenceRow::values. A file has exactly these columns, in any order, plus an optional
/// `notes` column that is not loaded.
const std::vector<std::string>& ReferenceColumns(ReferenceKind kind);

/// One data row of a file, its values normalized as the loader compares them with the
/// database: trimmed; booleans "true"/"false"; numbers without leading zeros; dimensions
/// joined by ';'.
struct ReferenceRow {
  std::size_t line = 0;
  std::string key;  ///< identifies the row across editions: the code, the MO number, a rule's
                    ///< prefixes and priority
  std::vector<std::string> values;
};

struct ParsedReference {
  std::vector<ReferenceRow> rows;
  std::vector<core::Error> errors;  ///< every wrong row; the file may be loaded only when empty
};

/// Parses and checks a whole file. Checks that need no database: the header, the shape of
/// every code for its level, parents present in the file, postable only where postings may
/// go, known dimensions, kinds and balance sides, names present, no duplicate keys.
ParsedReference ParseReferenceFile(ReferenceKind kind, std::string_view text,
                                   std::string_view file_name);

/// An error about a cell: field "FILE:LINE COLUMN", the offending value in details.
core::Error CellError(std::string code, std::string kk, std::string ru, std::string en,
                      std::string_view file_name, std::size_t line, std::string_view column,
                      std::string_view value);

}  // namespace esep::ledger
