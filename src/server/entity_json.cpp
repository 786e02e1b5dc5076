#include "esep/server/entity_json.hpp"

#include <boost/json.hpp>

#include "esep/server/json_io.hpp"

namespace esep::server {
namespace json = boost::json;

namespace {
json::value OptionalId(const std::optional<core::OrgId>& id) {
  return id ? json::value(id->value()) : json::value(nullptr);
}
}  // namespace

json::object UserJson(const platform::User& user) {
  json::object object{{"id", user.id.value()},
                      {"login", user.login},
                      {"full_name", user.full_name},
                      {"active", user.active},
                      {"must_change_password", user.must_change_password},
                      {"lang", user.lang},
                      {"version", user.version}};
  object["iin"] = user.iin ? json::value(*user.iin) : json::value(nullptr);
  return object;
}

json::object InstitutionJson(const platform::Institution& institution) {
  const auto& kind = platform::KindInfo(institution.kind);
  json::object object{{"id", institution.id.value()},
                      {"bin", institution.bin},
                      {"name_kk", institution.name_kk},
                      {"name_ru", institution.name_ru},
                      {"kind", std::string(kind.code)},
                      {"kind_name", LocalizedJson(kind.name)},
                      {"budget_level", institution.budget_level},
                      {"parent_id", OptionalId(institution.parent)},
                      {"accounting_office_id", OptionalId(institution.accounting_office)},
                      {"active", institution.active},
                      {"version", institution.version}};
  object["abp_code"] =
      institution.abp_code ? json::value(*institution.abp_code) : json::value(nullptr);
  return object;
}

core::Result<platform::InstitutionInput> InstitutionInputFromJson(const json::object& body) {
  platform::InstitutionInput input;
  auto bin = RequiredString(body, "bin");
  if (!bin) return bin.error();
  input.bin = *bin;
  auto name_kk = RequiredString(body, "name_kk");
  if (!name_kk) return name_kk.error();
  input.name_kk = *name_kk;
  auto name_ru = RequiredString(body, "name_ru");
  if (!name_ru) return name_ru.error();
  input.name_ru = *name_ru;
  auto kind = RequiredString(body, "kind");
  if (!kind) return kind.error();
  auto parsed_kind = platform::ParseInstitutionKind(*kind);
  if (!parsed_kind) {
    return core::MakeError("institution.kind", "Мекеме түрі gu, kgu немесе gkkp болуы керек.",
                           "Вид учреждения должен быть gu, kgu или gkkp.",
                           "The institution kind must be gu, kgu or gkkp.", "kind");
  }
  input.kind = *parsed_kind;
  auto level = RequiredInt(body, "budget_level");
  if (!level) return level.error();
  if (*level < 1 || *level > 4) {
    return core::MakeError("institution.budget_level", "Бюджет деңгейі 1–4 болуы керек.",
                           "Уровень бюджета должен быть от 1 до 4.",
                           "The budget level must be 1 to 4.", "budget_level");
  }
  input.budget_level = static_cast<int>(*level);
  auto parent = OptionalInt(body, "parent_id");
  if (!parent) return parent.error();
  if (*parent) input.parent = core::OrgId(**parent);
  auto office = OptionalInt(body, "accounting_office_id");
  if (!office) return office.error();
  if (*office) input.accounting_office = core::OrgId(**office);
  auto abp = OptionalString(body, "abp_code");
  if (!abp) return abp.error();
  input.abp_code = *abp;
  auto active = OptionalBool(body, "active");
  if (!active) return active.error();
  input.active = active->value_or(true);
  return input;
}

}  // namespace esep::server

namespace esep::server {

json::object JobJson(const platform::Job& job) {
  boost::system::error_code ec;
  json::value params = json::parse(job.params_json, ec);
  json::value result = nullptr;
  if (!job.result_json.empty()) result = json::parse(job.result_json, ec);
  json::array files;
  for (const auto& name : job.files) files.emplace_back(name);
  json::object object{
      {"id", job.id},
      {"kind", job.kind},
      {"status", platform::JobStatusName(job.status)},
      {"params", ec ? json::value(json::object()) : params},
      {"progress", json::object{{"done", job.progress_done},
                                {"total", job.progress_total},
                                {"message", job.progress_message}}},
      {"cancel_requested", job.cancel_requested},
      {"result", result},
      {"error", job.error ? json::value(ErrorObject(*job.error)) : json::value(nullptr)},
      {"files", std::move(files)},
      {"created_at", job.created_at},
      {"started_at", job.started_at.empty() ? json::value(nullptr) : json::value(job.started_at)},
      {"finished_at",
       job.finished_at.empty() ? json::value(nullptr) : json::value(job.finished_at)}};
  object["org_id"] = OptionalId(job.org);
  object["created_by"] =
      job.created_by ? json::value(job.created_by->value()) : json::value(nullptr);
  return object;
}

}  // namespace esep::server
