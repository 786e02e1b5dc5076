#pragma once
/// @file
/// ApiTest: a real esep-server (in-process, real TLS on a loopback port) over this test's
/// fresh database, with a demo structure seeded: an education department (АБП) with two
/// schools, and an administrator of the department's subtree.

#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "esep/server/server_app.hpp"
#include "https_client.hpp"
#include "pg_test.hpp"

namespace esep::testing {

/// A valid synthetic BIN (registered 2026-01, resident legal entity, head office) for the
/// given sequence number; never a real organisation's.
std::string SyntheticBin(int sequence);

class ApiTest : public PgTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// Creates a user holding `role` in `org` and returns a session token for them.
  std::string UserWithRole(const std::string& login, const std::string& role, core::OrgId org,
                           bool include_subtree = false);
  /// Signs in through the API and returns the token (asserts success).
  std::string SignIn(const std::string& login, const std::string& password);
  /// A request with a bearer token (empty = none).
  ApiReply Call(const std::string& method, const std::string& target, const std::string& token,
                const std::string& body = {},
                const std::map<std::string, std::string>& headers = {});
  std::unique_ptr<HttpsClient> NewClient();
  /// Polls GET /api/v1/jobs/{id} until the job has finished (or `timeout`, a test failure)
  /// and returns its last state.
  boost::json::object WaitForJob(std::int64_t id, const std::string& token,
                                 std::chrono::seconds timeout = std::chrono::seconds(120));

  static constexpr const char* kPassword = "Qazaqstan-2026";

  std::unique_ptr<server::ServerApp> server_;
  std::unique_ptr<HttpsClient> client_;
  core::OrgId department_, school1_, school2_;
  std::string admin_token_;  ///< administrator of the department and everything below it
  std::filesystem::path cert_;
  /// Settings the server was started with (tests may change them before SetUp completes).
  server::ServerSettings settings_;
};

}  // namespace esep::testing
