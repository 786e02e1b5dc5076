#include "esep/platform/audit.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <memory>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "esep/core/date.hpp"
#include "esep/core/error.hpp"

namespace esep::platform {
namespace {

// Every appender takes this transaction-level lock before reading the last hash, so the chain
// stays linear whatever the concurrency; it is released at commit or rollback. The two-key
// advisory space (idempotency's) does not overlap this one.
constexpr long long kAuditLockKey = 0x4553455041554454;  // "ESEPAUDT"

// The verifier reads this many rows per query: memory stays constant however long the log.
constexpr int kVerifyBatch = 5000;

constexpr std::size_t kHashBytes = 32;
const std::string kZeroHashHex(2 * kHashBytes, '0');

// `at` as the chain hashes it and AuditRecord carries it: UTC, always six fractional digits,
// so the text does not depend on the session's TimeZone or on trailing zeros.
constexpr const char* kRecordColumns =
    "id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), kind, action, "
    "actor_user_id, org_id, entity, entity_id, before::text, after::text, details::text, "
    "request_id, encode(hash, 'hex'), encode(prev_hash, 'hex')";

std::string_view KindText(AuditKind kind) {
  return kind == AuditKind::kSecurity ? "security" : "mutation";
}

void RequireJson(const std::string& text, const char* what) {
  if (text.empty()) return;
  boost::system::error_code error;
  boost::json::parse(text, error);
  if (error) {
    throw std::invalid_argument(std::string("AppendAudit: ") + what +
                                " is not valid JSON: " + error.message());
  }
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// nullopt for text that is not an even number of hex digits.
std::optional<std::string> HexDecode(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = HexDigit(hex[i]);
    const int low = HexDigit(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes.push_back(static_cast<char>(high * 16 + low));
  }
  return bytes;
}

// The row's content as AuditRowHashHex documents it; NULL is nullopt.
struct CanonicalRow {
  std::int64_t id = 0;
  std::string_view at;
  std::string_view kind;
  std::string_view action;
  std::optional<std::int64_t> actor;
  std::optional<std::int64_t> org;
  std::string_view entity;
  std::string_view entity_id;
  std::optional<std::string_view> before;
  std::optional<std::string_view> after;
  std::optional<std::string_view> details;
  std::string_view request_id;
};

void AppendField(std::string& out, std::optional<std::string_view> text) {
  if (!text) {
    out.push_back('\x00');
    return;
  }
  out.push_back('\x01');
  const auto length = static_cast<std::uint64_t>(text->size());
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((length >> shift) & 0xff));
  }
  out.append(*text);
}

void AppendField(std::string& out, std::optional<std::int64_t> number) {
  if (!number) {
    AppendField(out, std::optional<std::string_view>());
    return;
  }
  const std::string text = std::to_string(*number);
  AppendField(out, std::optional<std::string_view>(text));
}

// Computes hashes with one reusable OpenSSL context (the verifier hashes every row).
class ChainHasher {
 public:
  ChainHasher() : context_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    if (!context_) throw std::runtime_error("OpenSSL EVP_MD_CTX_new failed");
  }

  // `prev` is the previous row's hash as raw bytes.
  std::string HashHex(std::string_view prev, const CanonicalRow& row) {
    buffer_.clear();
    buffer_.append(prev);
    AppendField(buffer_, std::optional<std::int64_t>(row.id));
    AppendField(buffer_, std::optional<std::string_view>(row.at));
    AppendField(buffer_, std::optional<std::string_view>(row.kind));
    AppendField(buffer_, std::optional<std::string_view>(row.action));
    AppendField(buffer_, row.actor);
    AppendField(buffer_, row.org);
    AppendField(buffer_, std::optional<std::string_view>(row.entity));
    AppendField(buffer_, std::optional<std::string_view>(row.entity_id));
    AppendField(buffer_, row.before);
    AppendField(buffer_, row.after);
    AppendField(buffer_, row.details);
    AppendField(buffer_, std::optional<std::string_view>(row.request_id));

    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(context_.get(), buffer_.data(), buffer_.size()) != 1 ||
        EVP_DigestFinal_ex(context_.get(), digest.data(), &length) != 1) {
      throw std::runtime_error("OpenSSL SHA-256 failed");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
      hex.push_back(kHex[digest[i] >> 4]);
      hex.push_back(kHex[digest[i] & 0x0f]);
    }
    return hex;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
  std::string buffer_;
};

std::optional<std::string_view> NullIfEmpty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return std::string_view(text);
}

std::optional<std::string_view> FieldText(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return std::string_view(field.c_str(), field.size());
}

std::optional<std::int64_t> FieldNumber(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::int64_t>();
}

