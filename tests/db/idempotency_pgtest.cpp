// Idempotency keys in PostgreSQL: a repeated key returns the first response and writes
// nothing, a key reused for another request is refused, two concurrent identical requests
// mutate once, and a rolled-back first request leaves the key free.
#include "esep/platform/idempotency.hpp"

#include <chrono>
#include <functional>
#include <future>
#include <latch>
#include <ostream>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "pg_test.hpp"

namespace esep::platform {
// Readable failure messages.
void PrintTo(const StoredResponse& response, std::ostream* out) {
  *out << response.status << " " << response.body;
}
}  // namespace esep::platform

namespace esep::testing {
namespace {

using platform::StoredResponse;

const core::UserId kUser(7);

// What one request ended with.
struct Outcome {
  bool performed = false;                  // it ran the mutation
  std::optional<StoredResponse> replayed;  // it got the first request's response
  std::string error;                       // the error code BeginIdempotent returned
};

class IdempotencyTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    pqxx::work tx(db());
    tx.exec("CREATE TABLE test_mutations (id serial PRIMARY KEY, key text NOT NULL)");
    tx.commit();
  }

  // One mutating request as the server runs it: begin, then either return the stored
  // response or mutate and record in the same transaction. `before_end` runs just before
  // commit (or rollback when `commit` is false). An exception becomes the outcome's error,
  // so that a request failing in a thread fails the test instead of ending the process.
  static Outcome Run(pqxx::connection& connection, core::UserId user, const std::string& key,
                     const std::string& fingerprint, const std::string& body = "{\"id\": 1}",
                     const std::function<void()>& before_end = {}, bool commit = true) {
    try {
      return RunUnguarded(connection, user, key, fingerprint, body, before_end, commit);
    } catch (const std::exception& error) {
      return Outcome{false, std::nullopt, std::string("exception: ") + error.what()};
    }
  }

  static Outcome RunUnguarded(pqxx::connection& connection, core::UserId user,
                              const std::string& key, const std::string& fingerprint,
                              const std::string& body, const std::function<void()>& before_end,
                              bool commit) {
    pqxx::work tx(connection);
    auto begun = platform::BeginIdempotent(tx, user, key, fingerprint);
    if (!begun.ok()) return Outcome{false, std::nullopt, begun.error().code};
    if (*begun) {
      tx.commit();
      return Outcome{false, *begun, ""};
    }
    tx.exec_params("INSERT INTO test_mutations (key) VALUES ($1)", key);
    platform::RecordIdempotent(tx, user, key, fingerprint, StoredResponse{201, body});
    if (before_end) before_end();
    if (commit) tx.commit();
    return Outcome{true, std::nullopt, ""};
  }

  int Mutations(const std::string& key) {
    pqxx::work tx(db());
    return tx.exec_params1("SELECT count(*) FROM test_mutations WHERE key = $1", key)[0].as<int>();
  }

  // Blocks until some session waits for an advisory lock (the second request in Begin).
  void WaitForALockWaiter() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      pqxx::work tx(db());
      if (tx.exec1("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")[0]
              .as<int>() > 0) {
        return;
      }
      tx.commit();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    FAIL() << "nobody waited for the idempotency lock";
  }

  const std::string fingerprint_ = platform::RequestFingerprint("POST", "/api/v1/orgs", "{}");
};

TEST_F(IdempotencyTest, ARepeatGetsTheFirstResponseAndWritesNothing) {
  const Outcome first = Run(db(), kUser, "key-1", fingerprint_, "{\"id\": 41}");
  EXPECT_TRUE(first.performed);
  const Outcome repeat = Run(db(), kUser, "key-1", fingerprint_, "{\"id\": 42}");
  EXPECT_FALSE(repeat.performed);
  ASSERT_TRUE(repeat.replayed);
  EXPECT_EQ(*repeat.replayed, (StoredResponse{201, "{\"id\": 41}"}));
  EXPECT_EQ(Mutations("key-1"), 1);
}

