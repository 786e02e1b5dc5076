// The audit trail in PostgreSQL: entries read back as written, queries filter and page, the
// hash chain verifies (also under concurrent appends and at a million rows) and reports the
// first changed, removed or forged row; the table refuses UPDATE, DELETE and TRUNCATE.
#include "esep/platform/audit.hpp"

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <pqxx/pqxx>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "esep/core/date.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

using platform::Actor;
using platform::AuditEntry;
using platform::AuditKind;
using platform::AuditQuery;
using platform::AuditRecord;
using platform::AuditVerification;

const std::string kZeroHash(64, '0');

Actor UserActor(std::int64_t user, std::string request_id = "req") {
  Actor actor;
  actor.user = core::UserId(user);
  actor.request_id = std::move(request_id);
  return actor;
}

AuditEntry Entry(std::string action, std::optional<std::int64_t> org = std::nullopt) {
  AuditEntry entry;
  entry.action = std::move(action);
  if (org) entry.org = core::OrgId(*org);
  entry.entity = "institution";
  entry.entity_id = org ? std::to_string(*org) : "";
  entry.after_json = R"({"name": "School 1"})";
  return entry;
}

class AuditTest : public PgTest {
 protected:
  std::int64_t Append(const Actor& actor, const AuditEntry& entry) {
    pqxx::work tx(db());
    const std::int64_t id = platform::AppendAudit(tx, actor, entry);
    tx.commit();
    return id;
  }

  // `count` entries in one transaction; returns their ids.
  std::vector<std::int64_t> AppendMany(int count, const std::string& action = "test.append") {
    std::vector<std::int64_t> ids;
    pqxx::work tx(db());
    for (int i = 0; i < count; ++i) {
      AuditEntry entry = Entry(action, i % 3 + 1);
      entry.details_json = R"({"i": )" + std::to_string(i) + "}";
      ids.push_back(platform::AppendAudit(tx, UserActor(i % 5 + 1), entry));
    }
    tx.commit();
    return ids;
  }

  AuditVerification Verify() {
    pqxx::work tx(db());
    auto verification = platform::VerifyAuditChain(tx);
    EXPECT_TRUE(verification.ok()) << verification.error().details;
    return verification.ok() ? *verification : AuditVerification{};
  }

  std::vector<AuditRecord> Query(const AuditQuery& query) {
    pqxx::work tx(db());
    return platform::QueryAudit(tx, query);
  }

  AuditRecord Record(std::int64_t id) {
    AuditQuery query;
    query.after_id = id - 1;
    query.limit = 1;
    const auto records = Query(query);
    EXPECT_EQ(records.size(), 1u);
    return records.empty() ? AuditRecord{} : records.front();
  }

  // Runs `sql` with the append-only triggers off (as a superuser could), verifies inside the
  // same transaction and rolls it all back, so one chain serves many tampering cases.
  std::optional<std::int64_t> FirstBadAfter(const std::string& sql) {
    pqxx::work tx(db());
    tx.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
    tx.exec(sql);
    auto verification = platform::VerifyAuditChain(tx);
    EXPECT_TRUE(verification.ok());
    return verification.ok() ? verification->first_bad_id : std::nullopt;
  }

  // Same, committed: for cases that need several statements around it.
  void Tamper(const std::string& sql) {
    pqxx::work tx(db());
    tx.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
    tx.exec(sql);
    tx.exec("ALTER TABLE audit_log ENABLE TRIGGER USER");
    tx.commit();
  }

  std::int64_t Count() {
    pqxx::work tx(db());
    return tx.exec1("SELECT count(*) FROM audit_log")[0].as<std::int64_t>();
  }
};

