#pragma once
/// @file
/// Runs jobs in the background: worker threads claim queued jobs (platform/jobs), run the
/// code registered for their kind, record progress, honour cancel requests and store the
/// result; every change of state is pushed to the clients that may see the job.

#include <atomic>
#include <boost/json/object.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/db/connection_pool.hpp"
#include "esep/platform/actor.hpp"
#include "esep/platform/jobs.hpp"
#include "esep/server/event_hub.hpp"

namespace esep::server {

class JobRunner;

/// What a job's code gets while it runs.
class JobContext {
 public:
  JobContext(JobRunner& runner, platform::Job job, platform::Actor actor,
             boost::json::object params);

  const platform::Job& job() const { return job_; }
  const boost::json::object& params() const { return params_; }
  /// The job's creator, limited to the institutions where they hold the kind's permission
  /// now (rights withdrawn after queueing count); the system for system jobs. Bind it to
  /// every transaction the job opens (platform::ApplyActor).
  const platform::Actor& actor() const { return actor_; }
  db::ConnectionPool& pool();

  /// Records progress (written and pushed at most every 200 ms, and always when done ==
  /// total). Returns false once the job has to stop: cancelled by a user or the server is
  /// shutting down. Code that sees false returns JobCancelled() promptly.
  bool Progress(std::int64_t done, std::int64_t total, const std::string& message = {});
  bool ShouldStop() const;

 private:
  JobRunner& runner_;
  platform::Job job_;
  platform::Actor actor_;
  boost::json::object params_;
  std::chrono::steady_clock::time_point last_write_{};
};

/// What a job leaves behind: a JSON result and files (a report's PDF and XLSX).
struct JobOutput {
  std::string result_json = "{}";
  std::vector<platform::JobFile> files;
};

/// The error a job's code returns when Progress() said stop.
core::Error JobCancelled();

struct JobKind {
  std::string name;        ///< "audit.verify"
  std::string permission;  ///< what the creator must hold, in the job's institution
  std::function<core::Result<JobOutput>(JobContext&)> run;
};

class JobRunner {
 public:
  JobRunner(db::ConnectionPool& pool, EventHub& hub, unsigned workers);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  /// Before Start.
  void Register(JobKind kind);
  /// Before Start: queues a system job of `kind` (registered) every `interval`, the first
  /// one `interval` after Start.
  void Every(std::chrono::seconds interval, std::string kind);
  bool Knows(const std::string& kind) const;

  /// Marks jobs a dead server left behind as failed, then starts the workers.
  void Start();
  /// Running jobs are asked to stop and end as failed ("job.interrupted"); waits for them.
  void Stop();

  /// Call after the transaction that queued a job committed: a worker takes it at once
  /// (without it, workers still look every few seconds).
  void Wake();
  /// Call after the transaction that requested a cancel committed: stops a job running in
  /// this process at its next Progress() and pushes the new state.
  void CancelRequested(std::int64_t job_id);
  /// Reads the job and pushes its state to the clients that may see it.
  void Publish(std::int64_t job_id);

  db::ConnectionPool& pool() { return pool_; }

 private:
  friend class JobContext;
  void Work();
  void QueueDueSchedules();
  void RunOne(platform::Job job);
  void Finish(const platform::Job& job, const core::Result<JobOutput>& outcome);
  platform::Actor ActorFor(const platform::Job& job, const JobKind& kind);

  db::ConnectionPool& pool_;
  EventHub& hub_;
  unsigned worker_count_;
  std::map<std::string, JobKind> kinds_;
  std::vector<std::thread> workers_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::uint64_t wakeups_ = 0;
  std::set<std::int64_t> cancelled_;  ///< running here, cancel requested
  std::set<std::int64_t> running_;
  struct Schedule {
    std::string kind;
    std::chrono::seconds interval;
    std::chrono::steady_clock::time_point next;
  };
  std::vector<Schedule> schedules_;
};

}  // namespace esep::server
