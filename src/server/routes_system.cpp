// GET /api/v1/health and GET /metrics: for load balancers and monitoring, no session. The
// housekeeping job. The list of every area's routes.
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/idempotency.hpp"
#include "esep/platform/jobs.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/routes.hpp"

namespace esep::server {

void AddSystemRoutes(Router& router, db::ConnectionPool& pool, Metrics& metrics,
                     const ApiSettings& settings) {
  router.Add(Route{"GET", "/api/v1/health", RouteAccess::Public(), TransactionMode::kNoDatabase,
                   [&pool, version = settings.version](RequestContext&) -> HandlerResult {
                     std::string database = "ok";
                     try {
                       auto lease = pool.Acquire();
                       try {
                         pqxx::nontransaction tx(*lease);
                         tx.exec("SELECT 1");
                       } catch (const pqxx::broken_connection&) {
                         lease.Discard();
                         throw;
                       }
                     } catch (const std::exception&) {
                       database = "unavailable";
                     }
                     const bool ok = database == "ok";
                     return JsonResponse(ok ? 200 : 503,
                                         boost::json::object{{"status", ok ? "ok" : "degraded"},
                                                             {"database", database},
                                                             {"version", version}});
                   },
                   "Liveness and database reachability"});

  router.Add(Route{"GET", "/metrics", RouteAccess::Public(), TransactionMode::kNoDatabase,
                   [&pool, &metrics](RequestContext&) -> HandlerResult {
                     const db::PoolStats stats = pool.Stats();
                     HttpResponse response;
                     response.body = metrics.Render(&stats);
                     response.content_type = "text/plain; version=0.0.4";
                     return response;
                   },
                   "Prometheus metrics"});
}

void AddAllRoutes(Router& router, db::ConnectionPool& pool, Metrics& metrics,
                  const ApiSettings& settings, JobRunner& runner) {
  AddSystemRoutes(router, pool, metrics, settings);
  AddAuthRoutes(router, settings);
  AddInstitutionRoutes(router);
  AddUserRoutes(router, settings);
  AddAuditRoutes(router);
  AddListRoutes(router);
  AddJobRoutes(router, runner);
  AddReportRoutes(router, runner, settings);
  AddMaintenanceJobs(runner, settings);
}

void AddMaintenanceJobs(JobRunner& runner, const ApiSettings& settings) {
  // Housekeeping runs as a system job, so it shows in the jobs table like any other work.
  runner.Register(JobKind{
      "maintenance.purge", "", [settings](JobContext& job) -> core::Result<JobOutput> {
        auto lease = job.pool().Acquire();
        pqxx::work tx(*lease);
        platform::ApplyActor(tx, job.actor());
        const auto keys = platform::PurgeIdempotencyKeys(tx, settings.idempotency_retention);
        const auto jobs = platform::PurgeFinishedJobs(tx, settings.job_retention_days);
        tx.commit();
        return JobOutput{boost::json::serialize(boost::json::object{
                             {"idempotency_keys_purged", keys}, {"jobs_purged", jobs}}),
                         {}};
      }});
  runner.Every(settings.maintenance_interval, "maintenance.purge");
}

}  // namespace esep::server
