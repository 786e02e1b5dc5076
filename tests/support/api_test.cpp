#include "api_test.hpp"

#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <thread>

#include "esep/core/iin.hpp"
#include "esep/platform/access.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/platform/tls_certificate.hpp"
#include "esep/platform/users.hpp"

namespace esep::testing {
std::string SyntheticBin(int sequence) {
  for (;; ++sequence) {
    std::string first11 = "260140" + std::to_string(100000 + sequence).substr(1);
    const int digit = core::KzCheckDigit(first11);
    if (digit >= 0) return first11 + std::to_string(digit);
  }
}

namespace {

// One certificate per test process, shared by every test's server.
std::filesystem::path TestCertificate(std::filesystem::path* key) {
  static std::once_flag once;
  static std::filesystem::path cert, private_key;
  std::call_once(once, [] {
    const auto dir = TestCluster().run_dir() / "tls";
    cert = dir / "server.crt";
    private_key = dir / "server.key";
    std::filesystem::create_directories(dir);
    platform::SelfSignedOptions options;
    options.common_name = "localhost";
    options.subject_alt_names = {"localhost", "127.0.0.1"};
    auto status = platform::WriteSelfSignedCertificate(cert, private_key, options);
    if (!status) throw std::runtime_error(status.error().message.en + " " + status.error().details);
  });
  *key = private_key;
  return cert;
}

core::OrgId MakeInstitution(pqxx::dbtransaction& tx, int sequence, const std::string& name,
                            std::optional<core::OrgId> parent,
                            std::optional<std::string> abp_code) {
  platform::InstitutionInput input;
  input.bin = SyntheticBin(sequence);
  input.name_kk = name + " (kk)";
  input.name_ru = name;
  input.kind = parent ? platform::InstitutionKind::kKgu : platform::InstitutionKind::kGu;
  input.budget_level = 3;
  input.parent = parent;
  input.abp_code = std::move(abp_code);
  auto created = platform::CreateInstitution(tx, platform::Actor::System("test"), input);
  if (!created)
    throw std::runtime_error(created.error().message.en + " " + created.error().details);
  return created->id;
}

}  // namespace

void ApiTest::SetUp() {
  PgTest::SetUp();
  {
    pqxx::work tx(db());
    platform::ApplyActor(tx, platform::Actor::System("test"));
    department_ =
        MakeInstitution(tx, 100, "Отдел образования района", std::nullopt, std::string("464"));
    school1_ = MakeInstitution(tx, 200, "Школа-гимназия № 1", department_, std::nullopt);
    school2_ = MakeInstitution(tx, 300, "Средняя школа № 2", department_, std::nullopt);
    tx.commit();
  }
  std::filesystem::path key;
  cert_ = TestCertificate(&key);
  settings_.dsn = dsn();
  settings_.https.listen = "127.0.0.1";
  settings_.https.port = 0;
  settings_.https.workers = 4;
  settings_.https.certificate = cert_;
  settings_.https.private_key = key;
  settings_.pool_size = 8;
  server_ = std::make_unique<server::ServerApp>(settings_);
  auto started = server_->Start();
  ASSERT_TRUE(started) << started.error().message.en << " " << started.error().details;
  client_ = NewClient();
  UserWithRole("admin", "administrator", department_, true);
  admin_token_ = SignIn("admin", kPassword);
}

void ApiTest::TearDown() {
  client_.reset();
  if (server_) server_->Stop(std::chrono::seconds(5));
  server_.reset();
  PgTest::TearDown();
}

boost::json::object ApiTest::WaitForJob(std::int64_t id, const std::string& token,
                                        std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto reply = Call("GET", "/api/v1/jobs/" + std::to_string(id), token);
    EXPECT_EQ(reply.status, 200) << reply.body;
    boost::json::object job = reply.json().as_object();
    const std::string status(job.at("status").as_string());
    if (status != "queued" && status != "running") return job;
    if (std::chrono::steady_clock::now() > deadline) {
      ADD_FAILURE() << "job " << id << " did not finish: " << reply.body;
      return job;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::unique_ptr<HttpsClient> ApiTest::NewClient() {
  return std::make_unique<HttpsClient>("127.0.0.1", server_->port(), cert_);
}

std::string ApiTest::UserWithRole(const std::string& login, const std::string& role,
                                  core::OrgId org, bool include_subtree) {
  pqxx::work tx(db());
  const auto system = platform::Actor::System("test");
  platform::ApplyActor(tx, system);
  platform::NewUser user;
  user.login = login;
  user.full_name = "Тест Пайдаланушы " + login;
  user.password = kPassword;
  user.must_change_password = false;
  auto created = platform::CreateUser(tx, system, user, platform::PasswordPolicy{});
  if (!created) throw std::runtime_error(created.error().message.en);
  auto grant = platform::GrantRole(tx, system, created->id, role, org, include_subtree);
  if (!grant) throw std::runtime_error(grant.error().message.en);
  tx.commit();
  return login;
}

std::string ApiTest::SignIn(const std::string& login, const std::string& password) {
  auto reply = client_->Request("POST", "/api/v1/auth/login",
                                R"({"login":")" + login + R"(","password":")" + password + R"("})");
  if (reply.status != 200) throw std::runtime_error("sign-in failed: " + reply.body);
  return std::string(reply.json().at("token").as_string());
}

ApiReply ApiTest::Call(const std::string& method, const std::string& target,
                       const std::string& token, const std::string& body,
                       const std::map<std::string, std::string>& headers) {
  auto all = headers;
  if (!token.empty()) all["Authorization"] = "Bearer " + token;
  return client_->Request(method, target, body, all);
}

}  // namespace esep::testing
