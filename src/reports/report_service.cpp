#include "esep/reports/report_service.hpp"

#include <algorithm>
#include <iterator>
#include <variant>

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/db/sha256.hpp"
#include "esep/forms/document_json.hpp"
#include "esep/forms/xlsx_writer.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/platform/users.hpp"
#include "esep/print/pdf_writer.hpp"
#include "esep/reports/pdf_rendering.hpp"
#include "esep/reports/signatories.hpp"

namespace esep::reports {
namespace json = boost::json;

namespace {

// Stages before the files: parameters and data version, rows, the document.
constexpr std::int64_t kStagesBeforeFiles = 3;

core::Error FormNotFound(const std::string& id) {
  return core::MakeError("report.form_not_found", "«" + id + "» нысаны табылмады",
                         "Форма «" + id + "» не найдена", "Form '" + id + "' not found", "form_id");
}

core::Error UnknownSource(const std::string& name) {
  return core::MakeError("report.unknown_source", "«" + name + "» деректер көзі жоқ",
                         "Нет источника данных «" + name + "»",
                         "There is no data source '" + name + "'", "source");
}

core::Error Forbidden(const std::string& permission) {
  core::Error error =
      core::MakeError("auth.forbidden", "Бұл есепті осы мекеме үшін қалыптастыруға рұқсатыңыз жоқ.",
                      "Нет прав формировать этот отчёт по данному учреждению.",
                      "You may not produce this report for this institution.", "org_id");
  error.details = permission;
  return error;
}

core::Error InstitutionParameterHidden(const std::string& name, std::int64_t id) {
  const std::string text = std::to_string(id);
  return core::MakeError(
      "report.parameter.institution",
      "«" + name + "» параметрі: " + text + " мекемесі табылмады немесе сізге қолжетімсіз",
      "Параметр «" + name + "»: учреждение " + text + " не найдено или недоступно вам",
      "Parameter '" + name + "': institution " + text + " is not found or not yours to see",
      "parameters." + name);
}

// Errors about one parameter name it as the body does: "parameters.<name>".
core::Error InParameters(core::Error error) {
  if (!error.field.empty() && error.field.rfind("parameters.", 0) != 0) {
    error.field = "parameters." + error.field;
  }
  return error;
}

bool Wants(const ReportRequest& request, ReportFormat format) {
  return std::find(request.formats.begin(), request.formats.end(), format) != request.formats.end();
}

std::vector<core::OrgId> Intersect(const std::vector<core::OrgId>& a,
                                   const std::vector<core::OrgId>& b) {
  std::vector<core::OrgId> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both;
}

// The transaction acts for the user in the institutions whose rows this source may print.
void Narrow(pqxx::dbtransaction& tx, const ReportUser& user, const DataSource& source) {
  platform::Actor actor;
  actor.user = user.id;
  actor.request_id = user.request_id;
  actor.org_scope = user.access.OrgsWith("reports.read");
  if (!source.permission.empty()) {
    actor.org_scope = Intersect(actor.org_scope, user.access.OrgsWith(source.permission));
  }
  platform::ApplyActor(tx, actor);
}

// Resolved values as the texts ResolveParameters reads back to the same values.
forms::ParameterTexts CanonicalTexts(const forms::ParameterValues& values) {
  forms::ParameterTexts texts;
  for (const auto& [name, value] : values) {
    if (const auto* date = std::get_if<core::Date>(&value)) {
      texts[name] = date->ToIso();
    } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
      texts[name] = std::to_string(*number);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      if (!text->empty()) texts[name] = *text;
    }
  }
  return texts;
}

json::object Localized(const core::LocalizedText& text) {
  return json::object{{"kk", text.kk}, {"ru", text.ru}};
}

// The context's institution, signatories and executor, and the key of the whole run.
core::Status ReadContext(pqxx::dbtransaction& tx, const ReportUser& user, PreparedReport& p) {
  p.context.language = p.request.lang;
  p.context.parameters = p.values;
  core::OrgId named = p.request.org;
  for (const auto& def : p.form.parameters) {
    if (def.type != forms::ParameterType::kInstitution) continue;
    const auto it = p.values.find(def.name);
    const auto* id = it == p.values.end() ? nullptr : std::get_if<std::int64_t>(&it->second);
    if (id == nullptr) continue;
    if (tx.exec_params("SELECT 1 FROM institutions WHERE id = $1", *id).empty()) {
      return InstitutionParameterHidden(def.name, *id);
    }
    named = core::OrgId(*id);
  }
  auto institution = platform::GetInstitution(tx, named);
  if (!institution) {
    core::Error error = institution.error();
    error.field = named == p.request.org ? "org_id" : error.field;
    return error;
  }
  p.context.institution_name = {institution->name_kk, institution->name_ru, institution->name_ru};
  const auto executor = platform::FindUser(tx, user.id);
  p.context.signatories =
      ReportSignatories(tx, p.request.org, executor ? executor->full_name : std::string());
  return core::Status::Ok();
}

std::string CacheKey(const PreparedReport& p, const ReportCatalog& catalog,
                     const std::string& data_version) {
  json::object key{{"v", 1}};
  if (p.request.list) {
    json::object request = ReportRequestToJson(p.request);
    key["list"] = json::object{{"source", request["source"]},
                               {"title", request["title"]},
                               {"numbered", request["numbered"]},
                               {"columns", request["columns"]}};
  } else {
    key["template"] = p.form.id + ":" + catalog.Fingerprint(p.form.id);
  }
  key["org_id"] = p.request.org.value();
  key["lang"] = core::LangCode(p.request.lang);
  json::object parameters;
  for (const auto& [name, text] : p.request.parameters) parameters[name] = text;
  key["parameters"] = std::move(parameters);
  json::array formats;
  for (ReportFormat format : p.request.formats) formats.emplace_back(ReportFormatName(format));
  key["formats"] = std::move(formats);
  key["data"] = data_version;
  key["institution"] = Localized(p.context.institution_name);
  json::array signatories;
  for (const auto& [role, signatory] : p.context.signatories) {
    signatories.push_back(json::array{json::string(role), json::string(signatory.position.kk),
                                      json::string(signatory.position.ru),
                                      json::string(signatory.person_name)});
  }
  key["signatories"] = std::move(signatories);
  return db::Sha256Hex(json::serialize(key));
}

core::Result<std::string> FileBytes(ReportFormat format, const forms::Document& doc) {
  switch (format) {
    case ReportFormat::kJson: {
      json::monotonic_resource memory;
      return json::serialize(forms::DocumentToJson(doc, &memory));
    }
    case ReportFormat::kPdf:
      if (!PdfRenderingReady()) return PdfUnavailable();
      return print::RenderPdf(doc);
    case ReportFormat::kXlsx:
      return forms::RenderXlsx(doc);
  }
  return std::string();
}

}  // namespace