TEST_F(AuditTest, AnEntryReadsBackWithEveryFieldAndItsHash) {
  AuditEntry entry;
  entry.kind = AuditKind::kMutation;
  entry.action = "institution.update";
  entry.org = core::OrgId(3);
  entry.entity = "institution";
  entry.entity_id = "3";
  entry.before_json = R"({"name":"Мектеп", "bin": "123456789012"})";
  entry.after_json = R"({"name": "Мектеп №1",   "bin":"123456789012"})";
  entry.details_json = R"([1, 2.50, null])";
  const std::int64_t id = Append(UserActor(7, "req-42"), entry);

  const AuditRecord record = Record(id);
  EXPECT_EQ(record.id, id);
  EXPECT_TRUE(
      std::regex_match(record.at, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)")))
      << record.at;
  EXPECT_EQ(record.kind, AuditKind::kMutation);
  EXPECT_EQ(record.action, "institution.update");
  EXPECT_EQ(record.actor, core::UserId(7));
  EXPECT_EQ(record.org, core::OrgId(3));
  EXPECT_EQ(record.entity, "institution");
  EXPECT_EQ(record.entity_id, "3");
  // PostgreSQL's jsonb text: keys sorted by length then bytes, one space after ':' and ','.
  EXPECT_EQ(record.before_json, R"({"bin": "123456789012", "name": "Мектеп"})");
  EXPECT_EQ(record.after_json, R"({"bin": "123456789012", "name": "Мектеп №1"})");
  EXPECT_EQ(record.details_json, "[1, 2.50, null]");
  EXPECT_EQ(record.request_id, "req-42");
  EXPECT_EQ(record.hash_hex, platform::AuditRowHashHex(kZeroHash, record));

  AuditEntry security;
  security.kind = AuditKind::kSecurity;
  security.action = "login.failure";
  const AuditRecord second = Record(Append(UserActor(0, "req-43"), security));
  EXPECT_EQ(second.kind, AuditKind::kSecurity);
  EXPECT_EQ(second.before_json, "");
  EXPECT_EQ(second.org, std::nullopt);
  EXPECT_EQ(second.hash_hex, platform::AuditRowHashHex(record.hash_hex, second));
  EXPECT_NE(second.hash_hex, platform::AuditRowHashHex(kZeroHash, second));

  pqxx::work tx(db());
  EXPECT_EQ(
      tx.exec_params1("SELECT encode(prev_hash, 'hex') FROM audit_log WHERE id = $1", second.id)[0]
          .as<std::string>(),
      record.hash_hex);
  EXPECT_EQ(tx.exec_params1("SELECT encode(prev_hash, 'hex') FROM audit_log WHERE id = $1", id)[0]
                .as<std::string>(),
            kZeroHash);
}

TEST_F(AuditTest, TheTimeTextDoesNotDependOnTheSessionTimeZone) {
  const std::int64_t id = Append(UserActor(1), Entry("a.b", 1));
  const std::string at_utc = Record(id).at;
  pqxx::work tx(db());
  tx.exec("SET LOCAL TimeZone = 'Asia/Almaty'");
  AuditQuery query;
  const auto records = platform::QueryAudit(tx, query);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].at, at_utc);
  auto verification = platform::VerifyAuditChain(tx);
  ASSERT_TRUE(verification.ok());
  EXPECT_EQ(verification->first_bad_id, std::nullopt);
}

TEST_F(AuditTest, TheActorIsNullForTheSystemAndTheAnonymous) {
  const std::int64_t system = Append(Actor::System(), Entry("calendar.load"));
  Actor system_for_user = Actor::System("job-1");
  system_for_user.user = core::UserId(5);
  const std::int64_t on_behalf = Append(system_for_user, Entry("session.expire"));
  const std::int64_t anonymous = Append(UserActor(0), Entry("login.failure"));

  EXPECT_EQ(Record(system).actor, std::nullopt);
  EXPECT_EQ(Record(system).request_id, "esep-admin");
  EXPECT_EQ(Record(on_behalf).actor, core::UserId(5));
  EXPECT_EQ(Record(anonymous).actor, std::nullopt);
  pqxx::work tx(db());
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM audit_log WHERE actor_user_id IS NULL")[0].as<int>(), 2);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM audit_log WHERE before IS NULL AND details IS NULL")[0]
                .as<int>(),
            3);
}

