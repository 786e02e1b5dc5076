#pragma once
/// @file
/// The `audit_events` source: the audit trail as readable rows for an extract — local dates
/// and times, logins, institutions and actions described in Kazakh and Russian.

#include <string_view>

#include "esep/core/text.hpp"
#include "esep/reports/sources.hpp"

namespace esep::reports {

/// Rows: audit events from the local midnight starting `from` to the one ending `to`
/// (both days included), optionally of `institution` and the institutions below it, of one
/// `actor` (a login) and with an action code starting with `action`; by id. Printing needs
/// audit.read as well as reports.read. `to` before `from` is "report.parameter.range"
/// (field "to"). Data version: count and last id of the matching rows.
DataSource AuditEventsSource();

/// What an audit action means for people, e.g. "institution.create" -> "Мекеме тіркелді" /
/// "Регистрация учреждения"; an unknown code gives "Әрекет: <code>" / "Действие: <code>".
core::LocalizedText DescribeAuditAction(std::string_view action);

/// Whether the action records something refused (a failed sign-in, denied access), for the
/// outcome column: "қабылданбады" / "отказано" instead of "орындалды" / "выполнено".
bool IsRefusalAction(std::string_view action);

}  // namespace esep::reports
