#include "esep/reports/report_request.hpp"

#include <algorithm>
#include <array>

#include <boost/json.hpp>

namespace esep::reports {
namespace json = boost::json;

namespace {

core::Error Missing(const std::string& field) {
  return core::MakeError("json.missing_field", "«" + field + "» өрісі толтырылмаған",
                         "Не заполнено поле «" + field + "»", "Missing field '" + field + "'",
                         field);
}

core::Error WrongType(const std::string& field, const char* kk, const char* ru, const char* en) {
  return core::MakeError("json.wrong_type", "«" + field + "» өрісі " + kk + " болуы керек",
                         "Поле «" + field + "» должно быть " + ru,
                         "Field '" + field + "' must be " + en, field);
}

// A member that may be absent or null.
const json::value* Member(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value == nullptr || value->is_null() ? nullptr : value;
}

core::Result<std::string> String(const json::object& object, std::string_view key,
                                 const std::string& field) {
  const json::value* value = Member(object, key);
  if (value == nullptr) return Missing(field);
  if (!value->is_string()) return WrongType(field, "мәтін", "строкой", "a string");
  return std::string(value->get_string());
}

core::Result<std::int64_t> Integer(const json::object& object, std::string_view key,
                                   const std::string& field) {
  const json::value* value = Member(object, key);
  if (value == nullptr) return Missing(field);
  if (value->is_int64()) return value->get_int64();
  if (value->is_uint64() && value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value->get_uint64());
  }
  return WrongType(field, "бүтін сан", "целым числом", "an integer");
}

core::Result<double> Number(const json::object& object, std::string_view key,
                            const std::string& field) {
  const json::value* value = Member(object, key);
  if (value == nullptr) return Missing(field);
  if (value->is_double()) return value->get_double();
  if (value->is_int64()) return static_cast<double>(value->get_int64());
  if (value->is_uint64()) return static_cast<double>(value->get_uint64());
  return WrongType(field, "сан", "числом", "a number");
}

core::Result<core::LocalizedText> Bilingual(const json::object& object, std::string_view key,
                                            const std::string& field) {
  const json::value* value = Member(object, key);
  if (value == nullptr) return Missing(field);
  if (!value->is_object()) {
    return WrongType(field, "{kk, ru} объектісі", "объектом {kk, ru}", "an object {kk, ru}");
  }
  core::LocalizedText text;
  for (auto [lang, target] :
       std::array<std::pair<const char*, std::string*>, 2>{{{"kk", &text.kk}, {"ru", &text.ru}}}) {
    auto part = String(value->get_object(), lang, field + "." + lang);
    if (!part) return part.error();
    *target = *part;
  }
  if (const json::value* en = Member(value->get_object(), "en"); en && en->is_string()) {
    text.en = std::string(en->get_string());
  }
  return text;
}

// The members a template request and a list request share.
core::Status ReadCommon(const json::object& body, ReportRequest& request) {
  auto org = Integer(body, "org_id", "org_id");
  if (!org) return org.error();
  request.org = core::OrgId(*org);

  auto lang = String(body, "lang", "lang");
  if (!lang) return lang.error();
  if (*lang != "kk" && *lang != "ru") {
    return core::MakeError("report.lang", "Есептің тілі: kk немесе ru, берілгені «" + *lang + "»",
                           "Язык отчёта: kk или ru, получено «" + *lang + "»",
                           "The report's language is kk or ru, got '" + *lang + "'", "lang");
  }
  request.lang = *lang == "kk" ? core::Lang::kKk : core::Lang::kRu;

  if (const json::value* parameters = Member(body, "parameters")) {
    if (!parameters->is_object()) {
      return WrongType("parameters", "объект", "объектом", "an object");
    }
    for (const auto& [name, value] : parameters->get_object()) {
      const std::string field = "parameters." + std::string(name);
      if (value.is_null()) continue;
      if (value.is_string()) {
        request.parameters[std::string(name)] = std::string(value.get_string());
      } else if (value.is_int64()) {
        request.parameters[std::string(name)] = std::to_string(value.get_int64());
      } else if (value.is_uint64()) {
        request.parameters[std::string(name)] = std::to_string(value.get_uint64());
      } else {
        return WrongType(field, "мәтін", "строкой", "a string");
      }
    }
  }

  const json::value* formats = Member(body, "formats");
  if (formats == nullptr) return Missing("formats");
  if (!formats->is_array()) return WrongType("formats", "жиым", "массивом", "an array");
  std::array<bool, 3> wanted{};
  const json::array& list = formats->get_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string field = "formats[" + std::to_string(i) + "]";
    if (!list[i].is_string()) return WrongType(field, "мәтін", "строкой", "a string");
    const std::string name(list[i].get_string());
    const auto format = ParseReportFormat(name);
    if (!format) {
      return core::MakeError("report.format",
                             "«" + name + "» пішімі белгісіз; рұқсат етілгендері: json, pdf, xlsx",
                             "Неизвестный формат «" + name + "»; допустимы: json, pdf, xlsx",
                             "Unknown format '" + name + "'; known: json, pdf, xlsx", field);
    }
    wanted[static_cast<std::size_t>(*format)] = true;
  }
  for (ReportFormat format : {ReportFormat::kJson, ReportFormat::kPdf, ReportFormat::kXlsx}) {
    if (wanted[static_cast<std::size_t>(format)]) request.formats.push_back(format);
  }
  if (request.formats.empty()) {
    return core::MakeError("report.formats", "Кемінде бір пішімді таңдаңыз (json, pdf, xlsx)",
                           "Выберите хотя бы один формат (json, pdf, xlsx)",
                           "Choose at least one format (json, pdf, xlsx)", "formats");
  }
  return core::Status::Ok();
}