TEST_F(AuditTest, BadJsonOrAnEmptyActionIsAProgrammingError) {
  pqxx::work tx(db());
  AuditEntry entry = Entry("x.y");
  entry.before_json = "{name: 1}";
  EXPECT_THROW(platform::AppendAudit(tx, UserActor(1), entry), std::invalid_argument);
  entry = Entry("x.y");
  entry.after_json = R"({"a": 1)";
  EXPECT_THROW(platform::AppendAudit(tx, UserActor(1), entry), std::invalid_argument);
  entry = Entry("x.y");
  entry.details_json = "not json";
  EXPECT_THROW(platform::AppendAudit(tx, UserActor(1), entry), std::invalid_argument);
  entry = Entry("");
  EXPECT_THROW(platform::AppendAudit(tx, UserActor(1), entry), std::invalid_argument);
  // Refused before any SQL: the transaction is still usable and holds nothing.
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM audit_log")[0].as<int>(), 0);
}

TEST_F(AuditTest, AppendingOutsideReadCommittedIsRefused) {
  pqxx::work tx(db());
  tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  EXPECT_THROW(platform::AppendAudit(tx, UserActor(1), Entry("a.b")), std::logic_error);
}

TEST_F(AuditTest, QueriesFilterByOrgActorAndActionPrefix) {
  Append(UserActor(1), Entry("login.success"));
  Append(UserActor(1), Entry("institution.create", 10));
  Append(UserActor(2), Entry("institution.update", 10));
  Append(UserActor(2), Entry("institution.update", 20));
  Append(UserActor(3), Entry("login.failure"));
  Append(UserActor(3), Entry("loginx.other"));

  auto actions = [](const std::vector<AuditRecord>& records) {
    std::vector<std::string> out;
    for (const auto& record : records) out.push_back(record.action);
    return out;
  };
  AuditQuery query;
  EXPECT_EQ(Query(query).size(), 6u);

  query = {};
  query.org = core::OrgId(10);
  EXPECT_EQ(actions(Query(query)),
            (std::vector<std::string>{"institution.create", "institution.update"}));
  query = {};
  query.actor = core::UserId(2);
  EXPECT_EQ(actions(Query(query)),
            (std::vector<std::string>{"institution.update", "institution.update"}));
  query = {};
  query.action_prefix = "login.";
  EXPECT_EQ(actions(Query(query)), (std::vector<std::string>{"login.success", "login.failure"}));
  // LIKE wildcards in the prefix are literal text.
  query.action_prefix = "login%";
  EXPECT_TRUE(Query(query).empty());
  query = {};
  query.org = core::OrgId(10);
  query.actor = core::UserId(2);
  query.action_prefix = "institution.";
  EXPECT_EQ(Query(query).size(), 1u);
  query.org = core::OrgId(99);
  EXPECT_TRUE(Query(query).empty());
}

