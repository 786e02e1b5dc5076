#include "esep/server/json_io.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <limits>
#include <string>

namespace esep::server {
namespace json = boost::json;

json::object LocalizedJson(const core::LocalizedText& text) {
  return json::object{{"kk", text.kk}, {"ru", text.ru}, {"en", text.en}};
}

json::object ErrorObject(const core::Error& error) {
  json::object body{
      {"code", error.code}, {"message", LocalizedJson(error.message)}, {"field", error.field}};
  if (!error.details.empty()) body["details"] = error.details;
  return body;
}

std::string ErrorJson(const core::Error& error, const std::string& request_id) {
  json::object body = ErrorObject(error);
  if (!request_id.empty()) body["request_id"] = request_id;
  return json::serialize(body);
}

HttpResponse ErrorResponse(int status, const core::Error& error, const std::string& request_id) {
  HttpResponse response;
  response.status = status;
  response.body = ErrorJson(error, request_id);
  return response;
}

HttpResponse JsonResponse(int status, const json::value& body) {
  HttpResponse response;
  response.status = status;
  response.body = json::serialize(body);
  return response;
}

core::Result<json::object> ParseJsonObject(const std::string& body) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  json::value value = json::parse(body, ec, {}, options);
  if (ec) {
    core::Error error = core::MakeError("json.malformed", "Сұраныс денесі дұрыс JSON емес.",
                                        "Тело запроса — некорректный JSON.",
                                        "The request body is not valid JSON.", "body");
    error.details = ec.message();
    return error;
  }
  if (!value.is_object()) {
    return core::MakeError("json.not_object", "Сұраныс денесі JSON нысаны болуы керек.",
                           "Тело запроса должно быть JSON-объектом.",
                           "The request body must be a JSON object.", "body");
  }
  return std::move(value.as_object());
}

namespace {

core::Error Missing(const char* field) {
  return core::MakeError("json.missing_field", std::string("Міндетті өріс жоқ: ") + field,
                         std::string("Не заполнено обязательное поле: ") + field,
                         std::string("A required field is missing: ") + field, field);
}

core::Error WrongType(const char* field, const char* expected_kk, const char* expected_ru,
                      const char* expected_en) {
  return core::MakeError("json.wrong_type",
                         std::string(field) + " өрісі " + expected_kk + " болуы керек",
                         std::string("Поле ") + field + " должно быть " + expected_ru,
                         std::string("Field ") + field + " must be " + expected_en, field);
}

}  // namespace

core::Result<std::optional<std::string>> OptionalString(const json::object& object,
                                                        const char* field) {
  const json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) return std::optional<std::string>();
  if (!value->is_string()) return WrongType(field, "мәтін", "строкой", "a string");
  return std::optional<std::string>(std::string(value->as_string()));
}

core::Result<std::string> RequiredString(const json::object& object, const char* field) {
  auto value = OptionalString(object, field);
  if (!value) return value.error();
  if (!value->has_value()) return Missing(field);
  return **value;
}

core::Result<std::optional<std::int64_t>> OptionalInt(const json::object& object,
                                                      const char* field) {
  const json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) return std::optional<std::int64_t>();
  if (value->is_int64()) return std::optional<std::int64_t>(value->as_int64());
  if (value->is_uint64() &&
      value->as_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return std::optional<std::int64_t>(static_cast<std::int64_t>(value->as_uint64()));
  }
  return WrongType(field, "бүтін сан", "целым числом", "an integer");
}

core::Result<std::int64_t> RequiredInt(const json::object& object, const char* field) {
  auto value = OptionalInt(object, field);
  if (!value) return value.error();
  if (!value->has_value()) return Missing(field);
  return **value;
}

core::Result<std::optional<bool>> OptionalBool(const json::object& object, const char* field) {
  const json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) return std::optional<bool>();
  if (!value->is_bool()) return WrongType(field, "true/false", "true/false", "true/false");
  return std::optional<bool>(value->as_bool());
}

std::optional<std::int64_t> ParseDecimal(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

core::Result<std::int64_t> PathId(const RequestContext& ctx, const std::string& name) {
  auto it = ctx.params.find(name);
  const std::string text = it == ctx.params.end() ? std::string() : it->second;
  const auto id = ParseDecimal(text);
  if (!id || *id <= 0) {
    return core::MakeError("http.bad_id", "Идентификатор қате: " + text,
                           "Неверный идентификатор: " + text, "Bad identifier: " + text, name);
  }
  return *id;
}

core::Result<Paging> PagingFromQuery(const HttpRequest& request) {
  Paging paging;
  for (const char* name : {"limit", "offset"}) {
    const std::string text = request.QueryParam(name);
    if (text.empty()) continue;
    const auto parsed = text.size() <= 9 ? ParseDecimal(text) : std::nullopt;
    const int value = parsed ? static_cast<int>(*parsed) : -1;
    const bool is_limit = std::string(name) == "limit";
    if (!parsed || (is_limit && (value < 1 || value > 500))) {
      return core::MakeError(
          "http.bad_paging", std::string(name) + " параметрі қате (limit 1–500, offset ≥ 0)",
          std::string("Неверный параметр ") + name + " (limit 1–500, offset ≥ 0)",
          std::string("Bad ") + name + " (limit 1–500, offset >= 0)", name);
    }
    (is_limit ? paging.limit : paging.offset) = value;
  }
  return paging;
}

int StatusFor(const core::Error& error) {
  const std::string& code = error.code;
  const auto has = [&code](const char* part) { return code.find(part) != std::string::npos; };
  if (code.rfind("json.", 0) == 0 || code.rfind("http.", 0) == 0) return 400;
  if (has("not_found")) return 404;
  if (has("conflict") || has("taken") || has("exists") || has("duplicate")) return 409;
  return 422;
}

HandlerError Reject(core::Error error) {
  const int status = StatusFor(error);
  return HandlerError{status, std::move(error)};
}

}  // namespace esep::server