// --- Time bounds of a query -------------------------------------------------------------

// A bound ready for SQL: `at < text::timestamptz + interval` is the inclusive bound.
struct TimeBound {
  std::string text;           // always with an explicit zone, so TimeZone does not matter
  std::string_view interval;  // "1 day" for a date alone, "1 microsecond" for an instant
};

bool Digits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

// "YYYY-MM-DD" or "YYYY-MM-DD(T| )HH:MM[:SS[.f{1,6}]][Z|(+|-)HH:MM]"; nullopt otherwise.
std::optional<TimeBound> ParseTimeBound(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (!Digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
      !Digits(text, 5, 2, month) || text[7] != '-' || !Digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  if (!core::Date::FromYmd(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) {
    return std::nullopt;
  }
  if (text.size() == 10) return TimeBound{std::string(text) + "T00:00:00Z", "1 day"};

  int hour = 0, minute = 0, second = 0;
  if ((text[10] != 'T' && text[10] != ' ') || !Digits(text, 11, 2, hour) || text.size() < 16 ||
      text[13] != ':' || !Digits(text, 14, 2, minute) || hour > 23 || minute > 59) {
    return std::nullopt;
  }
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!Digits(text, pos + 1, 2, second) || second > 59) return std::nullopt;
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      std::size_t digits = 0;
      while (pos + 1 + digits < text.size() && text[pos + 1 + digits] >= '0' &&
             text[pos + 1 + digits] <= '9') {
        ++digits;
      }
      if (digits < 1 || digits > 6) return std::nullopt;
      pos += 1 + digits;
    }
  }
  std::string bound(text.substr(0, pos));
  bound[10] = 'T';
  const std::string_view zone = text.substr(pos);
  if (zone.empty() || zone == "Z") return TimeBound{bound + "Z", "1 microsecond"};
  int zone_hours = 0, zone_minutes = 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !Digits(zone, 1, 2, zone_hours) ||
      zone[3] != ':' || !Digits(zone, 4, 2, zone_minutes) || zone_hours > 14 || zone_minutes > 59) {
    return std::nullopt;
  }
  return TimeBound{bound + std::string(zone), "1 microsecond"};
}

core::Error BadTime(const std::string& field) {
  return core::MakeError(
      "audit.bad_time",
      "Уақыт ISO 8601 пішімінде болуы керек, мысалы 2026-03-15 немесе 2026-03-15T09:30:00Z.",
      "Время нужно указать в формате ISO 8601, например 2026-03-15 или 2026-03-15T09:30:00Z.",
      "The time must be in ISO 8601 form, e.g. 2026-03-15 or 2026-03-15T09:30:00Z.", field);
}

}  // namespace

std::string AuditRowHashHex(std::string_view prev_hash_hex, const AuditRecord& row) {
  const std::optional<std::string> prev = HexDecode(prev_hash_hex);
  if (!prev || prev->size() != kHashBytes) {
    throw std::invalid_argument("AuditRowHashHex: prev_hash_hex must be 64 hex digits");
  }
  CanonicalRow canonical;
  canonical.id = row.id;
  canonical.at = row.at;
  canonical.kind = KindText(row.kind);
  canonical.action = row.action;
  if (row.actor) canonical.actor = row.actor->value();
  if (row.org) canonical.org = row.org->value();
  canonical.entity = row.entity;
  canonical.entity_id = row.entity_id;
  canonical.before = NullIfEmpty(row.before_json);
  canonical.after = NullIfEmpty(row.after_json);
  canonical.details = NullIfEmpty(row.details_json);
  canonical.request_id = row.request_id;
  return ChainHasher().HashHex(*prev, canonical);
}

