#pragma once
/// @file
/// The audit trail: every mutation and every security event, append-only and hash-chained
/// (table audit_log, migration 0005). Written in the same transaction as the change it
/// records, so a change without its audit row cannot exist.

#include <cstdint>
#include <functional>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/platform/actor.hpp"

namespace esep::platform {

enum class AuditKind { kMutation, kSecurity };

struct AuditEntry {
  AuditKind kind = AuditKind::kMutation;
  std::string action;  ///< "institution.create", "login.failure", "access.denied", ...
  std::optional<core::OrgId> org;
  std::string entity;  ///< "institution", "user", ...
  std::string entity_id;
  std::string before_json;   ///< JSON text of the row before the change; empty for none
  std::string after_json;    ///< JSON text of the row after the change; empty for none
  std::string details_json;  ///< anything else worth keeping (e.g. the login tried); may be empty
};

struct AuditRecord {
  std::int64_t id = 0;
  std::string at;  ///< ISO 8601 UTC with microseconds
  AuditKind kind = AuditKind::kMutation;
  std::string action;
  std::optional<core::UserId> actor;
  std::optional<core::OrgId> org;
  std::string entity, entity_id, before_json, after_json, details_json, request_id;
  std::string hash_hex;
};

/// Appends one entry for `actor` inside `tx`; returns its id. Appends are serialised (the
/// chain needs the previous hash), so call it late in the transaction.
/// The row's actor is `actor.user`, NULL when that is 0 (the system, or a caller not yet
/// authenticated such as a failed login). Throws std::invalid_argument for an empty action or
/// JSON that does not parse (programming errors), std::logic_error when `tx` is not READ
/// COMMITTED (a snapshot older than the lock would fork the chain).
std::int64_t AppendAudit(pqxx::dbtransaction& tx, const Actor& actor, const AuditEntry& entry);

struct AuditQuery {
  std::optional<core::OrgId> org;
  std::optional<core::UserId> actor;
  std::string action_prefix;     ///< "login." matches every login event
  std::string from_iso, to_iso;  ///< inclusive bounds on `at`; empty = open
  std::int64_t after_id = 0;     ///< keyset paging: rows with id > after_id
  int limit = 100;
};

/// Largest page QueryAudit returns.
inline constexpr int kMaxAuditPage = 1000;

/// Checks a query built from user input. `from_iso`/`to_iso` take "2026-03-15" or
/// "2026-03-15T09:30[:00[.123456]]" with "Z" or "+05:00" (no zone = UTC); a date alone in
/// `to_iso` covers that whole UTC day. Errors: "audit.bad_time" (field "from" or "to"),
/// "audit.bad_limit" ("limit", outside 1..kMaxAuditPage), "audit.bad_after_id" ("after_id").
core::Status ValidateAuditQuery(const AuditQuery& query);

/// Rows matching every filter, by id ascending, at most `limit`; the next page starts after
/// the last id returned. A query ValidateAuditQuery refuses throws std::invalid_argument.
std::vector<AuditRecord> QueryAudit(pqxx::dbtransaction& tx, const AuditQuery& query);

/// The hash the chain stores for `row` when the row before it has hash `prev_hash_hex`
/// (64 zeros for the first row) — exposed so that an auditor's own tool can re-check the
/// chain. hash = SHA-256(prev_hash as raw bytes || F(id) || F(at) || F(kind) ||
/// F(action) || F(actor) || F(org) || F(entity) || F(entity_id) || F(before) || F(after) ||
/// F(details) || F(request_id)), where F(NULL) = one byte 0x00 and F(text) = one byte 0x01,
/// the text's length in bytes as an unsigned 64-bit big-endian integer, then the text. The
/// texts: id, actor, org in decimal; at as "YYYY-MM-DDTHH:MM:SS.ffffffZ" (UTC, always six
/// digits); kind "mutation" or "security"; before/after/details as PostgreSQL prints jsonb
/// (`before::text`), NULL when empty; the rest as stored. The length prefix is what keeps
/// two different rows from serialising alike. Throws std::invalid_argument when
/// `prev_hash_hex` is not 64 hex digits.
std::string AuditRowHashHex(std::string_view prev_hash_hex, const AuditRecord& row);

struct AuditVerification {
  std::int64_t rows_checked = 0;
  /// The first row whose hash does not match (changed, removed or inserted rows), if any.
  std::optional<std::int64_t> first_bad_id;
};
/// Told after each batch how many rows were checked of about how many; returning false
/// stops the verification ("job.cancelled").
using VerifyProgress = std::function<bool(std::int64_t checked, std::int64_t total)>;
/// Recomputes the whole chain. An error only when the table cannot be read, or when
/// `progress` asked to stop.
core::Result<AuditVerification> VerifyAuditChain(pqxx::dbtransaction& tx,
                                                 const VerifyProgress& progress = {});

}  // namespace esep::platform
