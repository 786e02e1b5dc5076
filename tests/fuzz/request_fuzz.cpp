// libFuzzer target over what the server does with untrusted bytes before any database work:
// Beast's request parser with the server's limits, the conversion to HttpRequest, query
// and percent decoding, routing against the product's route table, and JSON body decoding
// with every typed getter. Any crash, sanitizer report or __builtin_trap() is a bug.
//
// Input layout: byte 0 picks how the rest arrives from the network — 0 means in one piece,
// n > 0 means in pieces of n bytes — so that the parser's resumption after a partial
// header, chunk header or body is fuzzed as well. The rest is one connection's bytes: one or
// more pipelined requests.
//
// Built with ESEP_FUZZ=ON (./esep fuzz). Longer runs: build-fuzz/tests/request_fuzz DIR
// -max_total_time=600 with DIR a copy of tests/fuzz/corpus; a crash file given alone as the
// argument replays it. Add each fixed crash to tests/fuzz/corpus.
#include <algorithm>
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "esep/core/error.hpp"
#include "esep/db/connection_pool.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/server/beast_request.hpp"
#include "esep/server/dispatcher.hpp"
#include "esep/server/entity_json.hpp"
#include "esep/server/http.hpp"
#include "esep/server/https_server.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/metrics.hpp"
#include "esep/server/route.hpp"
#include "esep/server/router.hpp"
#include "esep/server/routes.hpp"

// Boost.JSON compiled into this target: the shared libboost_json carries no coverage
// instrumentation, and without it libFuzzer cannot steer inputs into valid JSON.
#include <boost/json/src.hpp>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using esep::server::BeastRequest;
using esep::server::HttpRequest;

// One input holds at most this many pipelined messages: enough to reach the parser's reuse
// of leftover bytes, small enough to keep every run fast.
constexpr int kMaxMessagesPerInput = 8;

// Fields the getters are asked for: every body field the routes read, plus one never sent.
constexpr const char* kFields[] = {"abp_code",
                                   "accounting_office_id",
                                   "active",
                                   "bin",
                                   "budget_level",
                                   "client",
                                   "current_password",
                                   "full_name",
                                   "iin",
                                   "include_subtree",
                                   "kind",
                                   "lang",
                                   "login",
                                   "name_kk",
                                   "name_ru",
                                   "new_password",
                                   "org_id",
                                   "parent_id",
                                   "password",
                                   "role",
                                   "user_id",
                                   "version",
                                   "absent"};

// Every query parameter the routes read, and the empty name.
constexpr const char* kQueryNames[] = {"limit", "offset", "org_id", "action", "from",
                                       "to",    "kind",   "q",      ""};

// Only real bugs end here; the input that got here is the reproducer.
[[noreturn]] void Bug() { __builtin_trap(); }

void Check(bool condition) {
  if (!condition) Bug();
}

// The product's route table. The pool is never used: handlers are not called, and the
// pool connects only on Acquire().
const esep::server::Router& ProductRouter() {
  static esep::db::ConnectionPool pool("host=/nonexistent/esep-fuzz", 1);
  static esep::server::Metrics metrics;
  static esep::server::EventHub hub;
  static esep::server::JobRunner runner(pool, hub, 1);  // never started
  static const esep::server::Router router = [] {
    esep::server::Router table;
    esep::server::AddAllRoutes(table, pool, metrics, esep::server::ApiSettings{}, runner);
    return table;
  }();
  return router;
}

bool IsValidJsonObjectWithCode(const std::string& text, const std::string& code) {
  boost::system::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) return false;
  const json::value* found = value.as_object().if_contains("code");
  return found != nullptr && found->is_string() && found->as_string() == code;
}

// Every error a client can receive: a code, three messages, and a body that is JSON.
void CheckError(const esep::core::Error& error) {
  Check(!error.code.empty());
  Check(!error.message.kk.empty() && !error.message.ru.empty() && !error.message.en.empty());
  Check(IsValidJsonObjectWithCode(esep::server::ErrorJson(error, "fuzz-request"), error.code));
}

void CheckMalformedRequestError(const esep::core::Error& error, const std::string& field) {
  CheckError(error);
  Check(error.field == field);
  Check(esep::server::StatusFor(error) == 400);
}

void CheckUrlDecoding(const std::string& text) {
  const std::string decoded = esep::server::UrlDecode(text);
  Check(decoded.size() <= text.size());
  if (text.find_first_of("%+") == std::string::npos) Check(decoded == text);
}

