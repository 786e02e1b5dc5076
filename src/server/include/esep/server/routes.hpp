#pragma once
/// @file
/// Registration of every route of the API, by area. The full list with methods, access and
/// summaries is what docs/api/openapi.yaml describes (a test keeps them in step).

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "esep/db/connection_pool.hpp"
#include "esep/platform/password.hpp"
#include "esep/platform/sessions.hpp"
#include "esep/server/job_runner.hpp"
#include "esep/server/metrics.hpp"
#include "esep/server/router.hpp"

namespace esep::reports {
class ReportCatalog;
}

namespace esep::server {

struct ApiSettings {
  platform::SessionPolicy session_policy;
  platform::PasswordPolicy password_policy;
  std::string version = "0.1.0";
  /// An Idempotency-Key is remembered this long; a retry after that is a new request.
  std::chrono::hours idempotency_retention{24};
  /// Finished jobs and their files are deleted after this many days.
  int job_retention_days = 30;
  /// How often the housekeeping job runs.
  std::chrono::seconds maintenance_interval{std::chrono::hours(1)};
  /// The report templates (ServerApp loads them at Start); none when null.
  std::shared_ptr<const reports::ReportCatalog> report_catalog;
};

/// GET /api/v1/health, GET /metrics.
void AddSystemRoutes(Router& router, db::ConnectionPool& pool, Metrics& metrics,
                     const ApiSettings& settings);
/// Login, logout, the signed-in user and their password.
void AddAuthRoutes(Router& router, const ApiSettings& settings);
/// Institutions: list, read, create, update, change of scenario, subtree.
void AddInstitutionRoutes(Router& router);
/// Users, password resets, grants and roles.
void AddUserRoutes(Router& router, const ApiSettings& settings);
/// The audit trail for administrators and auditors.
void AddAuditRoutes(Router& router);
/// The generic lists of the client's tables: catalog and pages (sort, filters, search).
void AddListRoutes(Router& router);
/// Background jobs (list, read, cancel, files) and the job kinds they run.
void AddJobRoutes(Router& router, JobRunner& runner);
/// Report templates, reports and list prints as jobs ("report.render", served from the
/// cache when nothing changed), and institutions' signatories.
void AddReportRoutes(Router& router, JobRunner& runner, const ApiSettings& settings);

/// The housekeeping job (expired idempotency keys, old jobs) and its schedule.
void AddMaintenanceJobs(JobRunner& runner, const ApiSettings& settings);
/// Every route of the product, and the job kinds the routes start.
void AddAllRoutes(Router& router, db::ConnectionPool& pool, Metrics& metrics,
                  const ApiSettings& settings, JobRunner& runner);

}  // namespace esep::server
