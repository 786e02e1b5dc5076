// Background jobs: list, read, cancel, download what they produced; and the first job a
// user can start, verifying the audit chain. Jobs are visible to their creator and to
// holders of jobs.read in the job's institution; cancelling needs the creator or jobs.cancel.
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/audit.hpp"
#include "esep/platform/jobs.hpp"
#include "esep/server/entity_json.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/routes.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {

core::Error JobNotFound() {
  return core::MakeError("job.not_found", "Тапсырма табылмады", "Задание не найдено",
                         "Job not found", "id");
}

bool Holds(const RequestContext& ctx, const char* permission, const platform::Job& job) {
  return job.org && ctx.access && ctx.access->Allows(permission, *job.org);
}

bool MayRead(const RequestContext& ctx, const platform::Job& job) {
  return (job.created_by && *job.created_by == ctx.actor.user) || Holds(ctx, "jobs.read", job);
}

// The job behind {id} if this user may see it; "not found" otherwise, so that ids of other
// users' jobs do not leak.
core::Result<platform::Job> VisibleJob(RequestContext& ctx) {
  auto id = PathId(ctx, "id");
  if (!id) return id.error();
  auto job = platform::FindJob(*ctx.tx, *id);
  if (!job || !MayRead(ctx, *job)) return JobNotFound();
  return *job;
}

void AuditJob(RequestContext& ctx, const char* action, const platform::Job& job) {
  platform::AuditEntry entry;
  entry.action = action;
  entry.org = job.org;
  entry.entity = "job";
  entry.entity_id = std::to_string(job.id);
  entry.details_json = json::serialize(json::object{{"kind", job.kind}});
  platform::AppendAudit(*ctx.tx, ctx.actor, entry);
}

HandlerResult ListJobsHandler(RequestContext& ctx) {
  platform::JobQuery query;
  query.created_by = ctx.actor.user;
  query.orgs = ctx.access->OrgsWith("jobs.read");
  if (const std::string status = ctx.request.QueryParam("status"); !status.empty()) {
    query.status = platform::ParseJobStatus(status);
    if (!query.status) {
      return Fail(400, core::MakeError("http.bad_filter", "Тапсырма күйі қате: " + status,
                                       "Неверное состояние задания: " + status,
                                       "Unknown job status: " + status, "status"));
    }
  }
  if (const std::string before = ctx.request.QueryParam("before_id"); !before.empty()) {
    const auto id = ParseDecimal(before);
    if (!id) {
      return Fail(400, core::MakeError("http.bad_filter", "Беттеу курсоры қате",
                                       "Неверный курсор постраничного вывода", "Bad paging cursor",
                                       "before_id"));
    }
    query.before_id = *id;
  }
  auto paging = PagingFromQuery(ctx.request);
  if (!paging) return Reject(paging.error());
  query.limit = paging->limit;
  json::array items;
  std::int64_t last = 0;
  for (const auto& job : platform::ListJobs(*ctx.tx, query)) {
    last = job.id;
    items.push_back(JobJson(job));
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}, {"next_before_id", last}});
}

HandlerResult CancelJobHandler(RequestContext& ctx, JobRunner& runner) {
  auto job = VisibleJob(ctx);
  if (!job) return Reject(job.error());
  const bool creator = job->created_by && *job->created_by == ctx.actor.user;
  if (!creator && !Holds(ctx, "jobs.cancel", *job)) {
    return Fail(403, core::MakeError("auth.forbidden", "Бұл әрекетке рұқсатыңыз жоқ.",
                                     "Недостаточно прав для этого действия.",
                                     "You are not allowed to do this.", ""));
  }
  if (auto status = platform::RequestJobCancel(*ctx.tx, job->id); !status) {
    const int code = status.error().code == "job.finished" ? 409 : StatusFor(status.error());
    return Fail(code, status.error());
  }
  AuditJob(ctx, "job.cancel", *job);
  const auto updated = platform::FindJob(*ctx.tx, job->id);
  const std::int64_t id = job->id;
  ctx.after_commit.push_back([&runner, id] { runner.CancelRequested(id); });
  return JsonResponse(202, JobJson(*updated));
}

