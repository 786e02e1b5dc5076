// Jobs over the API and their push over the events WebSocket: starting, watching progress,
// results, cancelling (queued and running), who may see and cancel whose jobs.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <pqxx/pqxx>
#include <string>
#include <thread>

#include "api_test.hpp"
#include "websocket_client.hpp"

namespace esep::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class JobsApiTest : public ApiTest {
 protected:
  json::object WaitFinished(std::int64_t id, const std::string& token) {
    return WaitForJob(id, token, 60s);
  }

  std::int64_t StartVerify(const std::string& token) {
    const auto reply = Call("POST", "/api/v1/audit/verify", token);
    EXPECT_EQ(reply.status, 202) << reply.body;
    return reply.json().at("id").as_int64();
  }

  // Enough audit rows that verifying them takes a while (40 batches), so a running job can
  // be watched and cancelled. Their hashes are not a chain: verification reports the first.
  void AddManyAuditRows(int rows) {
    pqxx::work tx(db());
    tx.exec(
        "INSERT INTO audit_log (kind, action, prev_hash, hash) "
        "SELECT 'mutation', 'bulk.test', "
        "sha256(g::text::bytea), sha256(('h' || g)::text::bytea) "
        "FROM generate_series(1, " +
        std::to_string(rows) + ") AS g");
    tx.commit();
  }

  std::unique_ptr<WebSocketClient> Events(const std::string& token) {
    auto ws = std::make_unique<WebSocketClient>("127.0.0.1", server_->port(), cert_);
    EXPECT_EQ(ws->Connect("/api/v1/events", token), 101) << ws->refusal_body();
    const auto hello = ws->Read(5s);
    EXPECT_TRUE(hello && hello->find("\"hello\"") != std::string::npos);
    return ws;
  }
};

TEST_F(JobsApiTest, VerifyingTheAuditChainRunsAsAJobWithAResult) {
  const std::int64_t id = StartVerify(admin_token_);
  const json::object job = WaitFinished(id, admin_token_);
  EXPECT_EQ(job.at("status").as_string(), "succeeded");
  EXPECT_EQ(job.at("kind").as_string(), "audit.verify");
  const auto& result = job.at("result").as_object();
  EXPECT_TRUE(result.at("intact").as_bool());
  EXPECT_GT(result.at("rows_checked").as_int64(), 0);
  EXPECT_EQ(job.at("progress").at("done").as_int64(), result.at("rows_checked").as_int64());
  EXPECT_FALSE(job.at("finished_at").is_null());

  const auto list = Call("GET", "/api/v1/jobs", admin_token_);
  ASSERT_EQ(list.status, 200);
  const json::value items = list.json().at("items");
  ASSERT_FALSE(items.as_array().empty());
  EXPECT_EQ(items.as_array()[0].at("id").as_int64(), id);
  EXPECT_EQ(Call("GET", "/api/v1/jobs?status=bogus", admin_token_).status, 400);

  // Starting it was audited with the job's id.
  pqxx::work tx(db());
  EXPECT_EQ(tx.exec_params1("SELECT count(*) FROM audit_log WHERE action = 'job.create' "
                            "AND entity = 'job' AND entity_id = $1",
                            std::to_string(id))[0]
                .as<int>(),
            1);
}

TEST_F(JobsApiTest, ABrokenChainIsReportedByTheJob) {
  AddManyAuditRows(10);
  const json::object job = WaitFinished(StartVerify(admin_token_), admin_token_);
  ASSERT_EQ(job.at("status").as_string(), "succeeded");
  EXPECT_FALSE(job.at("result").at("intact").as_bool());
  EXPECT_TRUE(job.at("result").at("first_bad_id").is_int64());
}

TEST_F(JobsApiTest, TheEventsSocketPushesProgressAndTheResult) {
  AddManyAuditRows(200000);
  auto ws = Events(admin_token_);
  const std::int64_t id = StartVerify(admin_token_);
  bool saw_progress = false;
  std::string final_status;
  for (int i = 0; i < 500 && final_status.empty(); ++i) {
    const auto message = ws->Read(30s);
    ASSERT_TRUE(message) << "no event";
    const json::value event = json::parse(*message);
    ASSERT_EQ(event.at("type").as_string(), "job");
    const auto& job = event.at("job").as_object();
    if (job.at("id").as_int64() != id) continue;
    const std::string status(job.at("status").as_string());
    if (status == "running" && job.at("progress").at("done").as_int64() > 0) {
      saw_progress = true;
      EXPECT_GE(job.at("progress").at("total").as_int64(), 200000);
    }
    if (status != "queued" && status != "running") final_status = status;
  }
  EXPECT_TRUE(saw_progress);
  EXPECT_EQ(final_status, "succeeded");
}