TEST_F(IdempotencyTest, AKeyReusedForAnotherRequestIsRefused) {
  ASSERT_TRUE(Run(db(), kUser, "key-1", fingerprint_).performed);
  pqxx::work tx(db());
  auto other = platform::BeginIdempotent(
      tx, kUser, "key-1", platform::RequestFingerprint("POST", "/api/v1/orgs", "{\"a\": 1}"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, "idempotency.key_reused");
  EXPECT_EQ(other.error().field, "Idempotency-Key");
  EXPECT_FALSE(other.error().message.kk.empty());
  EXPECT_FALSE(other.error().message.ru.empty());
  EXPECT_FALSE(other.error().message.en.empty());
}

TEST_F(IdempotencyTest, KeysBelongToTheirUser) {
  ASSERT_TRUE(Run(db(), kUser, "shared", fingerprint_).performed);
  EXPECT_TRUE(Run(db(), core::UserId(8), "shared", fingerprint_).performed);
  EXPECT_EQ(Mutations("shared"), 2);
}

TEST_F(IdempotencyTest, MalformedKeysAreRefusedWithTheHeaderAsField) {
  for (const std::string& bad :
       {std::string(), std::string(201, 'k'), std::string("tab\there"), std::string("ключ"),
        std::string("del\x7f"), std::string("nul\0x", 5)}) {
    pqxx::work tx(db());
    auto begun = platform::BeginIdempotent(tx, kUser, bad, fingerprint_);
    ASSERT_FALSE(begun.ok()) << bad;
    EXPECT_EQ(begun.error().code, "idempotency.key_invalid");
    EXPECT_EQ(begun.error().field, "Idempotency-Key");
    EXPECT_FALSE(begun.error().message.kk.empty());
    EXPECT_THROW(platform::RecordIdempotent(tx, kUser, bad, fingerprint_, StoredResponse{200, ""}),
                 std::invalid_argument);
  }
  for (const std::string& good :
       {std::string(200, 'k'), std::string("a"), std::string("with space ~!@#$%^&*()"),
        std::string("550e8400-e29b-41d4-a716-446655440000")}) {
    EXPECT_TRUE(platform::ValidateIdempotencyKey(good).ok()) << good;
    EXPECT_TRUE(Run(db(), kUser, good, fingerprint_).performed) << good;
  }
}

TEST_F(IdempotencyTest, TheFingerprintCoversMethodTargetAndBody) {
  const std::string base = platform::RequestFingerprint("POST", "/a", "b");
  EXPECT_EQ(base.size(), 64u);
  EXPECT_EQ(base.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(base, platform::RequestFingerprint("POST", "/a", "b"));
  EXPECT_NE(base, platform::RequestFingerprint("PUT", "/a", "b"));
  EXPECT_NE(base, platform::RequestFingerprint("POST", "/b", "b"));
  EXPECT_NE(base, platform::RequestFingerprint("POST", "/a", "c"));
  // Bytes moved from one part to the next make another request.
  EXPECT_NE(platform::RequestFingerprint("POST", "/ab", ""),
            platform::RequestFingerprint("POST", "/a", "b"));
  EXPECT_NE(platform::RequestFingerprint("POST", "1:x", ""),
            platform::RequestFingerprint("POST", "", "x"));
}

TEST_F(IdempotencyTest, MisuseByTheCallerThrows) {
  pqxx::work tx(db());
  EXPECT_THROW(platform::BeginIdempotent(tx, kUser, "k", "abc"), std::invalid_argument);
  EXPECT_THROW(platform::BeginIdempotent(tx, kUser, "k", std::string(64, 'G')),
               std::invalid_argument);
  EXPECT_THROW(platform::RecordIdempotent(tx, kUser, "k", "abc", StoredResponse{200, ""}),
               std::invalid_argument);
  EXPECT_THROW(platform::RecordIdempotent(tx, kUser, "k", fingerprint_, StoredResponse{99, ""}),
               std::invalid_argument);
  EXPECT_THROW(platform::RecordIdempotent(tx, kUser, "k", fingerprint_, StoredResponse{600, ""}),
               std::invalid_argument);
  EXPECT_THROW(platform::PurgeIdempotencyKeys(tx, std::chrono::hours(-1)), std::invalid_argument);
  EXPECT_EQ(tx.exec1("SELECT count(*) FROM idempotency_keys")[0].as<int>(), 0);
}

TEST_F(IdempotencyTest, ARolledBackRequestLeavesTheKeyFree) {
  const Outcome rolled_back = Run(db(), kUser, "key-1", fingerprint_, "{}", {}, false);
  EXPECT_TRUE(rolled_back.performed);
  EXPECT_EQ(Mutations("key-1"), 0);
  const Outcome retry = Run(db(), kUser, "key-1", fingerprint_, "{\"id\": 2}");
  EXPECT_TRUE(retry.performed);
  EXPECT_EQ(Mutations("key-1"), 1);
  EXPECT_EQ(Run(db(), kUser, "key-1", fingerprint_).replayed, (StoredResponse{201, "{\"id\": 2}"}));
}

TEST_F(IdempotencyTest, AConcurrentRepeatWaitsAndGetsTheStoredResponse) {
  std::promise<void> first_holds_the_key;
  std::promise<void> second_is_waiting;
  std::future<void> may_commit = second_is_waiting.get_future();
  Outcome first_outcome, second_outcome;
  std::thread first([&] {
    pqxx::connection connection(dsn());
    first_outcome = Run(connection, kUser, "key-1", fingerprint_, "{\"id\": 1}", [&] {
      first_holds_the_key.set_value();
      may_commit.wait();
    });
  });
  first_holds_the_key.get_future().wait();
  std::thread second([&] {
    pqxx::connection connection(dsn());
    second_outcome = Run(connection, kUser, "key-1", fingerprint_, "{\"id\": 2}");
  });
  WaitForALockWaiter();
  second_is_waiting.set_value();
  first.join();
  second.join();

  EXPECT_EQ(first_outcome.error, "");
  EXPECT_EQ(second_outcome.error, "");
  EXPECT_TRUE(first_outcome.performed);
  EXPECT_FALSE(second_outcome.performed);
  EXPECT_EQ(second_outcome.replayed, (StoredResponse{201, "{\"id\": 1}"}));
  EXPECT_EQ(Mutations("key-1"), 1);
}

TEST_F(IdempotencyTest, AConcurrentRepeatProceedsWhenTheFirstRollsBack) {
  std::promise<void> first_holds_the_key;
  std::promise<void> second_is_waiting;
  std::future<void> may_end = second_is_waiting.get_future();
  Outcome first_outcome, second_outcome;
  std::thread first([&] {
    pqxx::connection connection(dsn());
    first_outcome = Run(
        connection, kUser, "key-1", fingerprint_, "{\"id\": 1}",
        [&] {
          first_holds_the_key.set_value();
          may_end.wait();
        },
        false);
  });
  first_holds_the_key.get_future().wait();
  std::thread second([&] {
    pqxx::connection connection(dsn());
    second_outcome = Run(connection, kUser, "key-1", fingerprint_, "{\"id\": 2}");
  });
  WaitForALockWaiter();
  second_is_waiting.set_value();
  first.join();
  second.join();

  EXPECT_EQ(second_outcome.error, "");
  EXPECT_TRUE(second_outcome.performed);
  EXPECT_EQ(Mutations("key-1"), 1);
  EXPECT_EQ(Run(db(), kUser, "key-1", fingerprint_).replayed, (StoredResponse{201, "{\"id\": 2}"}));
}

TEST_F(IdempotencyTest, RacingIdenticalRequestsMutateExactlyOnce) {
  constexpr int kRounds = 20;
  constexpr int kThreads = 4;
  std::vector<std::unique_ptr<pqxx::connection>> connections;
  for (int t = 0; t < kThreads; ++t) {
    connections.push_back(std::make_unique<pqxx::connection>(dsn()));
  }
  for (int round = 0; round < kRounds; ++round) {
    const std::string key = "race-" + std::to_string(round);
    std::latch start(kThreads);
    std::vector<Outcome> outcomes(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        outcomes[static_cast<std::size_t>(t)] =
            Run(*connections[static_cast<std::size_t>(t)], kUser, key, fingerprint_,
                "{\"by\": " + std::to_string(t) + "}");
      });
    }
    for (auto& thread : threads) thread.join();
    int performed = 0;
    std::optional<int> winner;
    for (int t = 0; t < kThreads; ++t) {
      const auto& outcome = outcomes[static_cast<std::size_t>(t)];
      EXPECT_EQ(outcome.error, "") << key;
      if (outcome.performed) {
        ++performed;
        winner = t;
      }
    }
    ASSERT_EQ(performed, 1) << key;
    for (int t = 0; t < kThreads; ++t) {
      if (t == *winner) continue;
      EXPECT_EQ(outcomes[static_cast<std::size_t>(t)].replayed,
                (StoredResponse{201, "{\"by\": " + std::to_string(*winner) + "}"}))
          << key;
    }
    EXPECT_EQ(Mutations(key), 1) << key;
  }
}

TEST_F(IdempotencyTest, PurgingOldKeysMakesThemNewAgain) {
  ASSERT_TRUE(Run(db(), kUser, "old-1", fingerprint_).performed);
  ASSERT_TRUE(Run(db(), kUser, "old-2", fingerprint_).performed);
  ASSERT_TRUE(Run(db(), kUser, "fresh", fingerprint_).performed);
  {
    pqxx::work tx(db());
    tx.exec(
        "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' "
        "WHERE key LIKE 'old-%'");
    tx.commit();
  }
  {
    pqxx::work tx(db());
    EXPECT_EQ(platform::PurgeIdempotencyKeys(tx, std::chrono::hours(24)), 2);
    EXPECT_EQ(platform::PurgeIdempotencyKeys(tx, std::chrono::hours(24)), 0);
    tx.commit();
  }
  EXPECT_TRUE(Run(db(), kUser, "old-1", fingerprint_).performed);
  EXPECT_TRUE(Run(db(), kUser, "fresh", fingerprint_).replayed.has_value());
  pqxx::work tx(db());
  EXPECT_EQ(platform::PurgeIdempotencyKeys(tx, std::chrono::hours(0)), 2);
}

}  // namespace
}  // namespace esep::testing
