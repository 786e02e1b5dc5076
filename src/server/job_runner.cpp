#include "esep/server/job_runner.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/access.hpp"
#include "esep/server/entity_json.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {

constexpr auto kProgressInterval = std::chrono::milliseconds(200);
// Workers look for queued jobs this often even without a Wake (jobs queued by another
// server process, or a wake lost to a crash between commit and notify).
constexpr auto kPollInterval = std::chrono::seconds(3);

core::Error Interrupted() {
  return core::MakeError("job.interrupted",
                         "Сервер тоқтатылғандықтан тапсырма үзілді; оны қайта бастаңыз",
                         "Задание прервано остановкой сервера; запустите его снова",
                         "The job was interrupted by a server shutdown; start it again", "");
}

core::Error Crashed(const std::string& what) {
  core::Error error =
      core::MakeError("job.internal", "Тапсырма ішкі қатемен аяқталды. Әкімшіге хабарлаңыз.",
                      "Задание завершилось внутренней ошибкой. Сообщите администратору.",
                      "The job failed with an internal error. Tell your administrator.", "");
  error.details = what;
  return error;
}

}  // namespace

core::Error JobCancelled() {
  return core::MakeError("job.cancelled", "Тапсырма пайдаланушының өтініші бойынша тоқтатылды",
                         "Задание отменено пользователем", "The job was cancelled", "");
}

JobContext::JobContext(JobRunner& runner, platform::Job job, platform::Actor actor,
                       json::object params)
    : runner_(runner), job_(std::move(job)), actor_(std::move(actor)), params_(std::move(params)) {}

db::ConnectionPool& JobContext::pool() { return runner_.pool_; }

bool JobContext::ShouldStop() const {
  std::lock_guard lock(runner_.mutex_);
  return runner_.stopping_ || runner_.cancelled_.count(job_.id) > 0;
}

bool JobContext::Progress(std::int64_t done, std::int64_t total, const std::string& message) {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_write_ >= kProgressInterval || (total > 0 && done >= total)) {
    last_write_ = now;
    bool cancel_requested = false;
    {
      auto lease = runner_.pool_.Acquire();
      pqxx::work tx(*lease);
      platform::ApplyActor(tx, platform::Actor::System("job-" + std::to_string(job_.id)));
      cancel_requested = platform::UpdateJobProgress(tx, job_.id, done, total, message);
      tx.commit();
    }
    if (cancel_requested) {
      std::lock_guard lock(runner_.mutex_);
      runner_.cancelled_.insert(job_.id);
    }
    runner_.Publish(job_.id);
  }
  return !ShouldStop();
}

JobRunner::JobRunner(db::ConnectionPool& pool, EventHub& hub, unsigned workers)
    : pool_(pool), hub_(hub), worker_count_(workers == 0 ? 1 : workers) {}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Register(JobKind kind) {
  const std::string name = kind.name;
  kinds_.emplace(name, std::move(kind));
}

void JobRunner::Every(std::chrono::seconds interval, std::string kind) {
  schedules_.push_back(Schedule{std::move(kind), interval, {}});
}

void JobRunner::QueueDueSchedules() {
  std::vector<std::string> due;
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    for (auto& schedule : schedules_) {
      if (now < schedule.next) continue;
      due.push_back(schedule.kind);
      schedule.next = now + schedule.interval;
    }
  }
  if (due.empty()) return;
  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);
  platform::ApplyActor(tx, platform::Actor::System("job-scheduler"));
  for (const auto& kind : due) platform::CreateJob(tx, platform::NewJob{{}, kind, "{}", {}});
  tx.commit();
}

bool JobRunner::Knows(const std::string& kind) const { return kinds_.count(kind) > 0; }

void JobRunner::Start() {
  {
    auto lease = pool_.Acquire();
    pqxx::work tx(*lease);
    platform::ApplyActor(tx, platform::Actor::System("job-runner"));
    const auto interrupted = platform::FailInterruptedJobs(tx);
    tx.commit();
    if (interrupted > 0)
      spdlog::warn("{} job(s) left by a stopped server marked failed", interrupted);
  }
  for (auto& schedule : schedules_) {
    schedule.next = std::chrono::steady_clock::now() + schedule.interval;
  }
  for (unsigned i = 0; i < worker_count_; ++i) workers_.emplace_back([this] { Work(); });
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  workers_.clear();
}

void JobRunner::Wake() {
  {
    std::lock_guard lock(mutex_);
    ++wakeups_;
  }
  wake_.notify_one();
}