HandlerResult JobFileHandler(RequestContext& ctx) {
  auto job = VisibleJob(ctx);
  if (!job) return Reject(job.error());
  const std::string name = ctx.params["name"];
  auto file = platform::ReadJobFile(*ctx.tx, job->id, name);
  if (!file) {
    return Fail(404,
                core::MakeError("job.file_not_found", "Тапсырманың мұндай файлы жоқ",
                                "У задания нет такого файла", "The job has no such file", "name"));
  }
  HttpResponse response;
  response.status = 200;
  response.content_type = file->content_type;
  response.body = std::move(file->content);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return response;
}

// The whole chain, whoever's rows they are: a link can only be checked against its
// neighbour. The result says no more than how many rows were checked and where the first
// break is.
core::Result<JobOutput> VerifyAuditJob(JobContext& job) {
  auto lease = job.pool().Acquire();
  pqxx::work tx(*lease);
  platform::ApplyActor(tx, platform::Actor::System(job.actor().request_id));
  auto verification =
      platform::VerifyAuditChain(tx, [&job](std::int64_t checked, std::int64_t total) {
        return job.Progress(checked, total, "audit_log");
      });
  if (!verification) return verification.error();
  tx.commit();
  json::object result{{"rows_checked", verification->rows_checked},
                      {"intact", !verification->first_bad_id.has_value()}};
  result["first_bad_id"] =
      verification->first_bad_id ? json::value(*verification->first_bad_id) : json::value(nullptr);
  return JobOutput{json::serialize(result), {}};
}

}  // namespace

void AddJobRoutes(Router& router, JobRunner& runner) {
  runner.Register(JobKind{"audit.verify", "audit.read", VerifyAuditJob});

  router.Add(Route{"GET", "/api/v1/jobs", RouteAccess::Authenticated(), TransactionMode::kFramework,
                   ListJobsHandler,
                   "Jobs the user started or may watch (jobs.read), newest first (status, "
                   "before_id, limit)"});
  router.Add(Route{"GET", "/api/v1/jobs/{id}", RouteAccess::Authenticated(),
                   TransactionMode::kFramework,
                   [](RequestContext& ctx) -> HandlerResult {
                     auto job = VisibleJob(ctx);
                     if (!job) return Reject(job.error());
                     return JsonResponse(200, JobJson(*job));
                   },
                   "One job: status, progress, result or error, files"});
  router.Add(Route{"POST", "/api/v1/jobs/{id}/cancel", RouteAccess::Authenticated(),
                   TransactionMode::kFramework,
                   [&runner](RequestContext& ctx) { return CancelJobHandler(ctx, runner); },
                   "Cancel a queued or running job (its creator, or jobs.cancel)"});
  router.Add(Route{"GET", "/api/v1/jobs/{id}/files/{name}", RouteAccess::Authenticated(),
                   TransactionMode::kFramework, JobFileHandler,
                   "Download a file a job produced (a report's PDF or XLSX)"});
  router.Add(Route{"POST", "/api/v1/audit/verify",
                   RouteAccess::Permission("audit.read", OrgFrom::kNone),
                   TransactionMode::kFramework,
                   [&runner](RequestContext& ctx) -> HandlerResult {
                     platform::NewJob job;
                     job.kind = "audit.verify";
                     job.created_by = ctx.actor.user;
                     const std::int64_t id = platform::CreateJob(*ctx.tx, job);
                     const auto created = platform::FindJob(*ctx.tx, id);
                     AuditJob(ctx, "job.create", *created);
                     ctx.after_commit.push_back([&runner, id] {
                       runner.Wake();
                       runner.Publish(id);
                     });
                     return JsonResponse(202, JobJson(*created));
                   },
                   "Start verifying the audit chain as a job (progress, cancel, result)"});
}

}  // namespace esep::server