TEST_F(AuditTest, TimeBoundsAreInclusiveInAnyZoneAndADateCoversItsDay) {
  const std::int64_t first = Append(UserActor(1), Entry("a.first"));
  const std::int64_t second = Append(UserActor(1), Entry("a.second"));
  const std::int64_t third = Append(UserActor(1), Entry("a.third"));
  const std::string at = Record(second).at;
  ASSERT_LT(Record(first).at, at);
  ASSERT_LT(at, Record(third).at);

  auto ids = [&](std::string from, std::string to) {
    AuditQuery query;
    query.from_iso = std::move(from);
    query.to_iso = std::move(to);
    std::vector<std::int64_t> out;
    for (const auto& record : Query(query)) out.push_back(record.id);
    return out;
  };
  EXPECT_EQ(ids(at, ""), (std::vector<std::int64_t>{second, third}));
  EXPECT_EQ(ids("", at), (std::vector<std::int64_t>{first, second}));
  EXPECT_EQ(ids(at, at), (std::vector<std::int64_t>{second}));
  // Without a zone the text is UTC; with one it is converted.
  const std::string no_zone = at.substr(0, at.size() - 1);
  EXPECT_EQ(ids(no_zone, no_zone), (std::vector<std::int64_t>{second}));
  std::string plus_five;
  {
    pqxx::work tx(db());
    plus_five = tx.exec_params1(
                      "SELECT to_char($1::timestamptz AT TIME ZONE 'Etc/GMT-5', "
                      "'YYYY-MM-DD\"T\"HH24:MI:SS.US') || '+05:00'",
                      at)[0]
                    .as<std::string>();
  }
  EXPECT_EQ(ids(plus_five, plus_five), (std::vector<std::int64_t>{second}));
  std::string space_form = no_zone;
  space_form[10] = ' ';
  EXPECT_EQ(ids(space_form, ""), (std::vector<std::int64_t>{second, third}));

  const std::string day = at.substr(0, 10);
  EXPECT_EQ(ids(day, day).size(), 3u) << "a date covers its whole UTC day (unless the test "
                                         "straddled midnight UTC)";
  const auto today = core::Date::Parse(day).value();
  EXPECT_TRUE(ids(today.AddDays(1).ToIso(), "").empty());
  EXPECT_TRUE(ids("", today.AddDays(-1).ToIso()).empty());
}

TEST_F(AuditTest, KeysetPagingWalksEveryRowOnce) {
  const auto appended = AppendMany(25);
  AuditQuery query;
  query.limit = 10;
  std::vector<std::int64_t> seen;
  std::vector<std::size_t> page_sizes;
  for (;;) {
    const auto page = Query(query);
    page_sizes.push_back(page.size());
    if (page.empty()) break;
    for (const auto& record : page) seen.push_back(record.id);
    query.after_id = page.back().id;
  }
  EXPECT_EQ(page_sizes, (std::vector<std::size_t>{10, 10, 5, 0}));
  EXPECT_EQ(seen, appended);
}

TEST_F(AuditTest, ValidateAuditQueryNamesTheBadField) {
  for (const std::string bad :
       {"2026-13-01", "2026-02-30", "26-01-01", "2026-1-01", "2026-01-01T25:00", "2026-01-01T",
        "2026-01-01T10", "2026-01-01T10:60", "2026-01-01T10:00:61", "2026-01-01T10:00:00.",
        "2026-01-01T10:00:00.1234567Z", "2026-01-01T10:00+5", "2026-01-01T10:00+15:00",
        "2026-01-01T10:00:00Zjunk", "2026-01-01x", "yesterday", "1700-01-01"}) {
    AuditQuery query;
    query.from_iso = bad;
    core::Status status = platform::ValidateAuditQuery(query);
    ASSERT_FALSE(status.ok()) << bad;
    EXPECT_EQ(status.error().code, "audit.bad_time");
    EXPECT_EQ(status.error().field, "from");
    EXPECT_FALSE(status.error().message.kk.empty());
    EXPECT_FALSE(status.error().message.ru.empty());
    EXPECT_THROW(Query(query), std::invalid_argument) << bad;
    query.from_iso.clear();
    query.to_iso = bad;
    status = platform::ValidateAuditQuery(query);
    ASSERT_FALSE(status.ok()) << bad;
    EXPECT_EQ(status.error().field, "to");
  }
  for (const std::string good :
       {"2026-01-01", "2026-01-01T10:00", "2026-01-01 10:00:00", "2026-01-01T10:00:00Z",
        "2026-01-01T10:00:00.5+05:00", "2026-01-01T23:59:59.999999-03:30", "2024-02-29"}) {
    AuditQuery query;
    query.from_iso = good;
    query.to_iso = good;
    EXPECT_TRUE(platform::ValidateAuditQuery(query).ok()) << good;
    EXPECT_NO_THROW(Query(query)) << good;  // and PostgreSQL reads it too
  }
  AuditQuery query;
  query.limit = 0;
  EXPECT_EQ(platform::ValidateAuditQuery(query).error().field, "limit");
  query.limit = platform::kMaxAuditPage + 1;
  EXPECT_EQ(platform::ValidateAuditQuery(query).error().code, "audit.bad_limit");
  EXPECT_THROW(Query(query), std::invalid_argument);
  query.limit = platform::kMaxAuditPage;
  EXPECT_TRUE(platform::ValidateAuditQuery(query).ok());
  query.after_id = -1;
  EXPECT_EQ(platform::ValidateAuditQuery(query).error().code, "audit.bad_after_id");
  EXPECT_EQ(platform::ValidateAuditQuery(query).error().field, "after_id");
}

