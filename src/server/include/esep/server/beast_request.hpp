#pragma once
/// @file
/// From a request Beast has parsed to the plain HttpRequest handlers see. The transport
/// (https_server.cpp) and the request fuzzer (tests/fuzz) share it, so both convert alike.

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "esep/core/result.hpp"
#include "esep/server/http.hpp"

namespace esep::server {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// Method, path, raw query, lower-cased header names and the body (moved out of `message`);
/// remote_address is left to the caller. A request-target with a byte outside printable
/// ASCII gives "http.bad_target" (field "target"): RFC 9112 allows only ASCII there (others
/// are percent-encoded), and a raw byte would otherwise reach error bodies, which would no
/// longer be UTF-8 and so not JSON, and the logs and audit trail.
core::Result<HttpRequest> ToHttpRequest(BeastRequest&& message);

}  // namespace esep::server