std::int64_t AppendAudit(pqxx::dbtransaction& tx, const Actor& actor, const AuditEntry& entry) {
  if (entry.action.empty()) throw std::invalid_argument("AppendAudit: the action is empty");
  RequireJson(entry.before_json, "before_json");
  RequireJson(entry.after_json, "after_json");
  RequireJson(entry.details_json, "details_json");

  tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kAuditLockKey) + ")");
  // A new statement after the lock: under READ COMMITTED its snapshot sees the row of
  // whoever held the lock before us. The id and `at` are taken under the lock too, so id
  // order is chain order and `at` never goes backwards along the chain. PostgreSQL
  // normalises the JSON here because the hash covers the text it will print back. The head
  // comes through esep_audit_chain_head() (migration 0007), which bypasses row-level
  // security: a tenant's transaction sees only its own rows, but the chain spans them all.
  const pqxx::row head =
      tx.exec_params1(std::string("SELECT current_setting('transaction_isolation'), "
                                  "encode(esep_audit_chain_head(), 'hex'), "
                                  "nextval('audit_log_id_seq'), ") +
                          "to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
                          "NULLIF($1, '')::jsonb::text, NULLIF($2, '')::jsonb::text, "
                          "NULLIF($3, '')::jsonb::text",
                      entry.before_json, entry.after_json, entry.details_json);
  if (head[0].as<std::string>() != "read committed") {
    throw std::logic_error("AppendAudit needs a READ COMMITTED transaction, not " +
                           head[0].as<std::string>());
  }

  CanonicalRow row;
  row.id = head[2].as<std::int64_t>();
  row.at = std::string_view(head[3].c_str(), head[3].size());
  row.kind = KindText(entry.kind);
  row.action = entry.action;
  if (actor.user.value() != 0) row.actor = actor.user.value();
  if (entry.org) row.org = entry.org->value();
  row.entity = entry.entity;
  row.entity_id = entry.entity_id;
  row.before = FieldText(head[4]);
  row.after = FieldText(head[5]);
  row.details = FieldText(head[6]);
  row.request_id = actor.request_id;

  // A tampered last row (a hash of the wrong length) does not stop the product: the new row
  // chains onto whatever is stored, and VerifyAuditChain reports the tampered row.
  const std::string prev_hex = head[1].is_null() ? kZeroHashHex : head[1].as<std::string>();
  const std::string hash_hex = ChainHasher().HashHex(*HexDecode(prev_hex), row);

  tx.exec_params(
      "INSERT INTO audit_log (id, at, kind, action, actor_user_id, org_id, entity, entity_id, "
      "before, after, details, request_id, prev_hash, hash) VALUES ($1, $2::timestamptz, $3, "
      "$4, NULLIF($5, '')::bigint, NULLIF($6, '')::bigint, $7, $8, NULLIF($9, '')::jsonb, "
      "NULLIF($10, '')::jsonb, NULLIF($11, '')::jsonb, $12, decode($13, 'hex'), "
      "decode($14, 'hex'))",
      row.id, std::string(row.at), std::string(row.kind), entry.action,
      row.actor ? std::to_string(*row.actor) : std::string(),
      row.org ? std::to_string(*row.org) : std::string(), entry.entity, entry.entity_id,
      std::string(row.before.value_or("")), std::string(row.after.value_or("")),
      std::string(row.details.value_or("")), actor.request_id, prev_hex, hash_hex);
  return row.id;
}

core::Status ValidateAuditQuery(const AuditQuery& query) {
  if (!query.from_iso.empty() && !ParseTimeBound(query.from_iso)) return BadTime("from");
  if (!query.to_iso.empty() && !ParseTimeBound(query.to_iso)) return BadTime("to");
  if (query.limit < 1 || query.limit > kMaxAuditPage) {
    return core::MakeError("audit.bad_limit", "Бет өлшемі 1-ден 1000-ға дейін болуы керек.",
                           "Размер страницы должен быть от 1 до 1000.",
                           "The page size must be from 1 to 1000.", "limit");
  }
  if (query.after_id < 0) {
    return core::MakeError("audit.bad_after_id", "Беттеу курсоры теріс сан болмауы керек.",
                           "Курсор постраничного вывода не может быть отрицательным.",
                           "The paging cursor must not be negative.", "after_id");
  }
  return core::Status::Ok();
}

