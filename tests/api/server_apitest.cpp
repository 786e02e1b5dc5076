// esep-server end to end over TLS: health and metrics, bad input, sessions, idempotency,
// limits, and nothing written by a failing request.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <pqxx/pqxx>
#include <string>
#include <thread>

#include "api_test.hpp"
#include "esep/platform/audit.hpp"

namespace esep::testing {
namespace {

namespace json = boost::json;

class ServerApiTest : public ApiTest {
 protected:
  int Count(const std::string& sql) {
    pqxx::work tx(db());
    return tx.exec1(sql)[0].as<int>();
  }
  static void ExpectError(const ApiReply& reply, int status, const std::string& code,
                          const std::string& field = "") {
    EXPECT_EQ(reply.status, status) << reply.body;
    const json::value body = reply.json();
    ASSERT_TRUE(body.is_object()) << reply.body;
    EXPECT_EQ(body.at("code").as_string(), code) << reply.body;
    for (const char* lang : {"kk", "ru", "en"}) {
      EXPECT_FALSE(body.at("message").at(lang).as_string().empty()) << lang << " " << reply.body;
    }
    if (!field.empty()) {
      EXPECT_EQ(body.at("field").as_string(), field) << reply.body;
    }
  }
  std::string NewSchoolBody(const std::string& bin, const std::string& name) {
    return json::serialize(json::object{{"bin", bin},
                                        {"name_kk", name + " (kk)"},
                                        {"name_ru", name},
                                        {"kind", "kgu"},
                                        {"budget_level", 3},
                                        {"parent_id", department_.value()}});
  }
};

TEST_F(ServerApiTest, HealthAndMetricsNeedNoSession) {
  auto health = Call("GET", "/api/v1/health", "");
  EXPECT_EQ(health.status, 200) << health.body;
  EXPECT_EQ(health.json().at("database").as_string(), "ok");
  EXPECT_FALSE(health.headers["x-request-id"].empty());
  auto metrics = Call("GET", "/metrics", "");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(
      metrics.body.find(
          "esep_http_requests_total{method=\"GET\",route=\"/api/v1/health\",status=\"200\"} 1"),
      std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("esep_db_pool_open"), std::string::npos);
}

TEST_F(ServerApiTest, UnknownRoutesAndMethodsAreJsonErrors) {
  ExpectError(Call("GET", "/api/v1/nothing-here", admin_token_), 404, "http.not_found", "path");
  ExpectError(Call("DELETE", "/api/v1/health", admin_token_), 405, "http.method_not_allowed");
}

TEST_F(ServerApiTest, MalformedJsonWrongTypesAndMissingFieldsWriteNothing) {
  const int before = Count("SELECT count(*) FROM institutions");
  ExpectError(Call("POST", "/api/v1/institutions", admin_token_, "{\"bin\": "), 400,
              "json.malformed");
  ExpectError(Call("POST", "/api/v1/institutions", admin_token_, "[1,2]"), 400, "json.not_object");
  auto body = json::parse(NewSchoolBody(SyntheticBin(13), "Школа"));
  body.as_object()["budget_level"] = "three";
  ExpectError(Call("POST", "/api/v1/institutions", admin_token_, json::serialize(body)), 400,
              "json.wrong_type", "budget_level");
  body.as_object().erase("budget_level");
  ExpectError(Call("POST", "/api/v1/institutions", admin_token_, json::serialize(body)), 400,
              "json.missing_field", "budget_level");
  std::string bad_bin = SyntheticBin(10);
  bad_bin.back() = bad_bin.back() == '9' ? '0' : static_cast<char>(bad_bin.back() + 1);
  ExpectError(Call("POST", "/api/v1/institutions", admin_token_, NewSchoolBody(bad_bin, "Школа")),
              422, "bin.checksum", "bin");
  EXPECT_EQ(Count("SELECT count(*) FROM institutions"), before);
}

TEST_F(ServerApiTest, TokensMissingForgedExpiredAndAfterLogout) {
  ExpectError(Call("GET", "/api/v1/me", ""), 401, "auth.required");
  ExpectError(Call("GET", "/api/v1/me", std::string(43, 'A')), 401, "auth.token_invalid");
  ExpectError(Call("GET", "/api/v1/me", "not a token at all"), 401, "auth.token_invalid");
  auto me = Call("GET", "/api/v1/me", admin_token_);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("login").as_string(), "admin");
  EXPECT_EQ(me.json().at("institutions").as_array().size(), 3u) << "the department's whole subtree";
  EXPECT_EQ(Call("POST", "/api/v1/auth/logout", admin_token_).status, 200);
  ExpectError(Call("GET", "/api/v1/me", admin_token_), 401, "auth.token_invalid");
}

TEST_F(ServerApiTest, WrongPasswordsLockTheAccountAndAreAudited) {
  for (int i = 0; i < 4; ++i) {
    ExpectError(Call("POST", "/api/v1/auth/login", "",
                     R"({"login":"admin","password":"wrong-password-1"})"),
                401, "auth.invalid_credentials");
  }
  ExpectError(
      Call("POST", "/api/v1/auth/login", "", R"({"login":"admin","password":"wrong-password-1"})"),
      423, "auth.locked");
  ExpectError(Call("POST", "/api/v1/auth/login", "",
                   std::string(R"({"login":"admin","password":")") + kPassword + "\"}"),
              423, "auth.locked");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'login.failure'"), 5);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'login.lockout'"), 1);
}