core::Error ReportCancelled() {
  return core::MakeError("report.cancelled", "Есепті қалыптастыру тоқтатылды",
                         "Формирование отчёта отменено", "The report was cancelled");
}

ReportService::ReportService(const ReportCatalog& catalog, const SourceRegistry& sources)
    : catalog_(catalog), sources_(sources) {}

std::int64_t ReportService::StageCount(const ReportRequest& request) {
  return kStagesBeforeFiles + static_cast<std::int64_t>(request.formats.size());
}

core::Result<PreparedReport> ReportService::Prepare(pqxx::dbtransaction& tx,
                                                    const platform::Actor& actor,
                                                    const ReportRequest& request,
                                                    const ReportUser& user,
                                                    core::Date today) const {
  PreparedReport p;
  p.request = request;
  if (request.list) {
    const DataSource* source = sources_.Find(request.list->source);
    if (source == nullptr) return UnknownSource(request.list->source);
    auto form = forms::BuildListTemplate(*request.list, source->schema);
    if (!form) return form.error();
    p.form = std::move(form.value());
  } else {
    const forms::FormTemplate* form = catalog_.Find(request.form_id);
    if (form == nullptr) return FormNotFound(request.form_id);
    p.form = *form;
  }
  p.source = sources_.Find(p.form.source);
  if (p.source == nullptr) return UnknownSource(p.form.source);
  if (Wants(request, ReportFormat::kPdf) && !PdfRenderingReady()) return PdfUnavailable();
  if (!p.source->permission.empty() && !user.access.Allows(p.source->permission, request.org)) {
    return Forbidden(p.source->permission);
  }
  auto values = forms::ResolveParameters(p.form, request.parameters, today);
  if (!values) return InParameters(values.error());
  if (p.source->check) {
    if (auto checked = p.source->check(*values); !checked) return InParameters(checked.error());
  }
  p.values = std::move(values.value());
  p.request.parameters = CanonicalTexts(p.values);

  Narrow(tx, user, *p.source);
  core::Status context = ReadContext(tx, user, p);
  if (context) {
    // Read before the rows (Fetch): rows are never older than the version in their key.
    p.cache_key = CacheKey(p, catalog_, p.source->version(tx, p.values));
  }
  platform::ApplyActor(tx, actor);
  if (!context) return context.error();
  return p;
}