void CheckQuery(const HttpRequest& request) {
  CheckUrlDecoding(request.path);
  CheckUrlDecoding(request.query);
  for (const char* name : kQueryNames) {
    Check(request.QueryParam(name).size() <= request.query.size());
  }
  auto paging = esep::server::PagingFromQuery(request);
  if (paging) {
    Check(paging->limit >= 1 && paging->limit <= 500 && paging->offset >= 0);
  } else {
    Check(paging.error().code == "http.bad_paging");
    CheckMalformedRequestError(paging.error(), paging.error().field);
    Check(paging.error().field == "limit" || paging.error().field == "offset");
  }
}

void CheckRequestId(const HttpRequest& request) {
  const std::string id = esep::server::RequestIdFor(request);
  Check(!id.empty() && id.size() <= 64);
  for (char c : id) {
    Check(std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.');
  }
}

std::set<std::string> PatternParams(const std::string& pattern) {
  std::set<std::string> names;
  std::size_t open = pattern.find('{');
  while (open != std::string::npos) {
    const std::size_t close = pattern.find('}', open);
    names.insert(pattern.substr(open + 1, close - open - 1));
    open = pattern.find('{', close);
  }
  return names;
}

void CheckPathId(const esep::server::RequestContext& ctx, const std::string& name) {
  auto id = esep::server::PathId(ctx, name);
  if (id) {
    const std::string& text = ctx.params.at(name);
    const std::size_t digits = text.find_first_not_of('0');
    Check(*id > 0 && digits != std::string::npos && std::to_string(*id) == text.substr(digits));
  } else {
    Check(id.error().code == "http.bad_id");
    CheckMalformedRequestError(id.error(), name);
  }
}

void CheckRouting(const HttpRequest& request) {
  const esep::server::RouteMatch match = ProductRouter().Match(request.method, request.path);
  if (match.route == nullptr) {
    // The dispatcher's 405 and 404 (Dispatcher::Route) echo the method or the path.
    if (match.path_known) {
      CheckError(esep::core::MakeError("http.method_not_allowed",
                                       "Бұл әдіске рұқсат жоқ: " + request.method,
                                       "Метод не поддерживается: " + request.method,
                                       "Method not allowed: " + request.method, "method"));
    } else {
      CheckError(esep::core::MakeError("http.not_found", "Мұндай мекенжай жоқ: " + request.path,
                                       "Нет такого адреса: " + request.path,
                                       "No such route: " + request.path, "path"));
    }
    return;
  }
  Check(match.path_known && match.route->method == request.method);
  const std::set<std::string> expected = PatternParams(match.route->pattern);
  Check(match.params.size() == expected.size());
  for (const auto& [name, value] : match.params) {
    Check(expected.count(name) == 1 && !value.empty() && value.find('/') == std::string::npos);
  }
  const esep::server::RequestContext ctx{
      request, match.params, "fuzz-request", {}, std::nullopt, {}, 0, nullptr, nullptr, {}};
  for (const char* name : {"id", "org_id"}) {
    if (match.params.count(name) == 1) CheckPathId(ctx, name);
  }
}

// The getters against an independent reading of the same member.
void CheckGetters(const json::object& object, const char* field) {
  const json::value* member = object.if_contains(field);
  const bool absent = member == nullptr || member->is_null();

  auto optional_string = esep::server::OptionalString(object, field);
  auto required_string = esep::server::RequiredString(object, field);
  if (absent) {
    Check(optional_string && !optional_string->has_value());
    Check(!required_string && required_string.error().code == "json.missing_field");
  } else if (member->is_string()) {
    Check(optional_string && optional_string->has_value() &&
          **optional_string == member->as_string());
    Check(required_string && *required_string == member->as_string());
  } else {
    Check(!optional_string && optional_string.error().code == "json.wrong_type");
    Check(!required_string && required_string.error() == optional_string.error());
  }

  std::optional<std::int64_t> as_int;
  if (!absent && member->is_int64()) as_int = member->as_int64();
  if (!absent && member->is_uint64() &&
      member->as_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    as_int = static_cast<std::int64_t>(member->as_uint64());
  }
  auto optional_int = esep::server::OptionalInt(object, field);
  auto required_int = esep::server::RequiredInt(object, field);
  if (absent) {
    Check(optional_int && !optional_int->has_value());
    Check(!required_int && required_int.error().code == "json.missing_field");
  } else if (as_int) {
    Check(optional_int && *optional_int == as_int);
    Check(required_int && *required_int == *as_int);
  } else {
    Check(!optional_int && optional_int.error().code == "json.wrong_type");
    Check(!required_int && required_int.error() == optional_int.error());
  }

  auto optional_bool = esep::server::OptionalBool(object, field);
  if (absent) {
    Check(optional_bool && !optional_bool->has_value());
  } else if (member->is_bool()) {
    Check(optional_bool && *optional_bool == member->as_bool());
  } else {
    Check(!optional_bool && optional_bool.error().code == "json.wrong_type");
  }

  if (!required_int) CheckMalformedRequestError(required_int.error(), field);
  if (!required_string) CheckMalformedRequestError(required_string.error(), field);
  if (!optional_bool) CheckMalformedRequestError(optional_bool.error(), field);
}

void CheckInstitutionInput(const json::object& object) {
  auto input = esep::server::InstitutionInputFromJson(object);
  if (!input) {
    static const std::set<std::string> kCodes = {"json.missing_field", "json.wrong_type",
                                                 "institution.kind", "institution.budget_level"};
    Check(kCodes.count(input.error().code) == 1 && !input.error().field.empty());
    CheckError(input.error());
    return;
  }
  Check(input->bin == object.at("bin").as_string());
  Check(input->name_kk == object.at("name_kk").as_string());
  Check(input->name_ru == object.at("name_ru").as_string());
  Check(esep::platform::InstitutionKindCode(input->kind) ==
        std::string_view(object.at("kind").as_string()));
  Check(input->budget_level >= 1 && input->budget_level <= 4);
  const json::value* active = object.if_contains("active");
  Check(input->active == (active == nullptr || active->is_null() || active->as_bool()));
  const json::value* parent = object.if_contains("parent_id");
  Check(input->parent.has_value() == (parent != nullptr && !parent->is_null()));
}

void CheckJsonBody(const std::string& body) {
  auto object = esep::server::ParseJsonObject(body);
  if (!object) {
    const std::string& code = object.error().code;
    Check(code == "json.malformed" || code == "json.not_object");
    CheckMalformedRequestError(object.error(), "body");
    return;
  }
  for (const char* field : kFields) CheckGetters(*object, field);
  CheckInstitutionInput(*object);
}

void CheckMessage(BeastRequest&& message, const esep::server::HttpsOptions& limits) {
  Check(message.body().size() <= limits.body_limit);
  const std::string target(message.target());
  auto converted = esep::server::ToHttpRequest(std::move(message));
  if (!converted) {
    Check(converted.error().code == "http.bad_target");
    CheckMalformedRequestError(converted.error(), "target");
    return;
  }
  HttpRequest request = std::move(converted).value();
  Check(request.path.find('?') == std::string::npos);
  Check(target == (target.find('?') == std::string::npos ? request.path
                                                         : request.path + "?" + request.query));
  for (const auto& [name, value] : request.headers) {
    for (char c : name) Check(std::tolower(static_cast<unsigned char>(c)) == c);
  }
  CheckUrlDecoding(target);
  CheckQuery(request);
  CheckRequestId(request);
  CheckRouting(request);
  CheckJsonBody(request.body);
}

// One connection, read as Beast's async_read does (eager parsing; an EOF after some bytes
// finishes or fails the message); each completed message is handled, and the next one is
// parsed from the leftover bytes while the client keeps the connection alive.
void RunConnection(std::string_view stream, std::size_t piece) {
  const esep::server::HttpsOptions limits;
  std::string buffer;
  std::size_t delivered = 0;
  const auto receive = [&]() {
    if (delivered == stream.size()) return false;
    const std::size_t size = std::min(piece, stream.size() - delivered);
    buffer.append(stream.substr(delivered, size));
    delivered += size;
    return true;
  };

  for (int message_count = 0; message_count < kMaxMessagesPerInput; ++message_count) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits.header_limit));
    parser.body_limit(limits.body_limit);
    parser.eager(true);
    beast::error_code ec;
    bool end_of_stream = false;
    while (!parser.is_done()) {
      if (buffer.empty() && !receive()) {
        end_of_stream = true;
        break;
      }
      const std::size_t used = parser.put(boost::asio::buffer(buffer), ec);
      Check(used <= buffer.size());
      buffer.erase(0, used);
      if (ec == http::error::need_more) {
        ec = {};
        if (!receive()) {
          end_of_stream = true;
          break;
        }
        continue;
      }
      if (ec) break;
      // Without progress or an error Beast's read loop would spin on this connection.
      Check(used > 0 || parser.is_done() || buffer.empty());
    }
    if (end_of_stream) {
      if (!parser.got_some()) return;
      parser.put_eof(ec);
      Check(ec || parser.is_done());
    }
    // The server answers 413/431 or closes; either way the connection ends.
    if (ec) return;
    const bool keep_alive = parser.get().keep_alive();
    CheckMessage(parser.release(), limits);
    if (!keep_alive) return;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view stream(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t piece = data[0] == 0 ? std::max<std::size_t>(stream.size(), 1) : data[0];
  RunConnection(stream, piece);
  // The JSON layer also gets the raw bytes, so mutations that break the HTTP framing
  // (a Content-Length that no longer matches) still exercise body decoding.
  CheckJsonBody(std::string(stream));
  return 0;
}