TEST_F(AuditTest, AnEmptyLogVerifies) {
  const AuditVerification verification = Verify();
  EXPECT_EQ(verification.rows_checked, 0);
  EXPECT_EQ(verification.first_bad_id, std::nullopt);
}

TEST_F(AuditTest, AChainOfThousandsOfRowsVerifiesAcrossGaps) {
  AppendMany(1500);
  {
    // A rolled-back append leaves a gap in the ids, not in the chain.
    pqxx::work tx(db());
    platform::AppendAudit(tx, UserActor(1), Entry("rolled.back"));
  }
  AppendMany(1500);
  const AuditVerification verification = Verify();
  EXPECT_EQ(verification.rows_checked, 3000);
  EXPECT_EQ(verification.first_bad_id, std::nullopt);
}

TEST_F(AuditTest, AnEditedRowIsReportedAtItsOwnId) {
  const auto ids = AppendMany(40);
  const std::string where = " WHERE id = " + std::to_string(ids[19]);
  for (const std::string set :
       {"action = 'test.other'", "at = at + interval '1 microsecond'", "kind = 'security'",
        "actor_user_id = 999", "actor_user_id = NULL", "org_id = NULL", "org_id = 77",
        "entity = 'user'", "entity_id = 'x'", "before = '{}'", "after = NULL",
        "details = '{\"i\": 20}'", "request_id = 'forged'", "hash = sha256(hash)",
        "prev_hash = sha256(prev_hash)"}) {
    EXPECT_EQ(FirstBadAfter("UPDATE audit_log SET " + set + where), ids[19]) << set;
  }
  EXPECT_EQ(FirstBadAfter("SELECT 1"), std::nullopt);
  EXPECT_EQ(FirstBadAfter("UPDATE audit_log SET action = 'x' WHERE id = " + std::to_string(ids[0])),
            ids[0]);
  EXPECT_EQ(
      FirstBadAfter("UPDATE audit_log SET action = 'x' WHERE id = " + std::to_string(ids[39])),
      ids[39]);
}

TEST_F(AuditTest, ARemovedRowIsReportedAtTheRowAfterIt) {
  const auto ids = AppendMany(40);
  EXPECT_EQ(FirstBadAfter("DELETE FROM audit_log WHERE id = " + std::to_string(ids[19])), ids[20]);
  EXPECT_EQ(FirstBadAfter("DELETE FROM audit_log WHERE id = " + std::to_string(ids[0])), ids[1]);
  EXPECT_EQ(FirstBadAfter("DELETE FROM audit_log WHERE id BETWEEN " + std::to_string(ids[5]) +
                          " AND " + std::to_string(ids[9])),
            ids[10]);

  // Committed, then verified from a fresh transaction as esep-admin would.
  Tamper("DELETE FROM audit_log WHERE id = " + std::to_string(ids[19]));
  const AuditVerification verification = Verify();
  EXPECT_EQ(verification.first_bad_id, ids[20]);
  EXPECT_EQ(verification.rows_checked, 39);
}

