#include "esep/platform/access.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <string>
#include <utility>

#include "esep/platform/audit.hpp"
#include "esep/platform/permissions.hpp"

namespace esep::platform {
namespace {

constexpr const char* kGrantSelect =
    "SELECT g.id, g.user_id, g.role_code, r.name_kk, r.name_ru, r.name_en, g.org_id, "
    "i.name_kk, i.name_ru, g.include_subtree, g.granted_by, "
    "to_char(g.granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
    "FROM grants g JOIN roles r ON r.code = g.role_code JOIN institutions i ON i.id = g.org_id ";

GrantView FromRow(const pqxx::row& row) {
  GrantView grant;
  grant.id = row[0].as<std::int64_t>();
  grant.user = core::UserId(row[1].as<std::int64_t>());
  grant.role_code = row[2].as<std::string>();
  grant.role_name = {row[3].as<std::string>(), row[4].as<std::string>(), row[5].as<std::string>()};
  grant.org = core::OrgId(row[6].as<std::int64_t>());
  grant.org_name_kk = row[7].as<std::string>();
  grant.org_name_ru = row[8].as<std::string>();
  grant.include_subtree = row[9].as<bool>();
  if (!row[10].is_null()) grant.granted_by = core::UserId(row[10].as<std::int64_t>());
  grant.granted_at = row[11].as<std::string>();
  return grant;
}

std::string ToJson(const GrantView& grant) {
  boost::json::object object{
      {"id", grant.id},
      {"user_id", grant.user.value()},
      {"role_code", grant.role_code},
      {"org_id", grant.org.value()},
      {"include_subtree", grant.include_subtree},
  };
  object["granted_by"] = grant.granted_by ? boost::json::value(grant.granted_by->value())
                                          : boost::json::value(nullptr);
  return boost::json::serialize(object);
}

void Audit(pqxx::dbtransaction& tx, const Actor& actor, std::string action, const GrantView& grant,
           bool created) {
  AuditEntry entry;
  entry.kind = AuditKind::kMutation;
  entry.action = std::move(action);
  entry.org = grant.org;
  entry.entity = "grant";
  entry.entity_id = std::to_string(grant.id);
  (created ? entry.after_json : entry.before_json) = ToJson(grant);
  AppendAudit(tx, actor, entry);
}

}  // namespace

core::Result<GrantView> GrantRole(pqxx::dbtransaction& tx, const Actor& actor, core::UserId user,
                                  std::string_view role_code, core::OrgId org,
                                  bool include_subtree) {
  const auto found = tx.exec_params1(
      "SELECT EXISTS (SELECT 1 FROM users WHERE id = $1), "
      "EXISTS (SELECT 1 FROM roles WHERE code = $2), "
      "EXISTS (SELECT 1 FROM institutions WHERE id = $3)",
      user.value(), std::string(role_code), org.value());
  if (!found[0].as<bool>()) {
    return core::MakeError("grant.user_not_found", "Пайдаланушы табылмады",
                           "Пользователь не найден", "User not found", "user_id");
  }
  if (!found[1].as<bool>()) {
    return core::MakeError("grant.unknown_role", "Мұндай рөл жоқ: " + std::string(role_code),
                           "Нет такой роли: " + std::string(role_code),
                           "No such role: " + std::string(role_code), "role_code");
  }
  if (!found[2].as<bool>()) {
    return core::MakeError("grant.org_not_found", "Мекеме табылмады", "Учреждение не найдено",
                           "Institution not found", "org_id");
  }
  // The system (esep-admin) is not a user row, so its grants have no granted_by.
  const bool by_user = !actor.system && actor.user.value() != 0;
  const std::string granted_by = std::to_string(actor.user.value());
  const auto inserted = tx.exec_params(
      "INSERT INTO grants (user_id, role_code, org_id, include_subtree, granted_by) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, role_code, org_id) DO NOTHING "
      "RETURNING id",
      user.value(), std::string(role_code), org.value(), include_subtree,
      by_user ? granted_by.c_str() : nullptr);
  if (inserted.empty()) {
    return core::MakeError("grant.duplicate", "Пайдаланушыда бұл мекемеде бұл рөл бұрыннан бар",
                           "У пользователя уже есть эта роль в этом учреждении",
                           "The user already has this role in this institution", "role_code");
  }
  const auto row = tx.exec_params1(std::string(kGrantSelect) + "WHERE g.id = $1",
                                   inserted[0][0].as<std::int64_t>());
  GrantView grant = FromRow(row);
  Audit(tx, actor, "grant.create", grant, true);
  return grant;
}

core::Status RevokeGrant(pqxx::dbtransaction& tx, const Actor& actor, std::int64_t grant_id,
                         std::optional<core::OrgId> in_org) {
  const auto rows =
      tx.exec_params(std::string(kGrantSelect) + "WHERE g.id = $1 FOR UPDATE OF g", grant_id);
  // A grant of another institution is "not found" from here, as row-level security would
  // make it for an institution outside the actor's scope.
  if (rows.empty() || (in_org && FromRow(rows[0]).org != *in_org)) {
    return core::MakeError("grant.not_found", "Рөл беру жазбасы табылмады",
                           "Назначение роли не найдено", "Grant not found", "id");
  }
  const GrantView grant = FromRow(rows[0]);
  tx.exec_params0("DELETE FROM grants WHERE id = $1", grant_id);
  Audit(tx, actor, "grant.revoke", grant, false);
  return core::Status::Ok();
}

std::vector<GrantView> ListGrants(pqxx::dbtransaction& tx, core::UserId user) {
  const auto rows = tx.exec_params(
      std::string(kGrantSelect) + "WHERE g.user_id = $1 ORDER BY i.name_ru, g.org_id, g.role_code",
      user.value());
  std::vector<GrantView> grants;
  grants.reserve(rows.size());
  for (const auto& row : rows) grants.push_back(FromRow(row));
  return grants;
}

void AccessSet::Add(std::string_view permission, core::OrgId org) {
  const auto index = PermissionIndex(permission);
  if (!index) return;
  const std::uint64_t bit = std::uint64_t{1} << *index;
  by_org_[org] |= bit;
  anywhere_ |= bit;
}

bool AccessSet::Allows(std::string_view permission, core::OrgId org) const {
  const auto index = PermissionIndex(permission);
  if (!index) return false;
  const auto found = by_org_.find(org);
  return found != by_org_.end() && (found->second >> *index & 1U) != 0;
}

bool AccessSet::AllowsAnywhere(std::string_view permission) const {
  const auto index = PermissionIndex(permission);
  return index && (anywhere_ >> *index & 1U) != 0;
}

std::vector<core::OrgId> AccessSet::OrgsWith(std::string_view permission) const {
  std::vector<core::OrgId> orgs;
  const auto index = PermissionIndex(permission);
  if (!index) return orgs;
  for (const auto& [org, mask] : by_org_) {
    if ((mask >> *index & 1U) != 0) orgs.push_back(org);
  }
  std::sort(orgs.begin(), orgs.end());
  return orgs;
}

std::vector<core::OrgId> AccessSet::AllOrgs() const {
  std::vector<core::OrgId> orgs;
  orgs.reserve(by_org_.size());
  for (const auto& entry : by_org_) orgs.push_back(entry.first);
  std::sort(orgs.begin(), orgs.end());
  return orgs;
}

AccessSet LoadAccess(pqxx::dbtransaction& tx, core::UserId user) {
  // Grants live in institutions the request may not see yet (its scope is what this
  // computes), so the reading runs as the system; the caller's identity comes back after.
  const auto saved = tx.exec1(
      "SELECT coalesce(current_setting('esep.user_id', true), ''), "
      "coalesce(current_setting('esep.org_ids', true), ''), "
      "coalesce(current_setting('esep.system', true), '')");
  const std::string saved_user = saved[0].as<std::string>();
  const std::string saved_orgs = saved[1].as<std::string>();
  const std::string saved_system = saved[2].as<std::string>();
  ApplyActor(tx, Actor::System());

  std::unordered_map<std::string, std::uint64_t> role_masks;
  for (const auto& row : tx.exec_params(
           "SELECT rp.role_code, rp.permission FROM role_permissions rp "
           "WHERE rp.role_code IN (SELECT g.role_code FROM grants g JOIN users u ON u.id = "
           "g.user_id WHERE g.user_id = $1 AND u.active)",
           user.value())) {
    auto& mask = role_masks[row[0].as<std::string>()];
    if (const auto index = PermissionIndex(row[1].as<std::string>())) {
      mask |= std::uint64_t{1} << *index;
    }
  }
  // Each (role, institution) reached once: a subtree grant walks down the hierarchy; a
  // plain grant stays where it is.
  const auto reached = tx.exec_params(
      "WITH RECURSIVE reach(role_code, org_id, subtree) AS ("
      "  SELECT g.role_code, g.org_id, g.include_subtree FROM grants g"
      "  JOIN users u ON u.id = g.user_id WHERE g.user_id = $1 AND u.active"
      "  UNION"
      "  SELECT r.role_code, i.id, true FROM reach r JOIN institutions i ON i.parent_id = r.org_id"
      "  WHERE r.subtree"
      ") SELECT DISTINCT role_code, org_id FROM reach",
      user.value());

  tx.exec_params(
      "SELECT set_config('esep.user_id', $1, true), set_config('esep.org_ids', $2, true), "
      "set_config('esep.system', $3, true)",
      saved_user, saved_orgs, saved_system);

  AccessSet access;
  for (const auto& row : reached) {
    const auto mask = role_masks.find(row[0].as<std::string>());
    if (mask == role_masks.end() || mask->second == 0) continue;
    access.by_org_[core::OrgId(row[1].as<std::int64_t>())] |= mask->second;
    access.anywhere_ |= mask->second;
  }
  return access;
}

std::vector<RoleInfo> ListRoles(pqxx::dbtransaction& tx) {
  const auto rows = tx.exec(
      "SELECT r.code, r.name_kk, r.name_ru, r.name_en, r.builtin, "
      "coalesce(string_agg(p.permission, ',' ORDER BY p.permission), '') "
      "FROM roles r LEFT JOIN role_permissions p ON p.role_code = r.code "
      "GROUP BY r.code ORDER BY r.code");
  std::vector<RoleInfo> roles;
  for (const auto& row : rows) {
    RoleInfo role{
        row[0].c_str(), {row[1].c_str(), row[2].c_str(), row[3].c_str()}, row[4].as<bool>(), {}};
    std::string_view list = row[5].c_str();
    while (!list.empty()) {
      const auto comma = list.find(',');
      role.permissions.emplace_back(list.substr(0, comma));
      if (comma == std::string_view::npos) break;
      list.remove_prefix(comma + 1);
    }
    roles.push_back(std::move(role));
  }
  return roles;
}

}  // namespace esep::platform
