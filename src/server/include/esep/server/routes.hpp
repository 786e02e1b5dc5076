#pragma once
/// @file
/// Registration of every route of the API, by area. The full list with methods, access and
/// summaries is what docs/api/openapi.yaml describes (a test keeps them in step).

#include <functional>
#include <string>

#include "esep/db/connection_pool.hpp"
#include "esep/platform/password.hpp"
#include "esep/platform/sessions.hpp"
#include "esep/server/metrics.hpp"
#include "esep/server/router.hpp"

namespace esep::server {

struct ApiSettings {
  platform::SessionPolicy session_policy;
  platform::PasswordPolicy password_policy;
  std::string version = "0.1.0";
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

/// Every route of the product.
void AddAllRoutes(Router& router, db::ConnectionPool& pool, Metrics& metrics,
                  const ApiSettings& settings);

}  // namespace esep::server
