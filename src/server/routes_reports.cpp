// Reports: the templates of forms/, reports and "print this list" as background jobs
// ("report.render") that a repeated request finds in a cache until their data changes, and
// who signs an institution's forms. docs/forms.md, "Reports on the server".
#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/platform/audit.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/platform/jobs.hpp"
#include "esep/reports/catalog.hpp"
#include "esep/reports/report_request.hpp"
#include "esep/reports/report_service.hpp"
#include "esep/reports/signatories.hpp"
#include "esep/reports/sources.hpp"
#include "esep/server/entity_json.hpp"
#include "esep/server/json_io.hpp"
#include "esep/server/routes.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {

constexpr const char* kReportJob = "report.render";

// What the handlers and the job share for the server's lifetime.
struct Reports {
  explicit Reports(std::shared_ptr<const reports::ReportCatalog> loaded)
      : catalog(loaded ? std::move(loaded) : std::make_shared<const reports::ReportCatalog>()),
        service(*catalog, reports::BuiltinDataSources()) {}

  std::shared_ptr<const reports::ReportCatalog> catalog;
  reports::ReportService service;
};

reports::ReportUser UserOf(const RequestContext& ctx) {
  return reports::ReportUser{ctx.actor.user, *ctx.access, ctx.request_id};
}

HandlerError RejectReport(core::Error error) {
  if (error.code == "auth.forbidden") return Fail(403, std::move(error));
  return Reject(std::move(error));
}

// Templates need not have English texts; English readers get the Russian ones.
json::object TextJson(const core::LocalizedText& text) {
  return LocalizedJson({text.kk, text.ru, text.In(core::Lang::kEn)});
}

json::object ParameterJson(const forms::ParameterDef& parameter) {
  return json::object{{"name", parameter.name},
                      {"type", forms::ParameterTypeName(parameter.type)},
                      {"label", TextJson(parameter.label)},
                      {"default", parameter.default_value},
                      {"required", parameter.required}};
}

json::object FormJson(const forms::FormTemplate& form) {
  json::array parameters;
  for (const auto& parameter : form.parameters) parameters.push_back(ParameterJson(parameter));
  return json::object{
      {"id", form.id},
      {"title", TextJson(form.title)},
      {"source", form.source},
      {"orientation",
       form.page.orientation == forms::Orientation::kLandscape ? "landscape" : "portrait"},
      {"parameters", std::move(parameters)}};
}

json::object ReportJobJson(const platform::Job& job, bool cached) {
  json::object object = JobJson(job);
  object["cached"] = cached;
  return object;
}

// The newest succeeded report of this user whose files were made from exactly what the
// request would print now.
std::optional<platform::Job> CachedReport(RequestContext& ctx, const std::string& cache_key) {
  const auto rows = ctx.tx->exec_params(
      "SELECT id FROM jobs WHERE kind = $1 AND created_by = $2 AND status = 'succeeded' "
      "AND result->>'cache_key' = $3 ORDER BY id DESC LIMIT 1",
      kReportJob, ctx.actor.user.value(), cache_key);
  if (rows.empty()) return std::nullopt;
  return platform::FindJob(*ctx.tx, rows[0][0].as<std::int64_t>());
}

HandlerResult StartReport(RequestContext& ctx, Reports& state, JobRunner& runner,
                          const core::Result<reports::ReportRequest>& request) {
  if (!request) return Fail(400, request.error());
  auto prepared =
      state.service.Prepare(*ctx.tx, ctx.actor, *request, UserOf(ctx), core::Date::Today());
  if (!prepared) return RejectReport(prepared.error());
  if (auto cached = CachedReport(ctx, prepared->cache_key)) {
    return JsonResponse(200, ReportJobJson(*cached, true));
  }
  json::object params = reports::ReportRequestToJson(prepared->request);
  params["cache_key"] = prepared->cache_key;
  platform::NewJob job;
  job.org = prepared->request.org;
  job.kind = kReportJob;
  job.params_json = json::serialize(params);
  job.created_by = ctx.actor.user;
  const std::int64_t id = platform::CreateJob(*ctx.tx, job);
  const auto created = platform::FindJob(*ctx.tx, id);

  platform::AuditEntry entry;
  entry.action = "job.create";
  entry.org = created->org;
  entry.entity = "job";
  entry.entity_id = std::to_string(id);
  entry.details_json =
      json::serialize(json::object{{"kind", kReportJob}, {"form_id", prepared->form.id}});
  platform::AppendAudit(*ctx.tx, ctx.actor, entry);
  ctx.after_commit.push_back([&runner, id] {
    runner.Wake();
    runner.Publish(id);
  });
  return JsonResponse(202, ReportJobJson(*created, false));
}

