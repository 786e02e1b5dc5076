#pragma once
/// @file
/// JSON forms of the platform's entities, shared by the routes that return them.

#include <boost/json/object.hpp>

#include "esep/core/result.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/platform/jobs.hpp"
#include "esep/platform/users.hpp"

namespace esep::server {

boost::json::object UserJson(const platform::User& user);
boost::json::object InstitutionJson(const platform::Institution& institution);
/// A job as GET /api/v1/jobs/{id} returns it and the events WebSocket pushes it.
boost::json::object JobJson(const platform::Job& job);
/// The fields a user sets, from a request body (bin, name_kk, name_ru, kind, budget_level,
/// parent_id, accounting_office_id, abp_code, active); errors name the field.
core::Result<platform::InstitutionInput> InstitutionInputFromJson(const boost::json::object& body);

}  // namespace esep::server
