#include "esep/platform/user_directory.hpp"

#include <pqxx/pqxx>

namespace esep::platform {

std::vector<User> ListUsersOfInstitution(pqxx::work& tx, core::OrgId org, int limit, int offset) {
  std::vector<User> users;
  const auto rows = tx.exec_params(
      "SELECT u.id, u.login, u.full_name, u.iin, u.active, u.must_change_password, u.lang, "
      "u.version "
      "FROM users u WHERE EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id AND g.org_id = $1) "
      "ORDER BY u.full_name, u.id LIMIT $2 OFFSET $3",
      org.value(), limit, offset);
  for (const auto& row : rows) {
    User user;
    user.id = core::UserId(row[0].as<std::int64_t>());
    user.login = row[1].as<std::string>();
    user.full_name = row[2].as<std::string>();
    if (!row[3].is_null()) user.iin = row[3].as<std::string>();
    user.active = row[4].as<bool>();
    user.must_change_password = row[5].as<bool>();
    user.lang = row[6].as<std::string>();
    user.version = row[7].as<int>();
    users.push_back(std::move(user));
  }
  return users;
}

}  // namespace esep::platform
