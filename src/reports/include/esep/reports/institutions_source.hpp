#pragma once
/// @file
/// The `institutions` source: the register of institutions the caller may see, with their
/// kinds, budget levels, superiors and accounting offices named in Kazakh and Russian.

#include "esep/core/text.hpp"
#include "esep/reports/sources.hpp"

namespace esep::reports {

/// Rows: the institutions registered on or before `as_of` (their registration's local date),
/// with their present attributes (the register keeps no history); with `institution`, that
/// institution and every one below it. Ordered by the name in `lang`, then id. Only rows
/// the transaction's row-level scope shows, so a superior or accounting office outside it
/// is named empty. Data version: count, sum of versions and last change of the visible rows.
DataSource InstitutionsSource();

/// 1 "республикалық" / "республиканский", 2 "облыстық" / "областной", 3 "аудандық" /
/// "районный", 4 "жергілікті өзін-өзі басқару" / "местного самоуправления"; empty otherwise.
core::LocalizedText BudgetLevelName(int level);

}  // namespace esep::reports
