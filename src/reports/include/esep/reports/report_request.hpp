#pragma once
/// @file
/// What a user asks to print: a template of the catalog or a client list, for an
/// institution, in a language, with parameters, as files of some formats — read from the
/// API's JSON body and kept in the same shape as the report job's parameters.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/core/text.hpp"
#include "esep/forms/list_template.hpp"
#include "esep/forms/parameters.hpp"

namespace esep::reports {

enum class ReportFormat { kJson, kPdf, kXlsx };

/// "json", "pdf", "xlsx".
std::string_view ReportFormatName(ReportFormat format);
std::optional<ReportFormat> ParseReportFormat(std::string_view name);
/// "document.json", "<form_id>.pdf", "<form_id>.xlsx".
std::string ReportFileName(ReportFormat format, std::string_view form_id);
std::string_view ReportContentType(ReportFormat format);

struct ReportRequest {
  std::string form_id;                  ///< a template of the catalog; empty for a list
  std::optional<forms::ListSpec> list;  ///< the generic "print this list"
  core::OrgId org;
  core::Lang lang = core::Lang::kRu;
  forms::ParameterTexts parameters;
  std::vector<ReportFormat> formats;  ///< distinct, in the order json, pdf, xlsx
};

/// POST /api/v1/reports/{form_id}: `{org_id, lang, parameters, formats}`. `lang` is "kk"
/// or "ru"; `parameters` maps names to texts (numbers are taken as their decimal text, null
/// as absent); `formats` is a non-empty array of "json", "pdf", "xlsx" (repeats collapse).
/// Errors name the member: "json.missing_field", "json.wrong_type" (org_id, lang,
/// parameters, parameters.<name>, formats, formats[i]), "report.lang" (lang),
/// "report.format" (formats[i]), "report.formats" (formats: empty).
core::Result<ReportRequest> ParseTemplateRequest(const boost::json::object& body,
                                                 std::string form_id);

/// POST /api/v1/reports/list: as ParseTemplateRequest plus `source`, `title {kk, ru}`,
/// `columns [{field, header {kk, ru}, width_mm}]` and optional `numbered` (default true).
/// Errors also name columns[i].field, columns[i].header.kk, columns[i].width_mm, title.kk.
core::Result<ReportRequest> ParseListRequest(const boost::json::object& body);

/// The job's parameters: the body's shape, with `form_id` for a template.
boost::json::object ReportRequestToJson(const ReportRequest& request);
/// Reads ReportRequestToJson's output back (a list when `source` is present).
core::Result<ReportRequest> ReportRequestFromJson(const boost::json::object& json);

}  // namespace esep::reports