TEST_F(AuditTest, AForgedRowIsReported) {
  const auto head = AppendMany(10);
  std::int64_t gap = 0;
  {
    pqxx::work tx(db());
    gap = platform::AppendAudit(tx, UserActor(1), Entry("rolled.back"));
  }
  const auto tail = AppendMany(10);
  ASSERT_EQ(gap, head.back() + 1);
  ASSERT_EQ(tail.front(), gap + 1);
  const AuditRecord before_gap = Record(head.back());

  const std::string insert =
      "INSERT INTO audit_log (id, at, kind, action, prev_hash, hash) VALUES (" +
      std::to_string(gap) + ", '2026-01-01T00:00:00Z', 'mutation', 'forged', decode('" +
      before_gap.hash_hex + "', 'hex'), ";
  // A made-up hash is caught at the forged row itself.
  EXPECT_EQ(FirstBadAfter(insert + "sha256('x'))"), gap);

  // A forger who computes the hash right is still caught: the next row's link breaks.
  AuditRecord forged;
  forged.id = gap;
  forged.at = "2026-01-01T00:00:00.000000Z";
  forged.action = "forged";
  const std::string forged_hash = platform::AuditRowHashHex(before_gap.hash_hex, forged);
  EXPECT_EQ(FirstBadAfter(insert + "decode('" + forged_hash + "', 'hex'))"), tail.front());
  {
    // The forged row really does hash right: dropping the row after it leaves only the
    // second link broken.
    pqxx::work tx(db());
    tx.exec("ALTER TABLE audit_log DISABLE TRIGGER USER");
    tx.exec(insert + "decode('" + forged_hash + "', 'hex'))");
    tx.exec("DELETE FROM audit_log WHERE id = " + std::to_string(tail.front()));
    EXPECT_EQ(platform::VerifyAuditChain(tx)->first_bad_id, tail[1]);
  }

  // Appended at the end with a hash of the wrong length.
  const AuditRecord last = Record(tail.back());
  EXPECT_EQ(FirstBadAfter("INSERT INTO audit_log (id, kind, action, prev_hash, hash) VALUES (" +
                          std::to_string(tail.back() + 100) + ", 'security', 'forged', decode('" +
                          last.hash_hex + "', 'hex'), '\\x01')"),
            tail.back() + 100);
}

TEST_F(AuditTest, AppendingAfterATamperedHeadKeepsWorking) {
  AppendMany(3);
  Tamper(
      "INSERT INTO audit_log (kind, action, prev_hash, hash) VALUES "
      "('security', 'forged', '\\x00', '\\x0102')");
  const std::int64_t id = Append(UserActor(1), Entry("after.tamper"));
  const AuditVerification verification = Verify();
  EXPECT_EQ(verification.rows_checked, 5);
  EXPECT_EQ(verification.first_bad_id, id - 1);
  pqxx::work tx(db());
  EXPECT_EQ(tx.exec_params1("SELECT encode(prev_hash, 'hex') FROM audit_log WHERE id = $1", id)[0]
                .as<std::string>(),
            "0102");
}

TEST_F(AuditTest, TheTableRefusesUpdateDeleteAndTruncate) {
  const std::int64_t id = Append(UserActor(1), Entry("a.b"));
  for (const std::string sql :
       {"UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"}) {
    pqxx::work tx(db());
    EXPECT_THROW(tx.exec(sql), pqxx::insufficient_privilege) << sql;
  }
  EXPECT_EQ(Record(id).action, "a.b");
  EXPECT_EQ(Count(), 1);
}

