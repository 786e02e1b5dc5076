// Job storage (migration 0008): the life of a job row — queued, claimed once, progress,
// finished with files or an error — cancel rules, recovery after a crash, purging, and the
// row-level security that lets users see only their own jobs and their institutions' jobs.
#include "esep/platform/jobs.hpp"

#include <pqxx/pqxx>
#include <string>

#include "esep/platform/actor.hpp"
#include "pg_test.hpp"

namespace esep::testing {
namespace {

using platform::JobStatus;

class JobsTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    pqxx::work tx(db());
    org1_ = core::OrgId(tx.exec1("INSERT INTO institutions (bin, name_kk, name_ru, kind, "
                                 "budget_level) VALUES ('260140000015', 'Мектеп', 'Школа', "
                                 "'gu', 3) RETURNING id")[0]
                            .as<std::int64_t>());
    org2_ = core::OrgId(tx.exec1("INSERT INTO institutions (bin, name_kk, name_ru, kind, "
                                 "budget_level) VALUES ('260140000124', 'Мектеп 2', 'Школа 2', "
                                 "'gu', 3) RETURNING id")[0]
                            .as<std::int64_t>());
    for (const char* login : {"one", "two"}) {
      users_.push_back(
          core::UserId(tx.exec_params1("INSERT INTO users (login, full_name, password_hash) "
                                       "VALUES ($1, 'Тест', 'x') RETURNING id",
                                       login)[0]
                           .as<std::int64_t>()));
    }
    tx.commit();
  }

  std::int64_t Queue(std::optional<core::OrgId> org, std::optional<core::UserId> user,
                     const std::string& kind = "test.kind") {
    pqxx::work tx(db());
    const auto id = platform::CreateJob(tx, {org, kind, R"({"a": 1})", user});
    tx.commit();
    return id;
  }

  template <typename F>
  auto AsSystem(F&& f) {
    pqxx::work tx(db());
    platform::ApplyActor(tx, platform::Actor::System("test"));
    auto result = f(tx);
    tx.commit();
    return result;
  }

  core::OrgId org1_, org2_;
  std::vector<core::UserId> users_;
};

TEST_F(JobsTest, AQueuedJobIsClaimedOnceAndFinishesWithItsFiles) {
  const auto id = Queue(org1_, users_[0]);
  const auto claimed = AsSystem([](pqxx::dbtransaction& tx) { return platform::ClaimNextJob(tx); });
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, id);
  EXPECT_EQ(claimed->status, JobStatus::kRunning);
  EXPECT_EQ(claimed->params_json, R"({"a": 1})");
  EXPECT_FALSE(claimed->started_at.empty());
  EXPECT_FALSE(AsSystem([](pqxx::dbtransaction& tx) { return platform::ClaimNextJob(tx); }));

  EXPECT_FALSE(AsSystem(
      [&](pqxx::dbtransaction& tx) { return platform::UpdateJobProgress(tx, id, 5, 10, "half"); }));
  const std::string pdf("%PDF-1.4 \x00\x01 binary", 20);
  AsSystem([&](pqxx::dbtransaction& tx) {
    platform::CompleteJob(tx, id, R"({"rows": 10})",
                          {{"report.pdf", "application/pdf", pdf},
                           {"report.xlsx", "application/vnd.openxmlformats", "PK"}});
    return 0;
  });
  const auto job = AsSystem([&](pqxx::dbtransaction& tx) { return platform::FindJob(tx, id); });
  ASSERT_TRUE(job);
  EXPECT_EQ(job->status, JobStatus::kSucceeded);
  EXPECT_EQ(job->result_json, R"({"rows": 10})");
  EXPECT_EQ(job->progress_done, 10);  // done is raised to the total
  EXPECT_EQ(job->files, (std::vector<std::string>{"report.pdf", "report.xlsx"}));
  const auto file = AsSystem(
      [&](pqxx::dbtransaction& tx) { return platform::ReadJobFile(tx, id, "report.pdf"); });
  ASSERT_TRUE(file);
  EXPECT_EQ(file->content, pdf);  // bytes, NULs included, come back exactly
  EXPECT_EQ(file->content_type, "application/pdf");
  EXPECT_FALSE(
      AsSystem([&](pqxx::dbtransaction& tx) { return platform::ReadJobFile(tx, id, "x.pdf"); }));
}