TEST_F(ServerApiTest, CreatesReadsAndUpdatesInstitutionsWithAuditAndOptimisticLock) {
  auto created = Call("POST", "/api/v1/institutions", admin_token_,
                      NewSchoolBody(SyntheticBin(24), "Школа № 3"));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json().at("id").as_int64();
  EXPECT_EQ(created.json().at("kind_name").at("kk").as_string(), "Коммуналдық мемлекеттік мекеме");
  auto list = Call("GET", "/api/v1/institutions?q=%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%96%203",
                   admin_token_);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json().at("items").as_array().size(), 1u) << list.body;

  auto update = json::parse(NewSchoolBody(SyntheticBin(24), "Школа № 3 имени Абая")).as_object();
  update["version"] = 1;
  const std::string path = "/api/v1/institutions/" + std::to_string(id);
  auto updated = Call("PUT", path, admin_token_, json::serialize(update));
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json().at("version").as_int64(), 2);
  ExpectError(Call("PUT", path, admin_token_, json::serialize(update)), 409,
              "institution.version_conflict");
  EXPECT_EQ(
      Count("SELECT count(*) FROM audit_log WHERE action LIKE 'institution.%' AND entity_id = '" +
            std::to_string(id) + "'"),
      2);
}

TEST_F(ServerApiTest, TheAuditChainStaysWholeAcrossInstitutionsUnderRowLevelSecurity) {
  // A school's accountant sees only the school's audit rows, yet each append must link to
  // the true last row of the whole log.
  const std::string school_admin =
      SignIn(UserWithRole("school_admin", "administrator", school1_), kPassword);
  auto update = json::parse(NewSchoolBody(SyntheticBin(200), "Школа-гимназия № 1")).as_object();
  update["version"] = 1;
  update["parent_id"] = department_.value();
  EXPECT_EQ(Call("POST", "/api/v1/institutions", admin_token_,
                 NewSchoolBody(SyntheticBin(24), "Школа № 3"))
                .status,
            201);
  auto renamed = Call("PUT", "/api/v1/institutions/" + std::to_string(school1_.value()),
                      school_admin, json::serialize(update));
  EXPECT_EQ(renamed.status, 403) << "moving under a parent outside one's rights is refused: "
                                 << renamed.body;
  update["parent_id"] = nullptr;
  EXPECT_EQ(Call("PUT", "/api/v1/institutions/" + std::to_string(school1_.value()), school_admin,
                 json::serialize(update))
                .status,
            200);
  EXPECT_EQ(Call("POST", "/api/v1/auth/logout", school_admin).status, 200);
  pqxx::work tx(db());
  auto verification = platform::VerifyAuditChain(tx);
  ASSERT_TRUE(verification.ok());
  EXPECT_FALSE(verification->first_bad_id.has_value()) << *verification->first_bad_id;
  EXPECT_GE(verification->rows_checked, 8);
}