std::vector<AuditRecord> QueryAudit(pqxx::dbtransaction& tx, const AuditQuery& query) {
  if (const core::Status valid = ValidateAuditQuery(query); !valid) {
    throw std::invalid_argument("QueryAudit: " + valid.error().code + " " + valid.error().field);
  }
  // The NULL tests fold away: exec_params plans an unnamed statement with the values bound.
  const std::optional<TimeBound> from =
      query.from_iso.empty() ? std::nullopt : ParseTimeBound(query.from_iso);
  const std::optional<TimeBound> to =
      query.to_iso.empty() ? std::nullopt : ParseTimeBound(query.to_iso);
  const pqxx::result rows = tx.exec_params(
      std::string("SELECT ") + kRecordColumns +
          " FROM audit_log WHERE id > $1 "
          "AND (NULLIF($2, '')::bigint IS NULL OR org_id = NULLIF($2, '')::bigint) "
          "AND (NULLIF($3, '')::bigint IS NULL OR actor_user_id = NULLIF($3, '')::bigint) "
          "AND starts_with(action, $4) "
          "AND (NULLIF($5, '')::timestamptz IS NULL OR at >= NULLIF($5, '')::timestamptz) "
          "AND (NULLIF($6, '')::timestamptz IS NULL "
          "     OR at < NULLIF($6, '')::timestamptz + $7::interval) "
          "ORDER BY id LIMIT $8",
      query.after_id, query.org ? std::to_string(query.org->value()) : std::string(),
      query.actor ? std::to_string(query.actor->value()) : std::string(), query.action_prefix,
      from ? from->text : std::string(), to ? to->text : std::string(),
      std::string(to ? to->interval : "0"), query.limit);

  std::vector<AuditRecord> records;
  records.reserve(rows.size());
  for (const auto& row : rows) {
    AuditRecord record;
    record.id = row[0].as<std::int64_t>();
    record.at = row[1].as<std::string>();
    record.kind =
        row[2].as<std::string>() == "security" ? AuditKind::kSecurity : AuditKind::kMutation;
    record.action = row[3].as<std::string>();
    if (!row[4].is_null()) record.actor = core::UserId(row[4].as<std::int64_t>());
    if (!row[5].is_null()) record.org = core::OrgId(row[5].as<std::int64_t>());
    record.entity = row[6].as<std::string>();
    record.entity_id = row[7].as<std::string>();
    record.before_json = row[8].is_null() ? std::string() : row[8].as<std::string>();
    record.after_json = row[9].is_null() ? std::string() : row[9].as<std::string>();
    record.details_json = row[10].is_null() ? std::string() : row[10].as<std::string>();
    record.request_id = row[11].as<std::string>();
    record.hash_hex = row[12].as<std::string>();
    records.push_back(std::move(record));
  }
  return records;
}

core::Result<AuditVerification> VerifyAuditChain(pqxx::dbtransaction& tx,
                                                 const VerifyProgress& progress) {
  AuditVerification verification;
  ChainHasher hasher;
  std::string expected_prev = kZeroHashHex;
  std::int64_t after_id = 0;
  try {
    // An estimate for progress only: rows may be appended while the check runs.
    const std::int64_t total =
        progress ? tx.exec("SELECT count(*) FROM audit_log")[0][0].as<std::int64_t>() : 0;
    for (;;) {
      // Keyset batches rather than one result: constant memory for any length of log. Rows
      // committed between batches can only come after the last one read, because ids are
      // taken under the append lock.
      const pqxx::result rows = tx.exec_params(std::string("SELECT ") + kRecordColumns +
                                                   " FROM audit_log WHERE id > $1 "
                                                   "ORDER BY id LIMIT $2",
                                               after_id, kVerifyBatch);
      for (const auto& row : rows) {
        CanonicalRow canonical;
        canonical.id = row[0].as<std::int64_t>();
        canonical.at = *FieldText(row[1]);
        canonical.kind = *FieldText(row[2]);
        canonical.action = *FieldText(row[3]);
        canonical.actor = FieldNumber(row[4]);
        canonical.org = FieldNumber(row[5]);
        canonical.entity = *FieldText(row[6]);
        canonical.entity_id = *FieldText(row[7]);
        canonical.before = FieldText(row[8]);
        canonical.after = FieldText(row[9]);
        canonical.details = FieldText(row[10]);
        canonical.request_id = *FieldText(row[11]);
        const std::string_view stored_hash = *FieldText(row[12]);
        const std::string_view stored_prev = *FieldText(row[13]);

        // A removed row shows as the next row's prev_hash not matching; an edited row as its
        // own hash not matching; an inserted row as either.
        if (!verification.first_bad_id &&
            (stored_prev != expected_prev ||
             hasher.HashHex(*HexDecode(expected_prev), canonical) != stored_hash)) {
          verification.first_bad_id = canonical.id;
        }
        ++verification.rows_checked;
        expected_prev.assign(stored_hash);
        after_id = canonical.id;
      }
      if (progress &&
          !progress(verification.rows_checked, std::max(total, verification.rows_checked))) {
        return core::MakeError("job.cancelled", "Тексеру тоқтатылды", "Проверка остановлена",
                               "The verification was stopped", "");
      }
      if (rows.size() < static_cast<std::size_t>(kVerifyBatch)) break;
    }
  } catch (const pqxx::sql_error& error) {
    core::Error unreadable = core::MakeError("audit.unreadable", "Аудит журналын оқу мүмкін емес.",
                                             "Журнал аудита не удаётся прочитать.",
                                             "The audit log cannot be read.", "audit_log");
    // pqxx 6.4 does not always fill sqlstate(); the server's message names the cause.
    unreadable.details = error.sqlstate().empty() ? std::string(error.what())
                                                  : error.sqlstate() + ": " + error.what();
    return unreadable;
  }
  return verification;
}

}  // namespace esep::platform
