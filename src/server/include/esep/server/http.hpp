#pragma once
/// @file
/// Plain HTTP request/response values: what handlers see. The TLS/Beast transport
/// (http_listener.cpp) converts to and from them, so handlers never include Beast.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace esep::server {

struct HttpRequest {
  std::string method;  ///< "GET", "POST", ...
  std::string path;    ///< "/api/v1/institutions/5" (no query string)
  std::string query;   ///< "limit=10&offset=0" (raw, without '?')
  /// Header names lower-cased.
  std::map<std::string, std::string> headers;
  std::string body;
  std::string remote_address;

  /// Header value or empty.
  std::string Header(const std::string& lower_name) const;
  /// Decoded query parameter, or empty when absent.
  std::string QueryParam(const std::string& name) const;
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
};

/// Percent-decoding for query values ('+' is a space); malformed escapes are kept as is.
std::string UrlDecode(const std::string& text);

}  // namespace esep::server