TEST_F(ServerApiTest, ARepeatedIdempotencyKeyReturnsTheFirstResultAndWritesNothing) {
  const std::map<std::string, std::string> key = {{"Idempotency-Key", "create-school-3"}};
  const std::string body = NewSchoolBody(SyntheticBin(24), "Школа № 3");
  auto first = Call("POST", "/api/v1/institutions", admin_token_, body, key);
  ASSERT_EQ(first.status, 201) << first.body;
  const int rows = Count("SELECT count(*) FROM institutions");
  const int audit = Count("SELECT count(*) FROM audit_log");
  auto again = Call("POST", "/api/v1/institutions", admin_token_, body, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.headers["idempotent-replayed"], "true");
  EXPECT_EQ(Count("SELECT count(*) FROM institutions"), rows);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), audit);
  ExpectError(Call("POST", "/api/v1/institutions", admin_token_,
                   NewSchoolBody(SyntheticBin(35), "Другая"), key),
              422, "idempotency.key_reused");
}

TEST_F(ServerApiTest, OversizedBodiesAndHeadersAreRefused) {
  const std::string big(settings_.https.body_limit + 1, ' ');
  auto reply = Call("POST", "/api/v1/auth/login", "", big);
  EXPECT_EQ(reply.status, 413) << reply.body;
  auto client = NewClient();
  auto headers =
      client->Request("GET", "/api/v1/health", "", {{"X-Padding", std::string(20000, 'x')}});
  EXPECT_EQ(headers.status, 431);
}

TEST_F(ServerApiTest, PlainHttpGetsNoHttpAnswer) {
  // There is no plaintext listener: an HTTP request on the port is not a TLS handshake.
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket socket(ioc);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), server_->port()});
  const std::string request = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  boost::asio::write(socket, boost::asio::buffer(request));
  std::string answer(512, '\0');
  boost::system::error_code ec;
  const std::size_t n = socket.read_some(boost::asio::buffer(answer), ec);
  answer.resize(n);
  EXPECT_EQ(answer.find("HTTP/1.1"), std::string::npos) << answer;
}

}  // namespace
}  // namespace esep::testing

namespace esep::testing {
namespace {

class ServerApiRulesTest : public ApiTest {};

TEST_F(ServerApiRulesTest, AResetPasswordMustBeChangedBeforeAnythingElse) {
  UserWithRole("teacher_admin", "administrator", school1_);
  const std::string path = "/api/v1/institutions/" + std::to_string(school1_.value()) + "/users/";
  auto users = Call("GET", "/api/v1/institutions/" + std::to_string(school1_.value()) + "/users",
                    admin_token_);
  ASSERT_EQ(users.status, 200) << users.body;
  const boost::json::value list = users.json();
  std::int64_t id = 0;
  for (const auto& user : list.at("items").as_array()) {
    if (user.at("login").as_string() == "teacher_admin") id = user.at("id").as_int64();
  }
  ASSERT_GT(id, 0);
  auto reset = Call("POST", path + std::to_string(id) + "/password-reset", admin_token_,
                    R"({"new_password":"Temporary-2026"})");
  ASSERT_EQ(reset.status, 200) << reset.body;
  const std::string token = SignIn("teacher_admin", "Temporary-2026");
  auto refused = Call("GET", "/api/v1/institutions", token);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json().at("code").as_string(), "auth.password_change_required");
  auto changed =
      Call("POST", "/api/v1/me/password", token,
           R"({"current_password":"Temporary-2026","new_password":"Mektep-Zhana-2027"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(
      Call("GET", "/api/v1/institutions", SignIn("teacher_admin", "Mektep-Zhana-2027")).status,
      200);
}

TEST_F(ServerApiRulesTest, BadAuditFiltersAreRefusedNotCrashed) {
  auto reply = Call("GET", "/api/v1/audit?from=yesterday", admin_token_);
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(reply.json().at("code").as_string(), "audit.bad_time");
  auto fine = Call("GET", "/api/v1/audit?from=2026-01-01&action=institution.", admin_token_);
  EXPECT_EQ(fine.status, 200) << fine.body;
}

}  // namespace
}  // namespace esep::testing