core::Result<forms::DataSet> ReportService::Fetch(pqxx::dbtransaction& tx,
                                                  const PreparedReport& prepared,
                                                  const ReportUser& user) const {
  // Fetch runs last in its transaction; the narrowed identity ends with it.
  Narrow(tx, user, *prepared.source);
  auto rows = prepared.source->fetch(tx, prepared.values, prepared.request.lang);
  if (!rows) return rows.error();
  if (auto shape = rows->Check(); !shape) return shape.error();
  return rows;
}

core::Result<ReportOutput> ReportService::Render(const PreparedReport& prepared,
                                                 const forms::DataSet& rows,
                                                 const ReportProgress& progress) const {
  const std::int64_t total = StageCount(prepared.request);
  auto doc = forms::Render(prepared.form, prepared.context, rows);
  if (!doc) return doc.error();
  ReportOutput output;
  output.cache_key = prepared.cache_key;
  json::array names;
  for (std::size_t i = 0; i < prepared.request.formats.size(); ++i) {
    const ReportFormat format = prepared.request.formats[i];
    const std::string name = ReportFileName(format, prepared.form.id);
    if (progress && !progress(kStagesBeforeFiles + static_cast<std::int64_t>(i), total, name)) {
      return ReportCancelled();
    }
    auto bytes = FileBytes(format, *doc);
    if (!bytes) return bytes.error();
    output.files.push_back(
        platform::JobFile{name, std::string(ReportContentType(format)), std::move(bytes.value())});
    names.emplace_back(name);
  }
  if (progress) progress(total, total, "");
  output.result_json = json::serialize(json::object{
      {"cache_key", prepared.cache_key},
      {"form_id", prepared.form.id},
      {"title", doc->title},
      {"language", core::LangCode(prepared.request.lang)},
      {"rows", static_cast<std::int64_t>(rows.rows.size())},
      {"files", std::move(names)},
  });
  return output;
}

core::Result<ReportOutput> ReportService::Run(pqxx::dbtransaction& tx, const platform::Actor& actor,
                                              const ReportRequest& request, const ReportUser& user,
                                              core::Date today,
                                              const ReportProgress& progress) const {
  const std::int64_t total = StageCount(request);
  if (progress && !progress(0, total, "parameters")) return ReportCancelled();
  auto prepared = Prepare(tx, actor, request, user, today);
  if (!prepared) return prepared.error();
  if (progress && !progress(1, total, "rows")) return ReportCancelled();
  auto rows = Fetch(tx, *prepared, user);
  if (!rows) return rows.error();
  if (progress && !progress(2, total, "document")) return ReportCancelled();
  return Render(*prepared, *rows, progress);
}

}  // namespace esep::reports
