#pragma once
/// @file
/// Who works in an institution: the users holding any role there (directly, not through
/// a grant on a parent's subtree), for the administration screens.

#include <pqxx/transaction>
#include <vector>

#include "esep/core/strong_id.hpp"
#include "esep/platform/users.hpp"

namespace esep::platform {

/// Users with a grant in `org`, ordered by full name; one query.
std::vector<User> ListUsersOfInstitution(pqxx::work& tx, core::OrgId org, int limit, int offset);

}  // namespace esep::platform