TEST_F(AuditTest, ConcurrentAppendsFormOneLinearChain) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 200;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        pqxx::connection connection(dsn());
        for (int i = 0; i < kPerThread; ++i) {
          pqxx::work tx(connection);
          AuditEntry entry = Entry("thread." + std::to_string(t), t + 1);
          entry.details_json = "{\"i\": " + std::to_string(i) + "}";
          platform::AppendAudit(tx, UserActor(t + 1), entry);
          tx.commit();
        }
      } catch (const std::exception& error) {
        ++failures;
        std::cerr << "thread " << t << ": " << error.what() << "\n";
      }
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(failures.load(), 0);
  EXPECT_EQ(Count(), kThreads * kPerThread);
  const AuditVerification verification = Verify();
  EXPECT_EQ(verification.rows_checked, kThreads * kPerThread);
  EXPECT_EQ(verification.first_bad_id, std::nullopt);
  pqxx::work tx(db());
  // Linear: every row but the first has a distinct predecessor, and `at` never goes back.
  EXPECT_EQ(tx.exec1("SELECT count(DISTINCT prev_hash) FROM audit_log")[0].as<int>(),
            kThreads * kPerThread);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM (SELECT at < lag(at) OVER (ORDER BY id) AS back "
                     "FROM audit_log) t WHERE back")[0]
                .as<int>(),
            0);
}

TEST_F(AuditTest, AnUnreadableLogIsAnErrorValue) {
  pqxx::work tx(db());
  const std::string role = "audit_nobody_" + database_;
  tx.exec("CREATE ROLE " + tx.quote_name(role));
  tx.exec("SET LOCAL ROLE " + tx.quote_name(role));
  auto verification = platform::VerifyAuditChain(tx);
  ASSERT_FALSE(verification.ok());
  EXPECT_EQ(verification.error().code, "audit.unreadable");
  EXPECT_EQ(verification.error().field, "audit_log");
  EXPECT_NE(verification.error().details.find("audit_log"), std::string::npos)
      << verification.error().details;
  EXPECT_FALSE(verification.error().message.kk.empty());
}

TEST_F(AuditTest, AuditRowHashHexRefusesABadPreviousHash) {
  AuditRecord row;
  EXPECT_THROW(platform::AuditRowHashHex("00", row), std::invalid_argument);
  EXPECT_THROW(platform::AuditRowHashHex(std::string(64, 'g'), row), std::invalid_argument);
  EXPECT_EQ(platform::AuditRowHashHex(std::string(64, '0'), row),
            platform::AuditRowHashHex(std::string(64, '0'), row));
  // NULL and the empty text differ; so do fields whose bytes merely move between columns.
  AuditRecord a, b;
  a.entity = "ab";
  b.entity = "a";
  b.entity_id = "b";
  EXPECT_NE(platform::AuditRowHashHex(kZeroHash, a), platform::AuditRowHashHex(kZeroHash, b));
  // Even when the moved bytes look like a field separator: only the length prefix tells
  // these apart.
  a.entity = std::string("a\x01", 2) + "b";
  a.entity_id = "";
  b.entity = "a";
  b.entity_id = std::string("b\x01", 2);
  EXPECT_NE(platform::AuditRowHashHex(kZeroHash, a), platform::AuditRowHashHex(kZeroHash, b));
  AuditRecord with_actor;
  with_actor.actor = core::UserId(0);
  EXPECT_NE(platform::AuditRowHashHex(kZeroHash, with_actor),
            platform::AuditRowHashHex(kZeroHash, row));
}

long MaxRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Timings are printed for the record, not asserted: machines differ.
TEST_F(AuditTest, TenThousandAppendsInOneTransactionThenVerify) {
  auto start = std::chrono::steady_clock::now();
  AppendMany(10000);
  const double append_seconds = SecondsSince(start);
  start = std::chrono::steady_clock::now();
  const AuditVerification verification = Verify();
  const double verify_seconds = SecondsSince(start);
  std::cout << "[ timing ] 10000 AppendAudit in one transaction: " << append_seconds
            << " s; VerifyAuditChain over them: " << verify_seconds << " s\n";
  EXPECT_EQ(verification.rows_checked, 10000);
  EXPECT_EQ(verification.first_bad_id, std::nullopt);
}

