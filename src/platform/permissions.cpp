#include "esep/platform/permissions.hpp"

#include <algorithm>
#include <array>

namespace esep::platform {
namespace {

constexpr std::size_t kPermissionCount = 21;
static_assert(kPermissionCount <= 64, "AccessSet keeps a set of permissions in a 64-bit mask");

const std::array<PermissionInfo, kPermissionCount>& Catalog() {
  // Kept sorted by code: IsKnownPermission searches it by halving (a test checks the order).
  static const std::array<PermissionInfo, kPermissionCount> kCatalog{{
      {"audit.read", {"Аудит журналын қарау", "Просмотр журнала аудита", "View the audit trail"}},
      {"budget.approve",
       {"Бюджеттік өтінімдер мен жоспарларды бекіту (БӘБ)",
        "Утверждение бюджетных заявок и планов (АБП)",
        "Approve budget requests and plans (budget program administrator)"}},
      {"budget.read",
       {"Бюджеттік өтінімдер мен қаржыландыру жоспарларын қарау",
        "Просмотр бюджетных заявок и планов финансирования",
        "View budget requests and financing plans"}},
      {"budget.write",
       {"Бюджеттік өтінімдер мен қаржыландыру жоспарларын дайындау",
        "Подготовка бюджетных заявок и планов финансирования",
        "Prepare budget requests and financing plans"}},
      {"grants.write",
       {"Пайдаланушыларға рөлдер беру және қайтарып алу", "Назначение и отзыв ролей пользователей",
        "Grant and revoke users' roles"}},
      {"hr.read",
       {"Кадрлық деректерді қарау", "Просмотр кадровых данных", "View personnel records"}},
      {"hr.write",
       {"Кадрлық деректер мен бұйрықтарды енгізу", "Ведение кадровых данных и приказов",
        "Maintain personnel records and orders"}},
      {"institutions.read",
       {"Мекемелер туралы мәліметтерді қарау", "Просмотр сведений об учреждениях",
        "View institutions"}},
      {"institutions.write",
       {"Мекемелерді тіркеу және өзгерту", "Регистрация и изменение учреждений",
        "Register and change institutions"}},
      {"jobs.cancel",
       {"Фондық тапсырмаларды тоқтату", "Отмена фоновых заданий", "Cancel background jobs"}},
      {"jobs.read",
       {"Фондық тапсырмаларды қарау", "Просмотр фоновых заданий", "View background jobs"}},
      {"ledger.close_period",
       {"Есепті кезеңді жабу және ашу", "Закрытие и открытие отчётного периода",
        "Close and reopen an accounting period"}},
      {"ledger.post",
       {"Құжаттарды өткізу (проводка) және сторно", "Проведение документов и сторно",
        "Post documents and reverse them"}},
      {"ledger.read",
       {"Бухгалтерлік құжаттар мен тіркелімдерді қарау",
        "Просмотр бухгалтерских документов и регистров", "View accounting documents and ledgers"}},
      {"ledger.write",
       {"Бухгалтерлік құжаттарды жасау және өзгерту",
        "Создание и изменение бухгалтерских документов", "Create and edit accounting documents"}},
      {"payroll.read",
       {"Жалақы есептеулерін қарау", "Просмотр расчётов заработной платы", "View payroll"}},
      {"payroll.write",
       {"Жалақыны есептеу және төлеу", "Начисление и выплата заработной платы",
        "Compute and pay salaries"}},
      {"reports.read", {"Есептерді қалыптастыру", "Формирование отчётов", "Produce reports"}},
      {"self.read",
       {"Өз есеп парағым мен деректерімді қарау", "Просмотр своих расчётных листов и данных",
        "View one's own payslips and records"}},
      {"users.read", {"Пайдаланушыларды қарау", "Просмотр пользователей", "View users"}},
      {"users.write",
       {"Пайдаланушыларды тіркеу, бұғаттау, құпиясөзін қалпына келтіру",
        "Регистрация, блокировка пользователей и сброс паролей",
        "Register and lock users, reset passwords"}},
  }};
  return kCatalog;
}

}  // namespace

std::span<const PermissionInfo> AllPermissions() { return Catalog(); }

bool IsKnownPermission(std::string_view code) { return PermissionIndex(code).has_value(); }

std::optional<std::size_t> PermissionIndex(std::string_view code) {
  const auto& catalog = Catalog();
  const auto found = std::lower_bound(
      catalog.begin(), catalog.end(), code,
      [](const PermissionInfo& info, std::string_view wanted) { return info.code < wanted; });
  if (found == catalog.end() || found->code != code) return std::nullopt;
  return static_cast<std::size_t>(found - catalog.begin());
}

}  // namespace esep::platform