namespace esep::testing {
namespace {

class ServerApiTargetTest : public ApiTest {};

// Found by the request fuzzer: raw non-ASCII bytes in the target used to be echoed into an
// error body that was not valid UTF-8 (and into the audit trail's jsonb).
TEST_F(ServerApiTargetTest, RawNonAsciiBytesInTheTargetAreABadRequest) {
  auto client = NewClient();
  const std::string answer =
      client->Raw("GET /api/v1/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
  EXPECT_NE(answer.find("http.bad_target"), std::string::npos) << answer;
  // Percent-encoded UTF-8 is the right way and is served normally.
  EXPECT_EQ(
      Call("GET", "/api/v1/institutions?q=%D0%A8%D0%BA%D0%BE%D0%BB%D0%B0", admin_token_).status,
      200);
}

}  // namespace
}  // namespace esep::testing

namespace esep::testing {
namespace {

TEST_F(ServerApiTest, TheRoleCatalogListsRolesWithTheirPermissionsInEveryLanguage) {
  EXPECT_EQ(Call("GET", "/api/v1/roles", "").status, 401);
  const auto reply = Call("GET", "/api/v1/roles", admin_token_);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const boost::json::value body = reply.json();
  const auto& roles = body.at("roles").as_array();
  EXPECT_EQ(roles.size(), 9u);
  bool saw_auditor = false;
  for (const auto& role : roles) {
    EXPECT_FALSE(role.at("name").at("kk").as_string().empty());
    EXPECT_FALSE(role.at("name").at("ru").as_string().empty());
    if (role.at("code") != "auditor") continue;
    saw_auditor = true;
    bool reads_audit = false;
    for (const auto& p : role.at("permissions").as_array()) {
      const std::string code(p.as_string());
      reads_audit = reads_audit || code == "audit.read";
      EXPECT_EQ(code.find(".write"), std::string::npos) << "the auditor only reads: " << code;
    }
    EXPECT_TRUE(reads_audit);
  }
  EXPECT_TRUE(saw_auditor);
  EXPECT_EQ(body.at("permissions").as_array().size(), 21u);
}

}  // namespace
}  // namespace esep::testing

namespace esep::testing {
namespace {

// Sessions are cached in the server; a change made outside it (esep-admin, psql) reaches it
// through NOTIFY esep_security (migration 0009). Without that, the cached session would stay
// valid for up to a minute.
TEST_F(ServerApiTest, ASessionEndedOutsideTheServerIsRefusedAtOnce) {
  const std::string token = SignIn(UserWithRole("clerk", "accountant", school1_), kPassword);
  ASSERT_EQ(Call("GET", "/api/v1/me", token).status, 200);
  ASSERT_EQ(Call("GET", "/api/v1/me", token).status, 200);  // now served from the cache
  {
    pqxx::work tx(db());
    tx.exec("UPDATE users SET active = false WHERE login = 'clerk'");
    tx.commit();
  }
  int status = 0;
  for (int i = 0; i < 100 && status != 401; ++i) {
    status = Call("GET", "/api/v1/me", token).status;
    if (status != 401) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 401);
}

TEST_F(ServerApiTest, AGrantWithdrawnOutsideTheServerTakesEffectAtOnce) {
  const std::string token = SignIn(UserWithRole("viewer", "auditor", school1_), kPassword);
  const std::string path = "/api/v1/audit?org_id=" + std::to_string(school1_.value());
  ASSERT_EQ(Call("GET", path, token).status, 200);
  {
    pqxx::work tx(db());
    tx.exec("DELETE FROM grants WHERE user_id = (SELECT id FROM users WHERE login = 'viewer')");
    tx.commit();
  }
  int status = 0;
  for (int i = 0; i < 100 && status != 403; ++i) {
    status = Call("GET", path, token).status;
    if (status != 403) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 403);
}

}  // namespace
}  // namespace esep::testing
