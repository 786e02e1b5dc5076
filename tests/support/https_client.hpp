#pragma once
/// @file
/// A small blocking HTTPS client for API tests and the load benchmark: keep-alive on one
/// TLS connection, certificate pinned to the file the test server uses.

#include <boost/json/value.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace esep::testing {

struct ApiReply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  ///< lower-case names
  /// The body parsed as JSON (null when it is not JSON).
  boost::json::value json() const;
};

class HttpsClient {
 public:
  /// Trusts exactly `ca_file` (the server's self-signed certificate).
  HttpsClient(std::string host, unsigned short port, const std::filesystem::path& ca_file);
  ~HttpsClient();
  HttpsClient(const HttpsClient&) = delete;
  HttpsClient& operator=(const HttpsClient&) = delete;

  /// Sends one request on the kept-alive connection (reconnecting when the server closed
  /// it). Throws on transport failures.
  ApiReply Request(const std::string& method, const std::string& target,
                   const std::string& body = {},
                   const std::map<std::string, std::string>& headers = {});
  /// Sends raw bytes after the TLS handshake and returns what the server answers (fuzzing
  /// the parser, oversized headers). Opens a fresh connection.
  std::string Raw(const std::string& bytes);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace esep::testing