// The rows are read in one short transaction; painting and writing the files holds no
// connection.
core::Result<JobOutput> RunReportJob(JobContext& job, const Reports& state) {
  auto request = reports::ReportRequestFromJson(job.params());
  if (!request) return request.error();
  if (!job.job().created_by) {
    return core::MakeError("report.no_user", "Есепті пайдаланушы бастауы керек",
                           "Отчёт должен запускать пользователь", "A report needs a user");
  }
  const std::int64_t total = reports::ReportService::StageCount(*request);
  const auto progress = [&job](std::int64_t done, std::int64_t all, const std::string& stage) {
    return job.Progress(done, all, stage);
  };
  if (!progress(0, total, "rows")) return JobCancelled();

  reports::ReportUser user{*job.job().created_by, {}, job.actor().request_id};
  std::optional<reports::PreparedReport> prepared;
  std::optional<forms::DataSet> rows;
  {
    auto lease = job.pool().Acquire();
    pqxx::work tx(*lease);
    user.access = platform::LoadAccess(tx, user.id);
    platform::ApplyActor(tx, job.actor());
    auto checked = state.service.Prepare(tx, job.actor(), *request, user, core::Date::Today());
    if (!checked) return checked.error();
    auto fetched = state.service.Fetch(tx, *checked, user);
    if (!fetched) return fetched.error();
    tx.commit();
    prepared.emplace(std::move(checked.value()));
    rows.emplace(std::move(fetched.value()));
  }
  if (!progress(2, total, "document")) return JobCancelled();
  auto output = state.service.Render(*prepared, *rows, progress);
  if (!output) {
    if (output.error().code == reports::ReportCancelled().code) return JobCancelled();
    return output.error();
  }
  return JobOutput{output->result_json, std::move(output.value().files)};
}

json::object SignatoriesJson(core::OrgId org,
                             const std::vector<reports::InstitutionSignatory>& signatories) {
  json::array items;
  for (const auto& s : signatories) {
    items.push_back(json::object{{"role", s.role},
                                 {"position_kk", s.position.kk},
                                 {"position_ru", s.position.ru},
                                 {"person_name", s.person_name}});
  }
  json::array roles;
  for (const auto& role : forms::SignatureRoles()) {
    roles.push_back(json::object{{"role", role.key}, {"position", LocalizedJson(role.position)}});
  }
  return json::object{
      {"org_id", org.value()}, {"signatories", std::move(items)}, {"roles", std::move(roles)}};
}

core::Result<std::vector<reports::InstitutionSignatory>> SignatoriesFromJson(
    const json::object& body) {
  const json::value* list = body.if_contains("signatories");
  if (list == nullptr || list->is_null()) {
    return core::MakeError("json.missing_field", "«signatories» өрісі толтырылмаған",
                           "Не заполнено поле «signatories»", "Missing field 'signatories'",
                           "signatories");
  }
  if (!list->is_array()) {
    return core::MakeError("json.wrong_type", "«signatories» өрісі жиым болуы керек",
                           "Поле «signatories» должно быть массивом",
                           "Field 'signatories' must be an array", "signatories");
  }
  std::vector<reports::InstitutionSignatory> signatories;
  const json::array& items = list->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = "signatories[" + std::to_string(i) + "]";
    if (!items[i].is_object()) {
      return core::MakeError("json.wrong_type", "«" + at + "» объект болуы керек",
                             "Элемент «" + at + "» должен быть объектом",
                             "'" + at + "' must be an object", at);
    }
    const json::object& item = items[i].get_object();
    reports::InstitutionSignatory s;
    auto role = RequiredString(item, "role");
    auto name = RequiredString(item, "person_name");
    auto kk = OptionalString(item, "position_kk");
    auto ru = OptionalString(item, "position_ru");
    for (const core::Error* error : {role ? nullptr : &role.error(), name ? nullptr : &name.error(),
                                     kk ? nullptr : &kk.error(), ru ? nullptr : &ru.error()}) {
      if (error == nullptr) continue;
      core::Error located = *error;
      located.field = at + "." + located.field;
      return located;
    }
    s.role = *role;
    s.person_name = *name;
    s.position.kk = kk->value_or("");
    s.position.ru = ru->value_or("");
    signatories.push_back(std::move(s));
  }
  return signatories;
}

}  // namespace

