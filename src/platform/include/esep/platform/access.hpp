#pragma once
/// @file
/// Grants (a user gets a role in an institution, or in it and everything below it) and the
/// effective access of a user: which permission holds in which institution. The server loads
/// an AccessSet once per request and checks every route against it.

#include <cstdint>
#include <optional>
#include <pqxx/transaction>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/core/text.hpp"
#include "esep/platform/actor.hpp"

namespace esep::platform {

struct GrantView {
  std::int64_t id = 0;
  core::UserId user;
  std::string role_code;
  core::LocalizedText role_name;
  core::OrgId org;
  std::string org_name_kk, org_name_ru;
  bool include_subtree = false;  ///< also every institution below `org`, present and future
  std::optional<core::UserId> granted_by;  ///< empty when the system granted it
  std::string granted_at;                  ///< ISO 8601 UTC

  bool operator==(const GrantView&) const = default;
};

/// Gives `user` the role `role_code` in `org` (and below it when `include_subtree`). Errors
/// (field): "grant.user_not_found" (user_id), "grant.unknown_role" (role_code),
/// "grant.org_not_found" (org_id; also when row-level security hides it), "grant.duplicate"
/// (role_code: the user already has this role in this institution; revoke it first to change
/// include_subtree). Audited "grant.create".
core::Result<GrantView> GrantRole(pqxx::dbtransaction& tx, const Actor& actor, core::UserId user,
                                  std::string_view role_code, core::OrgId org,
                                  bool include_subtree);

/// Removes one grant. "grant.not_found" (id) when there is none (or it is hidden). Audited
/// "grant.revoke" with the grant as it was.
/// With `in_org`, a grant of any other institution is "grant.not_found" (the API reaches
/// grants through one institution's path).
core::Status RevokeGrant(pqxx::dbtransaction& tx, const Actor& actor, std::int64_t grant_id,
                         std::optional<core::OrgId> in_org = std::nullopt);

/// The user's grants (those in institutions the transaction may see), by institution name.
std::vector<GrantView> ListGrants(pqxx::dbtransaction& tx, core::UserId user);

/// What one user may do where. A value: cheap to copy, no database behind it.
class AccessSet {
 public:
  /// Adds `permission` in `org`. Unknown permission codes (a custom role naming something
  /// this build does not check) are ignored: nothing can ask for them.
  void Add(std::string_view permission, core::OrgId org);

  bool Allows(std::string_view permission, core::OrgId org) const;
  /// True when the permission holds in at least one institution (e.g. to show a menu item).
  bool AllowsAnywhere(std::string_view permission) const;
  /// Institutions where the permission holds, in id order.
  std::vector<core::OrgId> OrgsWith(std::string_view permission) const;
  /// Institutions where any permission holds, in id order: the actor's row-level scope.
  std::vector<core::OrgId> AllOrgs() const;
  bool empty() const { return by_org_.empty(); }

 private:
  friend AccessSet LoadAccess(pqxx::dbtransaction& tx, core::UserId user);

  std::unordered_map<core::OrgId, std::uint64_t> by_org_;  ///< bit i = AllPermissions()[i]
  std::uint64_t anywhere_ = 0;
};

/// The effective access of `user`: grants expanded down the institution hierarchy when
/// include_subtree. Nothing for an inactive or unknown user. Two queries whatever the number
/// of grants. It reads as the system (grants of institutions not yet in the transaction's
/// scope) and restores the transaction's previous identity (esep.user_id, esep.org_ids,
/// esep.system) before returning, so it may be called before or after ApplyActor.
AccessSet LoadAccess(pqxx::dbtransaction& tx, core::UserId user);

struct RoleInfo {
  std::string code;  ///< "chief_accountant"
  core::LocalizedText name;
  bool builtin = false;
  std::vector<std::string> permissions;  ///< sorted codes
};
/// Every role with its permissions, by code: what an administrator picks from when granting.
std::vector<RoleInfo> ListRoles(pqxx::dbtransaction& tx);

}  // namespace esep::platform
