// Authorization is enforced in one place for every route: this walks every registered
// route, for every builtin role granted in school 1 only, against school 2 (a foreign
// institution) and against school 1 itself, and proves the refusals — and that a refused
// request writes nothing but its audit row.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <pqxx/pqxx>
#include <set>
#include <string>

#include "api_test.hpp"

namespace esep::testing {
namespace {

class AuthorizationApiTest : public ApiTest {
 protected:
  std::set<std::string> PermissionsOf(const std::string& role) {
    pqxx::work tx(db());
    std::set<std::string> permissions;
    for (const auto& row :
         tx.exec_params("SELECT permission FROM role_permissions WHERE role_code = $1", role)) {
      permissions.insert(row[0].as<std::string>());
    }
    return permissions;
  }
  std::vector<std::string> BuiltinRoles() {
    pqxx::work tx(db());
    std::vector<std::string> roles;
    for (const auto& row : tx.exec("SELECT code FROM roles WHERE builtin ORDER BY code")) {
      roles.push_back(row[0].as<std::string>());
    }
    return roles;
  }
  int Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<int>();
  }
  // Fills the route's parameters so that it targets `org`.
  static std::string PathFor(const server::Route& route, core::OrgId org) {
    std::string path = route.pattern;
    const std::string org_text = std::to_string(org.value());
    const std::string id_text =
        route.access.org_from() == server::OrgFrom::kPathId ? org_text : std::string("1");
    for (const auto& [name, value] :
         {std::pair<std::string, std::string>{"{org_id}", org_text}, {"{id}", id_text}}) {
      for (auto at = path.find(name); at != std::string::npos; at = path.find(name))
        path.replace(at, name.size(), value);
    }
    if (route.access.org_from() == server::OrgFrom::kQuery) path += "?org_id=" + org_text;
    return path;
  }
  // True when a listed item belongs to `org`: its org_id, or an institution item's own id.
  static bool MentionsInstitution(const ApiReply& reply, core::OrgId org) {
    const boost::json::value body = reply.json();
    if (!body.is_object() || !body.as_object().contains("items")) return false;
    for (const auto& item : body.at("items").as_array()) {
      const auto& object = item.as_object();
      if (object.contains("org_id") && object.at("org_id").is_int64() &&
          object.at("org_id").as_int64() == org.value()) {
        return true;
      }
      if (object.contains("bin") && object.at("id").as_int64() == org.value()) return true;
    }
    return false;
  }
  static std::string BodyFor(const server::Route& route, core::OrgId org) {
    if (route.access.org_from() != server::OrgFrom::kBody) return "{}";
    return boost::json::serialize(boost::json::object{{route.access.body_field(), org.value()}});
  }
};

TEST_F(AuthorizationApiTest, EveryRouteRefusesEveryRoleInAForeignInstitution) {
  const auto roles = BuiltinRoles();
  ASSERT_EQ(roles.size(), 9u);
  std::map<std::string, std::string> tokens;
  for (const auto& role : roles)
    tokens[role] = SignIn(UserWithRole("u_" + role, role, school1_), kPassword);

  const int mutable_rows_before = Count(
      "SELECT (SELECT count(*) FROM institutions) + (SELECT count(*) FROM users) + "
      "(SELECT count(*) FROM grants)");
  int checked = 0;
  for (const auto& route : server_->router().routes()) {
    if (route.access.kind() != server::RouteAccess::Kind::kPermission) continue;
    for (const auto& role : roles) {
      const bool has_permission = PermissionsOf(role).contains(route.access.permission());
      const int denied_before =
          Count("SELECT count(*) FROM audit_log WHERE action = 'access.denied'");
      if (route.access.org_from() == server::OrgFrom::kNone) {
        // Rows come only from where the permission is held: never school 2's.
        auto reply = Call(route.method, PathFor(route, school2_), tokens[role], "{}");
        if (!has_permission) {
          EXPECT_EQ(reply.status, 403) << route.method << " " << route.pattern << " as " << role;
        } else {
          EXPECT_FALSE(MentionsInstitution(reply, school2_))
              << route.method << " " << route.pattern << " as " << role << " leaked school 2";
        }
      } else {
        auto foreign =
            Call(route.method, PathFor(route, school2_), tokens[role], BodyFor(route, school2_));
        EXPECT_EQ(foreign.status, 403)
            << route.method << " " << route.pattern << " as " << role << ": " << foreign.body;
        EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'access.denied'"),
                  denied_before + 1)
            << "the refusal is audited: " << route.method << " " << route.pattern;
        auto own =
            Call(route.method, PathFor(route, school1_), tokens[role], BodyFor(route, school1_));
        if (has_permission) {
          EXPECT_NE(own.status, 403)
              << route.method << " " << route.pattern << " as " << role << ": " << own.body;
        } else {
          EXPECT_EQ(own.status, 403) << route.method << " " << route.pattern << " as " << role;
        }
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 9 * 10);
  EXPECT_EQ(Count("SELECT (SELECT count(*) FROM institutions) + (SELECT count(*) FROM users) + "
                  "(SELECT count(*) FROM grants)"),
            mutable_rows_before)
      << "no refused or malformed request wrote anything";
}

TEST_F(AuthorizationApiTest, EveryRouteDeclaresItsAccessAndNonPublicRoutesNeedASession) {
  for (const auto& route : server_->router().routes()) {
    if (route.access.kind() == server::RouteAccess::Kind::kPublic) continue;
    auto reply = Call(route.method, PathFor(route, school1_), "", BodyFor(route, school1_));
    EXPECT_EQ(reply.status, 401) << route.method << " " << route.pattern;
  }
}

TEST_F(AuthorizationApiTest, ARouteWithAnUnknownPermissionCannotBeRegistered) {
  server::Router router;
  auto handler = [](server::RequestContext&) -> server::HandlerResult {
    return server::HttpResponse{};
  };
  EXPECT_THROW(
      router.Add(server::Route{
          "GET", "/x", server::RouteAccess::Permission("ledger.fly", server::OrgFrom::kNone),
          server::TransactionMode::kFramework, handler, ""}),
      std::invalid_argument);
  EXPECT_THROW(
      router.Add(server::Route{
          "GET", "/x", server::RouteAccess::Permission("ledger.read", server::OrgFrom::kPathId),
          server::TransactionMode::kFramework, handler, ""}),
      std::invalid_argument)
      << "the pattern has no {id} for the institution";
  router.Add(server::Route{"GET", "/x", server::RouteAccess::Public(),
                           server::TransactionMode::kNoDatabase, handler, ""});
  EXPECT_THROW(router.Add(server::Route{"GET", "/x", server::RouteAccess::Public(),
                                        server::TransactionMode::kNoDatabase, handler, ""}),
               std::invalid_argument);
}

}  // namespace
}  // namespace esep::testing