void JobRunner::CancelRequested(std::int64_t job_id) {
  {
    std::lock_guard lock(mutex_);
    if (running_.count(job_id) > 0) cancelled_.insert(job_id);
  }
  Publish(job_id);
}

void JobRunner::Publish(std::int64_t job_id) {
  try {
    auto lease = pool_.Acquire();
    pqxx::work tx(*lease);
    platform::ApplyActor(tx, platform::Actor::System("job-runner"));
    const auto job = platform::FindJob(tx, job_id);
    tx.commit();
    if (!job) return;
    const std::string message =
        json::serialize(json::object{{"type", "job"}, {"job", JobJson(*job)}});
    hub_.PublishJob(job->org, job->created_by, message);
  } catch (const std::exception& e) {
    // Pushing is a courtesy: clients re-read jobs on reconnect.
    spdlog::warn("job {}: push failed: {}", job_id, e.what());
  }
}

void JobRunner::Work() {
  std::uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (stopping_) return;
    }
    std::optional<platform::Job> job;
    try {
      QueueDueSchedules();
      auto lease = pool_.Acquire();
      pqxx::work tx(*lease);
      platform::ApplyActor(tx, platform::Actor::System("job-runner"));
      job = platform::ClaimNextJob(tx);
      tx.commit();
    } catch (const std::exception& e) {
      spdlog::warn("job runner: cannot claim jobs: {}", e.what());  // database down: retry
    }
    if (job) {
      RunOne(std::move(*job));
      continue;
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, kPollInterval, [&] { return stopping_ || wakeups_ != seen; });
    seen = wakeups_;
  }
}

platform::Actor JobRunner::ActorFor(const platform::Job& job, const JobKind& kind) {
  if (!job.created_by) return platform::Actor::System("job-" + std::to_string(job.id));
  platform::Actor actor;
  actor.user = *job.created_by;
  actor.request_id = "job-" + std::to_string(job.id);
  auto lease = pool_.Acquire();
  pqxx::work tx(*lease);
  platform::ApplyActor(tx, platform::Actor::System(actor.request_id));
  actor.org_scope = platform::LoadAccess(tx, *job.created_by).OrgsWith(kind.permission);
  tx.commit();
  return actor;
}

void JobRunner::RunOne(platform::Job job) {
  {
    std::lock_guard lock(mutex_);
    running_.insert(job.id);
  }
  Publish(job.id);
  core::Result<JobOutput> outcome = Crashed("unknown job kind " + job.kind);
  try {
    const auto kind = kinds_.find(job.kind);
    if (kind != kinds_.end()) {
      platform::Actor actor = ActorFor(job, kind->second);
      const bool allowed = !job.created_by || !job.org ||
                           std::find(actor.org_scope.begin(), actor.org_scope.end(), *job.org) !=
                               actor.org_scope.end();
      if (!allowed) {
        outcome = core::MakeError("auth.forbidden", "Бұл әрекетке рұқсатыңыз жоқ.",
                                  "Недостаточно прав для этого действия.",
                                  "You are not allowed to do this.", "");
      } else {
        boost::system::error_code ec;
        json::value params = json::parse(job.params_json, ec);
        JobContext context(*this, job, std::move(actor),
                           !ec && params.is_object() ? params.get_object() : json::object());
        outcome = kind->second.run(context);
      }
    }
  } catch (const std::exception& e) {
    spdlog::error("job {} ({}) failed: {}", job.id, job.kind, e.what());
    outcome = Crashed(e.what());
  }
  Finish(job, outcome);
  {
    std::lock_guard lock(mutex_);
    running_.erase(job.id);
    cancelled_.erase(job.id);
  }
  Publish(job.id);
}

void JobRunner::Finish(const platform::Job& job, const core::Result<JobOutput>& outcome) {
  bool stopping = false;
  {
    std::lock_guard lock(mutex_);
    stopping = stopping_;
  }
  try {
    auto lease = pool_.Acquire();
    pqxx::work tx(*lease);
    platform::ApplyActor(tx, platform::Actor::System("job-" + std::to_string(job.id)));
    if (outcome) {
      platform::CompleteJob(tx, job.id, outcome->result_json, outcome->files);
    } else if (outcome.error().code == "job.cancelled" && stopping) {
      platform::FailJob(tx, job.id, Interrupted(), /*cancelled=*/false);
    } else {
      platform::FailJob(tx, job.id, outcome.error(), outcome.error().code == "job.cancelled");
    }
    tx.commit();
  } catch (const std::exception& e) {
    // The row stays 'running'; the next start of a server marks it interrupted.
    spdlog::error("job {}: cannot record its end: {}", job.id, e.what());
  }
}

}  // namespace esep::server
