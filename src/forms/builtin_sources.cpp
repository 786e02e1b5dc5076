#include "esep/forms/builtin_sources.hpp"

namespace esep::forms {
namespace {

SourceSchema Institutions() {
  using F = FieldType;
  SourceSchema schema;
  schema.name = "institutions";
  schema.fields = {
      {"id", F::kInteger},
      {"bin", F::kText},
      {"name_kk", F::kText},
      {"name_ru", F::kText},
      {"kind", F::kText},             // gu, kgu, gkkp
      {"kind_kk", F::kText},          // ММ, КММ, МКҚК
      {"kind_ru", F::kText},          // ГУ, КГУ, ГККП
      {"budget_level", F::kInteger},  // 1 republican .. 4 local self-government
      {"budget_level_kk", F::kText},
      {"budget_level_ru", F::kText},
      {"abp_code", F::kText},
      {"parent_id", F::kInteger},
      {"parent_name_kk", F::kText},
      {"parent_name_ru", F::kText},
      {"accounting_office_id", F::kInteger},
      {"accounting_office_name_kk", F::kText},
      {"accounting_office_name_ru", F::kText},
      {"status_kk", F::kText},  // жұмыс істейді / жабылған
      {"status_ru", F::kText},  // действует / закрыто
      {"created_on", F::kDate},
  };
  schema.parameters = {
      {"as_of",
       ParameterType::kDate,
       true,
       {"Қай күнгі жағдай бойынша", "По состоянию на", "As of"}},
      {"institution",
       ParameterType::kInstitution,
       false,
       {"Мекеме (бағынысты мекемелерімен)", "Учреждение (с подведомственными)",
        "Institution (with subordinates)"}},
  };
  return schema;
}

SourceSchema AuditEvents() {
  using F = FieldType;
  SourceSchema schema;
  schema.name = "audit_events";
  schema.fields = {
      {"id", F::kInteger},       {"occurred_on", F::kDate},  // the server's local date
      {"occurred_at", F::kText},                             // local time "09:30:15"
      {"kind", F::kText},                                    // mutation, security
      {"kind_kk", F::kText},     {"kind_ru", F::kText},
      {"actor_login", F::kText},  // "" for the system and failed logins
      {"org_id", F::kInteger},   {"org_name_kk", F::kText},
      {"org_name_ru", F::kText}, {"action", F::kText},  // institution.create, login.failure, ...
      {"action_kk", F::kText},                          // the action described for people
      {"action_ru", F::kText},   {"entity", F::kText},
      {"entity_id", F::kText},   {"outcome_kk", F::kText},  // орындалды / қабылданбады
      {"outcome_ru", F::kText},                             // выполнено / отказано
      {"request_id", F::kText},
  };
  schema.parameters = {
      {"from", ParameterType::kDate, true, {"Кезеңнің басы", "Начало периода", "From"}},
      {"to", ParameterType::kDate, true, {"Кезеңнің соңы", "Конец периода", "To"}},
      {"institution", ParameterType::kInstitution, false, {"Мекеме", "Учреждение", "Institution"}},
      {"actor",
       ParameterType::kText,
       false,
       {"Пайдаланушы (логин)", "Пользователь (логин)", "User (login)"}},
      {"action",
       ParameterType::kText,
       false,
       {"Әрекет (код басы)", "Действие (начало кода)", "Action (code prefix)"}},
  };
  return schema;
}

}  // namespace

const std::vector<SourceSchema>& BuiltinSourceSchemas() {
  static const std::vector<SourceSchema> schemas{Institutions(), AuditEvents()};
  return schemas;
}

const SourceSchema* FindBuiltinSource(std::string_view name) {
  for (const auto& schema : BuiltinSourceSchemas()) {
    if (schema.name == name) return &schema;
  }
  return nullptr;
}

}  // namespace esep::forms