namespace esep::testing {
namespace {

class GrantPathApiTest : public ApiTest {};

// An administrator of the whole department may revoke grants in both schools, but only
// through the school the grant belongs to.
TEST_F(GrantPathApiTest, AGrantIsRevokedOnlyThroughItsOwnInstitution) {
  UserWithRole("teacher", "employee", school2_);
  int grant_id = 0;
  {
    pqxx::work tx(db());
    grant_id = tx.exec1(
                     "SELECT g.id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.login = "
                     "'teacher'")[0]
                   .as<int>();
  }
  const std::string via_school1 = "/api/v1/institutions/" + std::to_string(school1_.value()) +
                                  "/grants/" + std::to_string(grant_id);
  auto wrong = Call("DELETE", via_school1, admin_token_);
  EXPECT_EQ(wrong.status, 404) << wrong.body;
  const std::string via_school2 = "/api/v1/institutions/" + std::to_string(school2_.value()) +
                                  "/grants/" + std::to_string(grant_id);
  EXPECT_EQ(Call("DELETE", via_school2, admin_token_).status, 200);
  pqxx::work tx(db());
  EXPECT_EQ(
      tx.exec1("SELECT count(*) FROM grants WHERE id = " + std::to_string(grant_id))[0].as<int>(),
      0);
}

}  // namespace
}  // namespace esep::testing