TEST_F(JobsApiTest, ARunningJobStopsWhenCancelled) {
  AddManyAuditRows(400000);
  auto ws = Events(admin_token_);
  const std::int64_t id = StartVerify(admin_token_);
  // Cancel once it is under way.
  for (int i = 0; i < 500; ++i) {
    const auto message = ws->Read(30s);
    ASSERT_TRUE(message);
    const json::value event = json::parse(*message);
    const auto& job = event.at("job").as_object();
    if (job.at("id").as_int64() == id && job.at("progress").at("done").as_int64() > 0) break;
  }
  const auto cancel = Call("POST", "/api/v1/jobs/" + std::to_string(id) + "/cancel", admin_token_);
  ASSERT_EQ(cancel.status, 202) << cancel.body;
  EXPECT_TRUE(cancel.json().at("cancel_requested").as_bool());
  const json::object job = WaitFinished(id, admin_token_);
  EXPECT_EQ(job.at("status").as_string(), "cancelled");
  EXPECT_EQ(job.at("error").at("code").as_string(), "job.cancelled");
  EXPECT_LT(job.at("progress").at("done").as_int64(), job.at("progress").at("total").as_int64());
  // A finished job cannot be cancelled again.
  EXPECT_EQ(Call("POST", "/api/v1/jobs/" + std::to_string(id) + "/cancel", admin_token_).status,
            409);
}

TEST_F(JobsApiTest, OthersJobsAreInvisibleAndCannotBeCancelled) {
  const std::string auditor = SignIn(UserWithRole("aud2", "auditor", school2_), kPassword);
  const std::string stranger = SignIn(UserWithRole("acc2", "accountant", school2_), kPassword);
  AddManyAuditRows(400000);  // long enough to be still running when cancel is tried
  const std::int64_t id = StartVerify(auditor);
  const std::string path = "/api/v1/jobs/" + std::to_string(id);
  EXPECT_EQ(Call("GET", path, stranger).status, 404);
  EXPECT_EQ(Call("POST", path + "/cancel", stranger).status, 404);
  EXPECT_EQ(Call("GET", path + "/files/report.pdf", stranger).status, 404);
  EXPECT_TRUE(Call("GET", "/api/v1/jobs", stranger).json().at("items").as_array().empty());
  // The accountant holds no audit.read: starting a verification is refused.
  EXPECT_EQ(Call("POST", "/api/v1/audit/verify", stranger).status, 403);
  // The creator may cancel their own job.
  EXPECT_EQ(Call("POST", path + "/cancel", auditor).status, 202);
  EXPECT_EQ(WaitFinished(id, auditor).at("status").as_string(), "cancelled");
}

TEST_F(JobsApiTest, TheEventsSocketRefusesMissingAndForgedTokensAndOtherPaths) {
  WebSocketClient none("127.0.0.1", server_->port(), cert_);
  EXPECT_EQ(none.Connect("/api/v1/events", ""), 401);
  EXPECT_NE(none.refusal_body().find("auth.required"), std::string::npos);
  WebSocketClient forged("127.0.0.1", server_->port(), cert_);
  EXPECT_EQ(forged.Connect("/api/v1/events", std::string(43, 'A')), 401);
  WebSocketClient elsewhere("127.0.0.1", server_->port(), cert_);
  EXPECT_EQ(elsewhere.Connect("/api/v1/other", admin_token_), 404);
}

TEST_F(JobsApiTest, EventsReachOnlyThoseWhoMaySeeTheJob) {
  const std::string stranger = SignIn(UserWithRole("acc2", "accountant", school2_), kPassword);
  auto theirs = Events(stranger);
  auto mine = Events(admin_token_);
  const std::int64_t id = StartVerify(admin_token_);
  const auto event = mine->Read(30s);
  ASSERT_TRUE(event);
  EXPECT_EQ(json::parse(*event).at("job").at("id").as_int64(), id);
  WaitFinished(id, admin_token_);
  EXPECT_FALSE(theirs->Read(500ms)) << "a stranger was told about someone else's job";
}

}  // namespace
}  // namespace esep::testing
