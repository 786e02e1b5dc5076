#include "esep/reports/audit_events_source.hpp"

#include <array>
#include <optional>
#include <string>
#include <variant>

#include <pqxx/pqxx>

#include "esep/forms/builtin_sources.hpp"
#include "esep/platform/users.hpp"
#include "esep/reports/local_time.hpp"
#include "source_params.hpp"

namespace esep::reports {
namespace {

struct KnownAction {
  std::string_view code;
  core::LocalizedText description;
  bool refusal = false;
};

// Every action the platform and the server write (grep AppendAudit); the extract is read by
// people who do not know the codes.
const std::array<KnownAction, 19>& KnownActions() {
  static const std::array<KnownAction, 19> kActions{{
      {"institution.create",
       {"Мекеме тіркелді", "Регистрация учреждения", "Institution registered"}},
      {"institution.update",
       {"Мекеме туралы мәліметтер өзгертілді", "Изменение сведений об учреждении",
        "Institution changed"}},
      {"institution.change_kind",
       {"Мекеменің түрі (сценарийі) ауыстырылды", "Смена вида (сценария) учреждения",
        "Institution kind changed"}},
      {"institution.signatories",
       {"Құжаттарға қол қоюшылар өзгертілді", "Изменение подписантов документов",
        "Signatories changed"}},
      {"user.create", {"Пайдаланушы тіркелді", "Регистрация пользователя", "User registered"}},
      {"user.activate", {"Пайдаланушы қосылды", "Пользователь включён", "User activated"}},
      {"user.deactivate", {"Пайдаланушы өшірілді", "Пользователь отключён", "User deactivated"}},
      {"user.password_change",
       {"Пайдаланушы құпиясөзін өзгертті", "Смена пароля пользователем", "Password changed"}},
      {"user.password_reset",
       {"Әкімші құпиясөзді қалпына келтірді", "Сброс пароля администратором", "Password reset"}},
      {"grant.create", {"Рөл берілді", "Назначение роли", "Role granted"}},
      {"grant.revoke", {"Рөл қайтарып алынды", "Отзыв роли", "Role revoked"}},
      {"login.success", {"Жүйеге кіру", "Вход в систему", "Signed in"}},
      {"login.failure",
       {"Жүйеге кіру сәтсіз аяқталды", "Неудачная попытка входа", "Sign-in failed"},
       true},
      {"login.lockout",
       {"Есептік жазба бұғатталды", "Блокировка учётной записи", "Account locked"},
       true},
      {"login.locked",
       {"Бұғатталған есептік жазбамен кіру әрекеті",
        "Попытка входа в заблокированную учётную запись", "Sign-in to a locked account"},
       true},
      {"logout", {"Жүйеден шығу", "Выход из системы", "Signed out"}},
      {"access.denied",
       {"Рұқсатсыз әрекет қабылданбады", "Отказ в доступе", "Access denied"},
       true},
      {"job.create",
       {"Фондық тапсырма іске қосылды", "Запуск фонового задания", "Background job started"}},
      {"job.cancel",
       {"Фондық тапсырма тоқтатылды", "Отмена фонового задания", "Background job cancelled"}},
  }};
  return kActions;
}

const KnownAction* FindAction(std::string_view code) {
  for (const auto& action : KnownActions()) {
    if (action.code == code) return &action;
  }
  return nullptr;
}

// The common filter of rows and version: $1..$2 the period's bounds (epoch seconds),
// $3 the subtree's root, $4 the login, $5 the action prefix (NULL = any).
constexpr const char* kFilter =
    " WHERE l.at >= to_timestamp($1::double precision)"
    "   AND l.at < to_timestamp($2::double precision)"
    "   AND ($3::bigint IS NULL OR l.org_id IN ("
    "     WITH RECURSIVE sub(id) AS ("
    "       SELECT id FROM institutions WHERE id = $3::bigint"
    "       UNION SELECT c.id FROM institutions c JOIN sub ON c.parent_id = sub.id)"
    "     SELECT id FROM sub))"
    "   AND ($4::text IS NULL OR u.login = $4::text)"
    "   AND ($5::text IS NULL OR starts_with(l.action, $5::text))";

struct Filter {
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::optional<std::string> root, login, action;
};

core::Result<Filter> ReadFilter(const forms::ParameterValues& params) {
  const auto from = DateParameter(params, "from");
  if (!from) return from.error();
  const auto to = DateParameter(params, "to");
  if (!to) return to.error();
  Filter filter;
  filter.from = LocalDayStart(*from);
  filter.to = LocalDayStart(to->AddDays(1));
  filter.root = IdParameterText(params, "institution");
  if (auto login = TextParameter(params, "actor")) filter.login = platform::NormalizeLogin(*login);
  filter.action = TextParameter(params, "action");
  return filter;
}

const char* Nullable(const std::optional<std::string>& text) {
  return text ? text->c_str() : nullptr;
}

forms::Value TextOrEmpty(const pqxx::field& field) {
  if (field.is_null()) return std::monostate{};
  return field.as<std::string>();
}

core::Result<forms::DataSet> Fetch(pqxx::dbtransaction& tx, const forms::ParameterValues& params,
                                   core::Lang) {
  auto filter = ReadFilter(params);
  if (!filter) return filter.error();
  const auto rows = tx.exec_params(
      "SELECT l.id, (extract(epoch FROM l.at) * 1000000)::bigint, l.kind, u.login, l.org_id, "
      "o.name_kk, o.name_ru, l.action, l.entity, l.entity_id, l.request_id "
      "FROM audit_log l "
      "LEFT JOIN users u ON u.id = l.actor_user_id "
      "LEFT JOIN institutions o ON o.id = l.org_id" +
          std::string(kFilter) + " ORDER BY l.id",
      filter->from, filter->to, Nullable(filter->root), Nullable(filter->login),
      Nullable(filter->action));

  forms::DataSet data;
  data.fields = forms::FindBuiltinSource("audit_events")->fields;
  data.rows.reserve(rows.size());
  for (const auto& row : rows) {
    const LocalDateTime at = ToLocal(row[1].as<std::int64_t>());
    const std::string kind = row[2].as<std::string>();
    const bool security = kind == "security";
    const std::string action = row[7].as<std::string>();
    const core::LocalizedText described = DescribeAuditAction(action);
    const bool refused = IsRefusalAction(action);
    std::vector<forms::Value> values{
        row[0].as<std::int64_t>(),
        at.date,
        at.time,
        kind,
        std::string(security ? "қауіпсіздік" : "өзгеріс"),
        std::string(security ? "безопасность" : "изменение"),
        row[3].is_null() ? std::string() : row[3].as<std::string>(),
        row[4].is_null() ? forms::Value(std::monostate{}) : forms::Value(row[4].as<std::int64_t>()),
        TextOrEmpty(row[5]),
        TextOrEmpty(row[6]),
        action,
        described.kk,
        described.ru,
        row[8].as<std::string>(),
        row[9].as<std::string>(),
        std::string(refused ? "қабылданбады" : "орындалды"),
        std::string(refused ? "отказано" : "выполнено"),
        row[10].as<std::string>(),
    };
    data.rows.push_back(std::move(values));
  }
  return data;
}

std::string Version(pqxx::dbtransaction& tx, const forms::ParameterValues& params) {
  auto filter = ReadFilter(params);
  if (!filter) return "unresolved";
  // The trail is append-only: the rows of a period change only by rows added to it.
  const auto row = tx.exec_params1(
      "SELECT count(*), coalesce(max(l.id), 0) FROM audit_log l "
      "LEFT JOIN users u ON u.id = l.actor_user_id" +
          std::string(kFilter),
      filter->from, filter->to, Nullable(filter->root), Nullable(filter->login),
      Nullable(filter->action));
  return row[0].as<std::string>() + ":" + row[1].as<std::string>();
}

core::Status Check(const forms::ParameterValues& params) {
  const auto from = DateParameter(params, "from");
  if (!from) return from.error();
  const auto to = DateParameter(params, "to");
  if (!to) return to.error();
  if (*to < *from) {
    return core::MakeError(
        "report.parameter.range",
        "Кезеңнің соңы (" + to->Format(core::Lang::kKk) + ") басынан (" +
            from->Format(core::Lang::kKk) + ") бұрын тұр",
        "Конец периода (" + to->Format(core::Lang::kRu) + ") раньше его начала (" +
            from->Format(core::Lang::kRu) + ")",
        "The period ends (" + to->ToIso() + ") before it starts (" + from->ToIso() + ")", "to");
  }
  return core::Status::Ok();
}

}  // namespace

core::LocalizedText DescribeAuditAction(std::string_view action) {
  if (const KnownAction* known = FindAction(action)) return known->description;
  const std::string code(action);
  return {"Әрекет: " + code, "Действие: " + code, "Action: " + code};
}

bool IsRefusalAction(std::string_view action) {
  const KnownAction* known = FindAction(action);
  return known != nullptr && known->refusal;
}

DataSource AuditEventsSource() {
  DataSource source;
  source.schema = *forms::FindBuiltinSource("audit_events");
  source.permission = "audit.read";
  source.check = Check;
  source.version = Version;
  source.fetch = Fetch;
  return source;
}

}  // namespace esep::reports
