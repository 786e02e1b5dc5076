#pragma once
/// @file
/// JSON in and out of handlers: the error body every failure uses, body parsing, and typed
/// field access whose errors name the field (in kk, ru and en).

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "esep/core/error.hpp"
#include "esep/core/result.hpp"
#include "esep/server/http.hpp"
#include "esep/server/route.hpp"

namespace esep::server {

/// `{code, message: {kk, ru, en}, field, details?}`.
boost::json::object ErrorObject(const core::Error& error);
/// `{code, message: {kk, ru, en}, field, details?, request_id?}`.
std::string ErrorJson(const core::Error& error, const std::string& request_id = {});
HttpResponse ErrorResponse(int status, const core::Error& error,
                           const std::string& request_id = {});
HttpResponse JsonResponse(int status, const boost::json::value& body);
boost::json::object LocalizedJson(const core::LocalizedText& text);

/// The body as a JSON object: "json.malformed" (with the byte offset) or "json.not_object".
core::Result<boost::json::object> ParseJsonObject(const std::string& body);

/// Field access. Missing required fields give "json.missing_field"; a value of another type
/// "json.wrong_type"; both name the field. Optional getters accept null as absent.
core::Result<std::string> RequiredString(const boost::json::object& object, const char* field);
core::Result<std::optional<std::string>> OptionalString(const boost::json::object& object,
                                                        const char* field);
core::Result<std::int64_t> RequiredInt(const boost::json::object& object, const char* field);
core::Result<std::optional<std::int64_t>> OptionalInt(const boost::json::object& object,
                                                      const char* field);
core::Result<std::optional<bool>> OptionalBool(const boost::json::object& object,
                                               const char* field);

/// A plain decimal number of at most 18 digits (ids, limits); nullopt for anything else.
std::optional<std::int64_t> ParseDecimal(std::string_view text);

/// A path parameter as a positive id: "http.bad_id" naming the parameter.
core::Result<std::int64_t> PathId(const RequestContext& ctx, const std::string& name);

/// Paging from the query string: limit 1..500 (default 50), offset >= 0.
struct Paging {
  int limit = 50;
  int offset = 0;
};
core::Result<Paging> PagingFromQuery(const HttpRequest& request);

/// The HTTP status for a domain error: 400 malformed request (json.*, http.*), 404 not
/// found, 409 conflicts (stale version, taken name), 422 everything else a user must fix.
int StatusFor(const core::Error& error);
/// HandlerError with StatusFor's status.
HandlerError Reject(core::Error error);

/// Shorthands handlers return.
inline HandlerError Fail(int status, core::Error error) {
  return HandlerError{status, std::move(error)};
}

}  // namespace esep::server
