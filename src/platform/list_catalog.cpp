// The lists of this version as data: source, scope, columns with their SQL, kind, filter
// and titles. Adding a list is adding a definition here; the builder does the rest.
#include "esep/platform/list_query.hpp"

#include "esep/platform/institutions.hpp"

namespace esep::platform {
namespace {

constexpr FilterKind kEq = FilterKind::kEq;
constexpr FilterKind kText = FilterKind::kText;
constexpr FilterKind kRange = FilterKind::kRange;
constexpr bool kSearch = true;
constexpr bool kNoSearch = false;

ListColumn Column(std::string code, ColumnKind kind, std::string sql, FilterKind filter,
                  bool searchable, core::LocalizedText title) {
  ListColumn column;
  column.code = std::move(code);
  column.kind = kind;
  column.sql = std::move(sql);
  column.filter = filter;
  column.searchable = searchable;
  column.title = std::move(title);
  return column;
}

ListColumn WithValues(ListColumn column,
                      std::vector<std::pair<std::string, core::LocalizedText>> values) {
  column.values = std::move(values);
  return column;
}

// ГУ / КГУ / ГККП, from the institutions' own table of kinds.
std::vector<std::pair<std::string, core::LocalizedText>> InstitutionKindNames() {
  std::vector<std::pair<std::string, core::LocalizedText>> names;
  for (const auto& info : AllInstitutionKinds()) {
    names.emplace_back(std::string(info.code), info.short_name);
  }
  return names;
}

ListColumn IdColumn(std::string sql) {
  return Column("id", ColumnKind::kInt, std::move(sql), kEq, kNoSearch,
                {"Идентификатор", "Идентификатор", "Id"});
}

ListDefinition Institutions() {
  ListDefinition list;
  list.name = "institutions";
  list.permission = "institutions.read";
  list.title = {"Мекемелер", "Учреждения", "Institutions"};
  list.from_sql = "institutions i";
  list.key = "id";
  list.default_sort = "name_ru";
  list.scope = ListScope::kOrgColumn;
  list.scope_sql = "i.id";
  list.columns = {
      IdColumn("i.id"),
      Column("name_kk", ColumnKind::kText, "i.name_kk", kText, kSearch,
             {"Атауы (қазақша)", "Наименование (каз.)", "Name (Kazakh)"}),
      Column("name_ru", ColumnKind::kText, "i.name_ru", kText, kSearch,
             {"Атауы (орысша)", "Наименование (рус.)", "Name (Russian)"}),
      Column("bin", ColumnKind::kText, "i.bin", kText, kSearch, {"БСН", "БИН", "BIN"}),
      WithValues(
          Column("kind", ColumnKind::kText, "i.kind", kEq, kNoSearch, {"Түрі", "Вид", "Kind"}),
          InstitutionKindNames()),
      Column("budget_level", ColumnKind::kInt, "i.budget_level", kEq, kNoSearch,
             {"Бюджет деңгейі", "Уровень бюджета", "Budget level"}),
      Column("parent_id", ColumnKind::kInt, "i.parent_id", kEq, kNoSearch,
             {"Жоғары тұрған мекеме", "Вышестоящее учреждение", "Superior institution"}),
      Column("active", ColumnKind::kBool, "i.active", kEq, kNoSearch,
             {"Белсенді", "Действует", "Active"}),
  };
  return list;
}

ListDefinition Users() {
  ListDefinition list;
  list.name = "users";
  list.permission = "users.read";
  list.title = {"Пайдаланушылар", "Пользователи", "Users"};
  list.from_sql = "users u";
  list.key = "id";
  list.default_sort = "full_name";
  list.scope = ListScope::kGrantedInOrgs;
  list.scope_sql = "u.id";
  list.columns = {
      IdColumn("u.id"),
      Column("login", ColumnKind::kText, "u.login", kText, kSearch, {"Логин", "Логин", "Login"}),
      Column("full_name", ColumnKind::kText, "u.full_name", kText, kSearch,
             {"Аты-жөні", "ФИО", "Full name"}),
      Column("active", ColumnKind::kBool, "u.active", kEq, kNoSearch,
             {"Белсенді", "Активен", "Active"}),
      Column("must_change_password", ColumnKind::kBool, "u.must_change_password", kEq, kNoSearch,
             {"Құпиясөзді ауыстыруы керек", "Должен сменить пароль", "Must change password"}),
      Column("created_at", ColumnKind::kDateTime, "u.created_at", kRange, kNoSearch,
             {"Құрылған уақыты", "Создан", "Created"}),
  };
  return list;
}

ListDefinition Audit() {
  ListDefinition list;
  list.name = "audit";
  list.permission = "audit.read";
  list.title = {"Аудит журналы", "Журнал аудита", "Audit trail"};
  // A LEFT JOIN on the users' key: PostgreSQL drops it from counts and key scans that do
  // not use user_login, so the join costs only the rows of the page.
  list.from_sql = "audit_log a LEFT JOIN users u ON u.id = a.actor_user_id";
  list.key = "id";
  list.default_sort = "-id";
  list.scope = ListScope::kOrgColumn;
  list.scope_sql = "a.org_id";
  list.columns = {
      IdColumn("a.id"),
      Column("at", ColumnKind::kDateTime, "a.at", kRange, kNoSearch, {"Уақыты", "Время", "Time"}),
      WithValues(
          Column("kind", ColumnKind::kText, "a.kind", kEq, kNoSearch, {"Түрі", "Вид", "Kind"}),
          {{"mutation", {"Өзгеріс", "Изменение", "Change"}},
           {"security", {"Қауіпсіздік", "Безопасность", "Security"}}}),
      Column("user_id", ColumnKind::kInt, "a.actor_user_id", kEq, kNoSearch,
             {"Пайдаланушы", "Пользователь", "User"}),
      Column("user_login", ColumnKind::kText, "u.login", kText, kSearch,
             {"Пайдаланушы логині", "Логин пользователя", "User login"}),
      Column("org_id", ColumnKind::kInt, "a.org_id", kEq, kNoSearch,
             {"Мекеме", "Учреждение", "Institution"}),
      Column("action", ColumnKind::kText, "a.action", kText, kSearch,
             {"Әрекет", "Действие", "Action"}),
      Column("entity", ColumnKind::kText, "a.entity", kEq, kSearch, {"Нысан", "Объект", "Entity"}),
      Column("entity_id", ColumnKind::kText, "a.entity_id", kEq, kSearch,
             {"Нысан идентификаторы", "Идентификатор объекта", "Entity id"}),
  };
  return list;
}

ListDefinition Jobs() {
  ListDefinition list;
  list.name = "jobs";
  list.permission = "jobs.read";
  list.title = {"Фондық тапсырмалар", "Фоновые задания", "Background jobs"};
  list.from_sql = "jobs j";
  list.key = "id";
  list.default_sort = "-id";
  list.scope = ListScope::kOrgColumnOrOwnRow;
  list.scope_sql = "j.org_id";
  list.owner_sql = "j.created_by";
  list.columns = {
      IdColumn("j.id"),
      WithValues(Column("kind", ColumnKind::kText, "j.kind", kEq, kSearch, {"Түрі", "Вид", "Kind"}),
                 {{"audit.verify",
                   {"Аудит тізбегін тексеру", "Проверка цепочки аудита", "Audit chain check"}},
                  {"report.render", {"Есепті қалыптастыру", "Формирование отчёта", "Report"}},
                  {"maintenance.purge",
                   {"Ескі деректерді тазалау", "Очистка устаревших данных", "Purge of old data"}}}),
      WithValues(Column("status", ColumnKind::kText, "j.status", kEq, kNoSearch,
                        {"Күйі", "Состояние", "Status"}),
                 {{"queued", {"Кезекте", "В очереди", "Queued"}},
                  {"running", {"Орындалуда", "Выполняется", "Running"}},
                  {"succeeded", {"Орындалды", "Выполнено", "Succeeded"}},
                  {"failed", {"Қатемен аяқталды", "Ошибка", "Failed"}},
                  {"cancelled", {"Тоқтатылды", "Отменено", "Cancelled"}}}),
      Column("progress_done", ColumnKind::kInt, "j.progress_done", kRange, kNoSearch,
             {"Орындалды", "Выполнено", "Done"}),
      Column("progress_total", ColumnKind::kInt, "j.progress_total", kRange, kNoSearch,
             {"Барлығы", "Всего", "Total"}),
      Column("org_id", ColumnKind::kInt, "j.org_id", kEq, kNoSearch,
             {"Мекеме", "Учреждение", "Institution"}),
      Column("created_by", ColumnKind::kInt, "j.created_by", kEq, kNoSearch,
             {"Бастаған", "Кем запущено", "Started by"}),
      Column("created_at", ColumnKind::kDateTime, "j.created_at", kRange, kNoSearch,
             {"Құрылған уақыты", "Создано", "Created"}),
      Column("finished_at", ColumnKind::kDateTime, "j.finished_at", kRange, kNoSearch,
             {"Аяқталған уақыты", "Завершено", "Finished"}),
  };
  return list;
}

}  // namespace

const std::vector<ListDefinition>& ListCatalog() {
  static const std::vector<ListDefinition> catalog = {Institutions(), Users(), Audit(), Jobs()};
  return catalog;
}

const ListDefinition* FindList(std::string_view name) {
  for (const auto& list : ListCatalog()) {
    if (list.name == name) return &list;
  }
  return nullptr;
}

const ListColumn* ListDefinition::Column(std::string_view code) const {
  for (const auto& column : columns) {
    if (column.code == code) return &column;
  }
  return nullptr;
}

}  // namespace esep::platform