// A long log, bulk-loaded with hashes from AuditRowHashHex (appending row by row would take
// minutes), verifies in constant memory. 200,000 rows keep the suite quick; set
// ESEP_AUDIT_VERIFY_ROWS=1000000 to measure the million the design is sized for.
std::int64_t LongLogRows() {
  const char* rows = std::getenv("ESEP_AUDIT_VERIFY_ROWS");
  return rows != nullptr ? std::stoll(rows) : 200'000;
}

TEST_F(AuditTest, ALongLogVerifiesInConstantMemory) {
  const std::int64_t row_count = LongLogRows();
  ASSERT_GT(row_count, 1000);
  auto start = std::chrono::steady_clock::now();
  {
    pqxx::work tx(db());
    pqxx::stream_to stream(
        tx, "audit_log",
        std::vector<std::string>{"id", "at", "kind", "action", "actor_user_id", "org_id", "entity",
                                 "entity_id", "before", "after", "details", "request_id",
                                 "prev_hash", "hash"});
    std::string prev = kZeroHash;
    AuditRecord row;
    row.kind = AuditKind::kMutation;
    row.action = "bulk.load";
    row.entity = "employee";
    row.request_id = "bulk";
    row.before_json = R"({"salary": 100000})";
    row.after_json = R"({"salary": 120000})";
    char at[40];
    for (std::int64_t id = 1; id <= row_count; ++id) {
      row.id = id;
      std::snprintf(at, sizeof at, "2026-01-01T00:%02d:%02d.%06dZ",
                    static_cast<int>(id / 60'000'000), static_cast<int>(id / 1'000'000 % 60),
                    static_cast<int>(id % 1'000'000));
      row.at = at;
      row.actor = core::UserId(id % 7 + 1);
      row.org = core::OrgId(id % 3 + 1);
      row.entity_id = std::to_string(id);
      row.details_json = "{\"n\": " + std::to_string(id) + "}";
      const std::string hash = platform::AuditRowHashHex(prev, row);
      stream << std::make_tuple(id, row.at, std::string("mutation"), row.action, row.actor->value(),
                                row.org->value(), row.entity, row.entity_id, row.before_json,
                                row.after_json, row.details_json, row.request_id, "\\x" + prev,
                                "\\x" + hash);
      prev = hash;
    }
    stream.complete();
    tx.exec("SELECT setval('audit_log_id_seq', " + std::to_string(row_count) + ")");
    tx.commit();
  }
  const double load_seconds = SecondsSince(start);
  const long rss_before = MaxRssKb();
  start = std::chrono::steady_clock::now();
  AuditVerification verification = Verify();
  const double verify_seconds = SecondsSince(start);
  const long rss_after = MaxRssKb();
  std::cout << "[ timing ] " << row_count << " rows: bulk load " << load_seconds
            << " s; VerifyAuditChain " << verify_seconds << " s; peak RSS " << rss_before << " -> "
            << rss_after << " KiB\n";
  EXPECT_EQ(verification.rows_checked, row_count);
  EXPECT_EQ(verification.first_bad_id, std::nullopt);
  // Memory stays bounded by one batch, not by the log (one result of 200,000 rows would
  // take about 100 MB).
  EXPECT_LT(rss_after - rss_before, 32 * 1024);

  // The product appends onto the bulk-loaded chain, and one edit deep inside is found.
  EXPECT_EQ(Append(UserActor(1), Entry("after.bulk")), row_count + 1);
  const std::int64_t deep = row_count * 3 / 4 + 1;
  EXPECT_EQ(FirstBadAfter("UPDATE audit_log SET details = '{\"n\": 0}' WHERE id = " +
                          std::to_string(deep)),
            deep);
}

}  // namespace
}  // namespace esep::testing
