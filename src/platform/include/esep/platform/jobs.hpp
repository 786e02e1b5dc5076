#pragma once
/// @file
/// Job storage (tables jobs and job_files, migration 0008): create, claim, report progress,
/// finish, cancel, list and read. The runner that executes jobs lives in the server; this
/// file only knows rows, so any process (a second server, esep-admin) sees the same truth.

#include <cstdint>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <vector>

#include "esep/core/error.hpp"
#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"

namespace esep::platform {

enum class JobStatus { kQueued, kRunning, kSucceeded, kFailed, kCancelled };

std::string_view JobStatusName(JobStatus status);
std::optional<JobStatus> ParseJobStatus(std::string_view name);
inline bool IsFinished(JobStatus s) {
  return s == JobStatus::kSucceeded || s == JobStatus::kFailed || s == JobStatus::kCancelled;
}

struct Job {
  std::int64_t id = 0;
  std::optional<core::OrgId> org;  ///< none for system jobs
  std::string kind;
  std::string params_json = "{}";
  JobStatus status = JobStatus::kQueued;
  std::int64_t progress_done = 0;
  std::int64_t progress_total = 0;  ///< 0 while unknown
  std::string progress_message;
  bool cancel_requested = false;
  std::string result_json;  ///< empty until succeeded
  std::optional<core::Error> error;
  std::optional<core::UserId> created_by;
  std::string created_at, started_at, finished_at;  ///< ISO 8601 UTC; empty when not yet
  std::vector<std::string> files;                   ///< names of the produced files
};

struct NewJob {
  std::optional<core::OrgId> org;
  std::string kind;
  std::string params_json = "{}";
  std::optional<core::UserId> created_by;
};

/// Queues a job; returns its id. The caller's transaction decides: a job whose request
/// fails is never queued.
std::int64_t CreateJob(pqxx::dbtransaction& tx, const NewJob& job);

/// Takes the oldest queued job and marks it running; nullopt when none. Safe against other
/// claimers (FOR UPDATE SKIP LOCKED).
std::optional<Job> ClaimNextJob(pqxx::dbtransaction& tx);

/// Records progress; returns whether cancelling was requested meanwhile.
bool UpdateJobProgress(pqxx::dbtransaction& tx, std::int64_t id, std::int64_t done,
                       std::int64_t total, const std::string& message);

struct JobFile {
  std::string name;  ///< "report.pdf"
  std::string content_type;
  std::string content;
};

/// Ends a running job as succeeded with its result and files.
void CompleteJob(pqxx::dbtransaction& tx, std::int64_t id, const std::string& result_json,
                 const std::vector<JobFile>& files);
/// Ends a job as failed (or cancelled when `cancelled`), with the error users see.
void FailJob(pqxx::dbtransaction& tx, std::int64_t id, const core::Error& error, bool cancelled);

/// Asks a job to stop. A queued job is cancelled at once; a running one when its code next
/// reports progress. Errors: "job.not_found" (404), "job.finished" (409).
core::Status RequestJobCancel(pqxx::dbtransaction& tx, std::int64_t id);

/// Jobs left running by a server that died: marked failed ("job.interrupted"); queued ones
/// stay queued and run. Returns how many failed. Call once at start-up, before any runner
/// claims jobs (one server process per database).
std::int64_t FailInterruptedJobs(pqxx::dbtransaction& tx);

std::optional<Job> FindJob(pqxx::dbtransaction& tx, std::int64_t id);

struct JobQuery {
  std::optional<core::UserId> created_by;  ///< only this user's jobs...
  std::vector<core::OrgId> orgs;           ///< ...or (OR) jobs of these institutions
  std::optional<JobStatus> status;
  std::int64_t before_id = 0;  ///< keyset paging, newest first; 0 = from the newest
  int limit = 50;
};
/// Newest first.
std::vector<Job> ListJobs(pqxx::dbtransaction& tx, const JobQuery& query);

std::optional<JobFile> ReadJobFile(pqxx::dbtransaction& tx, std::int64_t job_id,
                                   const std::string& name);

/// Deletes finished jobs (and their files) older than `days`; returns how many.
std::int64_t PurgeFinishedJobs(pqxx::dbtransaction& tx, int days);

}  // namespace esep::platform