TEST_F(JobsTest, CancellingAQueuedJobEndsItAndARunningJobIsToldAtItsNextProgress) {
  const auto queued = Queue(org1_, users_[0]);
  const auto running = Queue(org1_, users_[0]);
  AsSystem([&](pqxx::dbtransaction& tx) {
    tx.exec_params("UPDATE jobs SET status = 'running', started_at = now() WHERE id = $1", running);
    return 0;
  });
  ASSERT_TRUE(
      AsSystem([&](pqxx::dbtransaction& tx) { return platform::RequestJobCancel(tx, queued); }));
  ASSERT_TRUE(
      AsSystem([&](pqxx::dbtransaction& tx) { return platform::RequestJobCancel(tx, running); }));
  const auto job = AsSystem([&](pqxx::dbtransaction& tx) { return platform::FindJob(tx, queued); });
  EXPECT_EQ(job->status, JobStatus::kCancelled);
  ASSERT_TRUE(job->error);
  EXPECT_EQ(job->error->code, "job.cancelled");
  EXPECT_FALSE(job->error->message.kk.empty());
  EXPECT_TRUE(AsSystem(
      [&](pqxx::dbtransaction& tx) { return platform::UpdateJobProgress(tx, running, 1, 2, ""); }));
  const auto finished =
      AsSystem([&](pqxx::dbtransaction& tx) { return platform::RequestJobCancel(tx, queued); });
  ASSERT_FALSE(finished);
  EXPECT_EQ(finished.error().code, "job.finished");
  const auto missing =
      AsSystem([&](pqxx::dbtransaction& tx) { return platform::RequestJobCancel(tx, 999999); });
  EXPECT_EQ(missing.error().code, "job.not_found");
}

TEST_F(JobsTest, AJobACrashedServerWasRunningIsMarkedInterruptedAndQueuedOnesStay) {
  const auto running = Queue(org1_, users_[0]);
  const auto queued = Queue(org1_, users_[0]);
  AsSystem([&](pqxx::dbtransaction& tx) { return platform::ClaimNextJob(tx); });
  EXPECT_EQ(AsSystem([](pqxx::dbtransaction& tx) { return platform::FailInterruptedJobs(tx); }), 1);
  const auto job =
      AsSystem([&](pqxx::dbtransaction& tx) { return platform::FindJob(tx, running); });
  EXPECT_EQ(job->status, JobStatus::kFailed);
  EXPECT_EQ(job->error->code, "job.interrupted");
  EXPECT_EQ(
      AsSystem([&](pqxx::dbtransaction& tx) { return platform::FindJob(tx, queued); })->status,
      JobStatus::kQueued);
}

TEST_F(JobsTest, PurgingRemovesOnlyOldFinishedJobsWithTheirFiles) {
  const auto old_job = Queue(org1_, users_[0]);
  const auto fresh = Queue(org1_, users_[0]);
  const auto pending = Queue(org1_, users_[0]);
  AsSystem([&](pqxx::dbtransaction& tx) {
    platform::ClaimNextJob(tx);
    platform::CompleteJob(tx, old_job, "{}", {{"a.pdf", "application/pdf", "x"}});
    platform::ClaimNextJob(tx);
    platform::CompleteJob(tx, fresh, "{}", {});
    tx.exec_params("UPDATE jobs SET finished_at = now() - interval '31 days' WHERE id = $1",
                   old_job);
    return 0;
  });
  EXPECT_EQ(AsSystem([](pqxx::dbtransaction& tx) { return platform::PurgeFinishedJobs(tx, 30); }),
            1);
  EXPECT_FALSE(AsSystem([&](pqxx::dbtransaction& tx) { return platform::FindJob(tx, old_job); }));
  EXPECT_TRUE(AsSystem([&](pqxx::dbtransaction& tx) { return platform::FindJob(tx, fresh); }));
  EXPECT_TRUE(AsSystem([&](pqxx::dbtransaction& tx) { return platform::FindJob(tx, pending); }));
  EXPECT_EQ(AsSystem([](pqxx::dbtransaction& tx) {
              return tx.exec1("SELECT count(*) FROM job_files")[0].as<int>();
            }),
            0);
}

TEST_F(JobsTest, RowLevelSecurityShowsOwnJobsAndVisibleInstitutionsOnly) {
  const auto mine_org2 = Queue(org2_, users_[0]);
  const auto theirs_org1 = Queue(org1_, users_[1]);
  const auto theirs_org2 = Queue(org2_, users_[1]);
  const auto system_job = Queue(std::nullopt, std::nullopt, "maintenance.purge");
  pqxx::work tx(db());
  tx.exec("SET LOCAL ROLE esep_app");
  platform::Actor actor;
  actor.user = users_[0];
  actor.org_scope = {org1_};
  platform::ApplyActor(tx, actor);
  EXPECT_TRUE(platform::FindJob(tx, mine_org2));    // created it
  EXPECT_TRUE(platform::FindJob(tx, theirs_org1));  // its institution is visible
  EXPECT_FALSE(platform::FindJob(tx, theirs_org2));
  EXPECT_FALSE(platform::FindJob(tx, system_job));
  platform::JobQuery query;
  query.created_by = users_[0];
  query.orgs = {org1_};
  EXPECT_EQ(platform::ListJobs(tx, query).size(), 2u);
  // A job for an institution out of scope cannot be queued; one without any, for oneself, can.
  EXPECT_NO_THROW(platform::CreateJob(tx, {std::nullopt, "audit.verify", "{}", users_[0]}));
  EXPECT_THROW(platform::CreateJob(tx, {org2_, "x.y", "{}", users_[0]}), pqxx::sql_error);
}

}  // namespace
}  // namespace esep::testing
