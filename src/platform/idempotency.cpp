#include "esep/platform/idempotency.hpp"

#include <pqxx/pqxx>
#include <stdexcept>
#include <string>

#include "esep/core/error.hpp"
#include "esep/db/sha256.hpp"

namespace esep::platform {
namespace {

// First key of the two-int advisory lock on (user, key); the second is a hash of both. The
// two-key space does not overlap the one-bigint space the audit and migration locks use, and
// a hash collision only makes two unrelated requests wait for each other.
constexpr std::int32_t kIdempotencyLockClass = 0x49444D50;  // "IDMP"

constexpr std::size_t kFingerprintLength = 64;

void AppendLengthPrefixed(std::string& out, std::string_view text) {
  out += std::to_string(text.size());
  out += ':';
  out += text;
}

bool IsFingerprint(std::string_view text) {
  if (text.size() != kFingerprintLength) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

void RequireFingerprint(std::string_view fingerprint, const char* function) {
  if (!IsFingerprint(fingerprint)) {
    throw std::invalid_argument(std::string(function) +
                                ": the request fingerprint must be RequestFingerprint's "
                                "64 lowercase hex digits");
  }
}

std::int32_t LockObject(core::UserId user, std::string_view key) {
  std::string material = std::to_string(user.value());
  material += '\n';
  material += key;
  const std::string digest = db::Sha256Hex(material);
  // Eight hex digits are 32 bits; the conversion to int32 wraps, as C++20 defines.
  return static_cast<std::int32_t>(std::stoul(digest.substr(0, 8), nullptr, 16));
}

// The stored (fingerprint, response) for (user, key), if any.
struct Stored {
  std::string fingerprint;
  StoredResponse response;
};

std::optional<Stored> Lookup(pqxx::dbtransaction& tx, core::UserId user, std::string_view key) {
  const pqxx::result rows = tx.exec_params(
      "SELECT encode(request_hash, 'hex'), status, response FROM idempotency_keys "
      "WHERE user_id = $1 AND key = $2",
      user.value(), std::string(key));
  if (rows.empty()) return std::nullopt;
  return Stored{rows[0][0].as<std::string>(),
                StoredResponse{rows[0][1].as<int>(), rows[0][2].as<std::string>()}};
}

core::Result<std::optional<StoredResponse>> Replay(const Stored& stored,
                                                   std::string_view fingerprint) {
  if (stored.fingerprint != fingerprint) {
    return core::MakeError(
        "idempotency.key_reused",
        "Бұл Idempotency-Key кілті басқа сұрауға қолданылған; жаңа сұрауға жаңа кілт керек.",
        "Этот ключ Idempotency-Key уже использован для другого запроса; для нового запроса "
        "нужен новый ключ.",
        "This Idempotency-Key was already used for a different request; a new request needs "
        "a new key.",
        "Idempotency-Key");
  }
  return std::optional<StoredResponse>(stored.response);
}

}  // namespace

core::Status ValidateIdempotencyKey(std::string_view key) {
  bool printable = !key.empty() && key.size() <= kMaxIdempotencyKeyLength;
  for (char c : key) printable = printable && c >= 0x20 && c <= 0x7e;
  if (printable) return core::Status::Ok();
  return core::MakeError(
      "idempotency.key_invalid",
      "Idempotency-Key 1-ден 200-ге дейін басып шығарылатын ASCII таңбадан тұруы керек.",
      "Idempotency-Key должен состоять из 1–200 печатных символов ASCII.",
      "The Idempotency-Key must be 1 to 200 printable ASCII characters.", "Idempotency-Key");
}

std::string RequestFingerprint(std::string_view method, std::string_view target,
                               std::string_view body) {
  std::string material;
  material.reserve(method.size() + target.size() + body.size() + 32);
  AppendLengthPrefixed(material, method);
  AppendLengthPrefixed(material, target);
  AppendLengthPrefixed(material, body);
  return db::Sha256Hex(material);
}

core::Result<std::optional<StoredResponse>> BeginIdempotent(pqxx::dbtransaction& tx,
                                                            core::UserId user, std::string_view key,
                                                            std::string_view request_fingerprint) {
  RequireFingerprint(request_fingerprint, "BeginIdempotent");
  if (core::Status valid = ValidateIdempotencyKey(key); !valid) return valid.error();

  // A repeat of a finished request needs no lock.
  if (auto stored = Lookup(tx, user, key)) return Replay(*stored, request_fingerprint);

  // Two identical requests both missed the row: the second waits here until the first
  // commits or rolls back. Its next statement has a fresh READ COMMITTED snapshot, so the
  // re-check sees the first one's row if it committed.
  tx.exec_params("SELECT pg_advisory_xact_lock($1::int4, $2::int4)", kIdempotencyLockClass,
                 LockObject(user, key));
  if (auto stored = Lookup(tx, user, key)) return Replay(*stored, request_fingerprint);
  return std::optional<StoredResponse>();
}

void RecordIdempotent(pqxx::dbtransaction& tx, core::UserId user, std::string_view key,
                      std::string_view request_fingerprint, const StoredResponse& response) {
  RequireFingerprint(request_fingerprint, "RecordIdempotent");
  if (!ValidateIdempotencyKey(key)) {
    throw std::invalid_argument("RecordIdempotent: invalid Idempotency-Key");
  }
  if (response.status < 100 || response.status > 599) {
    throw std::invalid_argument("RecordIdempotent: HTTP status outside 100..599");
  }
  tx.exec_params(
      "INSERT INTO idempotency_keys (user_id, key, request_hash, status, response) "
      "VALUES ($1, $2, decode($3, 'hex'), $4, $5)",
      user.value(), std::string(key), std::string(request_fingerprint), response.status,
      response.body);
}

std::int64_t PurgeIdempotencyKeys(pqxx::dbtransaction& tx, std::chrono::hours older_than) {
  if (older_than.count() < 0) {
    throw std::invalid_argument("PurgeIdempotencyKeys: negative age");
  }
  const pqxx::result purged = tx.exec_params(
      "DELETE FROM idempotency_keys WHERE created_at < now() - ($1::text || ' hours')::interval",
      static_cast<std::int64_t>(older_than.count()));
  return static_cast<std::int64_t>(purged.affected_rows());
}

}  // namespace esep::platform