core::Result<forms::ListSpec> ReadListSpec(const json::object& body) {
  forms::ListSpec spec;
  auto source = String(body, "source", "source");
  if (!source) return source.error();
  spec.source = *source;
  auto title = Bilingual(body, "title", "title");
  if (!title) return title.error();
  spec.title = *title;
  if (const json::value* numbered = Member(body, "numbered")) {
    if (!numbered->is_bool()) return WrongType("numbered", "true/false", "true/false", "a boolean");
    spec.numbered = numbered->get_bool();
  }
  const json::value* columns = Member(body, "columns");
  if (columns == nullptr) return Missing("columns");
  if (!columns->is_array()) return WrongType("columns", "жиым", "массивом", "an array");
  const json::array& items = columns->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = "columns[" + std::to_string(i) + "]";
    if (!items[i].is_object()) return WrongType(at, "объект", "объектом", "an object");
    const json::object& item = items[i].get_object();
    forms::ListColumn column;
    auto field = String(item, "field", at + ".field");
    if (!field) return field.error();
    column.field = *field;
    auto header = Bilingual(item, "header", at + ".header");
    if (!header) return header.error();
    column.header = *header;
    if (Member(item, "width_mm") != nullptr) {
      auto width = Number(item, "width_mm", at + ".width_mm");
      if (!width) return width.error();
      column.width_mm = *width;
    }
    spec.columns.push_back(std::move(column));
  }
  return spec;
}

json::object Localized(const core::LocalizedText& text) {
  json::object object{{"kk", text.kk}, {"ru", text.ru}};
  if (!text.en.empty()) object["en"] = text.en;
  return object;
}

}  // namespace

std::string_view ReportFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson:
      return "json";
    case ReportFormat::kPdf:
      return "pdf";
    case ReportFormat::kXlsx:
      return "xlsx";
  }
  return "json";
}

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  for (ReportFormat format : {ReportFormat::kJson, ReportFormat::kPdf, ReportFormat::kXlsx}) {
    if (ReportFormatName(format) == name) return format;
  }
  return std::nullopt;
}

std::string ReportFileName(ReportFormat format, std::string_view form_id) {
  switch (format) {
    case ReportFormat::kJson:
      return "document.json";
    case ReportFormat::kPdf:
      return std::string(form_id) + ".pdf";
    case ReportFormat::kXlsx:
      return std::string(form_id) + ".xlsx";
  }
  return "document.json";
}

std::string_view ReportContentType(ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson:
      return "application/json";
    case ReportFormat::kPdf:
      return "application/pdf";
    case ReportFormat::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

core::Result<ReportRequest> ParseTemplateRequest(const json::object& body, std::string form_id) {
  ReportRequest request;
  request.form_id = std::move(form_id);
  if (auto common = ReadCommon(body, request); !common) return common.error();
  return request;
}

core::Result<ReportRequest> ParseListRequest(const json::object& body) {
  ReportRequest request;
  auto spec = ReadListSpec(body);
  if (!spec) return spec.error();
  request.list = std::move(spec.value());
  if (auto common = ReadCommon(body, request); !common) return common.error();
  return request;
}

json::object ReportRequestToJson(const ReportRequest& request) {
  json::object object;
  if (request.list) {
    object["source"] = request.list->source;
    object["title"] = Localized(request.list->title);
    object["numbered"] = request.list->numbered;
    json::array columns;
    for (const auto& column : request.list->columns) {
      columns.push_back(json::object{{"field", column.field},
                                     {"header", Localized(column.header)},
                                     {"width_mm", column.width_mm}});
    }
    object["columns"] = std::move(columns);
  } else {
    object["form_id"] = request.form_id;
  }
  object["org_id"] = request.org.value();
  object["lang"] = core::LangCode(request.lang);
  json::object parameters;
  for (const auto& [name, text] : request.parameters) parameters[name] = text;
  object["parameters"] = std::move(parameters);
  json::array formats;
  for (ReportFormat format : request.formats) formats.emplace_back(ReportFormatName(format));
  object["formats"] = std::move(formats);
  return object;
}

core::Result<ReportRequest> ReportRequestFromJson(const json::object& json) {
  if (json.contains("source")) return ParseListRequest(json);
  auto form_id = String(json, "form_id", "form_id");
  if (!form_id) return form_id.error();
  return ParseTemplateRequest(json, *form_id);
}

}  // namespace esep::reports