void AddReportRoutes(Router& router, JobRunner& runner, const ApiSettings& settings) {
  auto state = std::make_shared<Reports>(settings.report_catalog);
  runner.Register(JobKind{kReportJob, "reports.read",
                          [state](JobContext& job) { return RunReportJob(job, *state); }});

  router.Add(Route{"GET", "/api/v1/forms", RouteAccess::Permission("reports.read", OrgFrom::kNone),
                   TransactionMode::kFramework,
                   [state](RequestContext&) -> HandlerResult {
                     json::array items;
                     for (const auto& [id, form] : state->catalog->templates().all()) {
                       items.push_back(FormJson(form));
                     }
                     return JsonResponse(200, json::object{{"items", std::move(items)}});
                   },
                   "The report templates: title, source, parameters, orientation"});

  // Before /reports/{form_id}, which would take "list" for a template's id.
  router.Add(Route{"POST", "/api/v1/reports/list",
                   RouteAccess::Permission("reports.read", OrgFrom::kBody),
                   TransactionMode::kFramework,
                   [state, &runner](RequestContext& ctx) -> HandlerResult {
                     auto body = ParseJsonObject(ctx.request.body);
                     if (!body) return Reject(body.error());
                     return StartReport(ctx, *state, runner, reports::ParseListRequest(*body));
                   },
                   "Print a client list (its columns, filters as parameters) as a report job"});

  router.Add(Route{
      "POST", "/api/v1/reports/{form_id}", RouteAccess::Permission("reports.read", OrgFrom::kBody),
      TransactionMode::kFramework,
      [state, &runner](RequestContext& ctx) -> HandlerResult {
        const std::string form_id = ctx.params["form_id"];
        if (state->catalog->Find(form_id) == nullptr) {
          return Fail(404,
                      core::MakeError("report.form_not_found", "«" + form_id + "» нысаны табылмады",
                                      "Форма «" + form_id + "» не найдена",
                                      "Form '" + form_id + "' not found", "form_id"));
        }
        auto body = ParseJsonObject(ctx.request.body);
        if (!body) return Reject(body.error());
        return StartReport(ctx, *state, runner, reports::ParseTemplateRequest(*body, form_id));
      },
      "Produce a report (json, pdf, xlsx) as a job, or find it in the cache"});

  router.Add(Route{
      "GET", "/api/v1/institutions/{id}/signatories",
      RouteAccess::Permission("institutions.read", OrgFrom::kPathId), TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto id = PathId(ctx, "id");
        if (!id) return Reject(id.error());
        const core::OrgId org(*id);
        if (auto found = platform::GetInstitution(*ctx.tx, org); !found) {
          return Reject(found.error());
        }
        return JsonResponse(200, SignatoriesJson(org, reports::ListSignatories(*ctx.tx, org)));
      },
      "Who signs the institution's printed forms"});

  router.Add(Route{
      "PUT", "/api/v1/institutions/{id}/signatories",
      RouteAccess::Permission("institutions.write", OrgFrom::kPathId), TransactionMode::kFramework,
      [](RequestContext& ctx) -> HandlerResult {
        auto id = PathId(ctx, "id");
        if (!id) return Reject(id.error());
        auto body = ParseJsonObject(ctx.request.body);
        if (!body) return Reject(body.error());
        auto signatories = SignatoriesFromJson(*body);
        if (!signatories) return Reject(signatories.error());
        const core::OrgId org(*id);
        auto stored =
            reports::SetSignatories(*ctx.tx, ctx.actor, org, std::move(signatories.value()));
        if (!stored) return Reject(stored.error());
        return JsonResponse(200, SignatoriesJson(org, *stored));
      },
      "Set who signs the institution's printed forms (replaces all)"});
}

}  // namespace esep::server
