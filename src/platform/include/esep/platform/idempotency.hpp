#pragma once
/// @file
/// Idempotency keys (table idempotency_keys, migration 0005): a mutating request repeated
/// with the same Idempotency-Key gets the first response back and changes nothing again.

#include <chrono>
#include <cstdint>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <string_view>

#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"

namespace esep::platform {

/// The response the first request got, returned as is to every repeat.
struct StoredResponse {
  int status = 0;    ///< HTTP status, 100..599
  std::string body;  ///< the response body as sent

  bool operator==(const StoredResponse&) const = default;
};

inline constexpr std::size_t kMaxIdempotencyKeyLength = 200;

/// 1..kMaxIdempotencyKeyLength printable ASCII characters (space included). Error
/// "idempotency.key_invalid", field "Idempotency-Key".
core::Status ValidateIdempotencyKey(std::string_view key);

/// SHA-256 (lowercase hex) over the method, the target and the body, each length-prefixed so
/// that moving bytes from one to another changes the fingerprint.
std::string RequestFingerprint(std::string_view method, std::string_view target,
                               std::string_view body);

/// Call first in the mutation's transaction (a READ COMMITTED pqxx::work). Returns:
/// - the stored response when `user` already used `key` for a request with this
///   fingerprint: send it back and write nothing;
/// - nullopt when the key is new: go on with the mutation and call RecordIdempotent in the
///   same transaction. A transaction-level lock on (user, key) is held from here to commit
///   or rollback, so a concurrent identical request waits and then gets the stored response
///   (or, if this transaction rolls back, proceeds as the first);
/// - "idempotency.key_reused" when the key was used for a different request (HTTP 422), or
///   "idempotency.key_invalid" for a malformed key; both with field "Idempotency-Key".
/// Throws std::invalid_argument when `request_fingerprint` is not RequestFingerprint's form.
core::Result<std::optional<StoredResponse>> BeginIdempotent(pqxx::dbtransaction& tx,
                                                            core::UserId user, std::string_view key,
                                                            std::string_view request_fingerprint);

/// Stores the response of the mutation BeginIdempotent let through, in the mutation's own
/// transaction, so that either both commit or neither. Throws std::invalid_argument for a key,
/// fingerprint or status BeginIdempotent would not have accepted.
void RecordIdempotent(pqxx::dbtransaction& tx, core::UserId user, std::string_view key,
                      std::string_view request_fingerprint, const StoredResponse& response);

/// Deletes keys stored more than `older_than` ago (a negative age is std::invalid_argument);
/// returns how many. A purged key is new again.
std::int64_t PurgeIdempotencyKeys(pqxx::dbtransaction& tx, std::chrono::hours older_than);

}  // namespace esep::platform
