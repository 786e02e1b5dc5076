#include "esep/platform/integrity.hpp"

#include <mutex>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "esep/db/migrator.hpp"
#include "esep/platform/audit.hpp"

namespace esep::platform {
namespace {

struct RegisteredCheck {
  std::string name;
  IntegrityCheckFn run;
};

struct Registry {
  std::mutex mutex;
  std::vector<RegisteredCheck> checks;
};

// The platform's checks are present from the start; engines append theirs.
Registry& TheRegistry() {
  static Registry registry{{}, {{"audit_chain", CheckAuditChain}, {"migrations", CheckMigrations}}};
  return registry;
}

CheckResult Failed(std::string name, const core::Error& error) {
  std::string details = error.code;
  if (!error.field.empty()) details += " [" + error.field + "]";
  if (!error.details.empty()) details += ": " + error.details;
  return {std::move(name), false, error.message, std::move(details)};
}

}  // namespace

void RegisterIntegrityCheck(std::string name, IntegrityCheckFn check) {
  Registry& registry = TheRegistry();
  std::lock_guard lock(registry.mutex);
  for (const auto& existing : registry.checks) {
    if (existing.name == name) {
      throw std::logic_error("integrity check registered twice: " + name);
    }
  }
  registry.checks.push_back({std::move(name), std::move(check)});
}

std::vector<std::string> IntegrityCheckNames() {
  Registry& registry = TheRegistry();
  std::lock_guard lock(registry.mutex);
  std::vector<std::string> names;
  for (const auto& check : registry.checks) names.push_back(check.name);
  return names;
}

core::Result<std::vector<CheckResult>> RunIntegrityChecks(pqxx::connection& connection) {
  std::vector<RegisteredCheck> checks;
  {
    Registry& registry = TheRegistry();
    std::lock_guard lock(registry.mutex);
    checks = registry.checks;
  }
  std::vector<CheckResult> results;
  for (const auto& check : checks) {
    try {
      CheckResult result = check.run(connection);
      result.name = check.name;
      results.push_back(std::move(result));
    } catch (const pqxx::broken_connection& e) {
      core::Error error = core::MakeError(
          "integrity.connection", "Тексеру кезінде дерекқормен байланыс үзілді: " + check.name,
          "Связь с базой данных потеряна во время проверки: " + check.name,
          "The database connection was lost during the check: " + check.name, check.name);
      error.details = e.what();
      return error;
    } catch (const pqxx::sql_error& e) {
      core::Error error =
          core::MakeError("integrity.check_failed", "Тексеру орындалмады: " + check.name,
                          "Проверка не выполнена: " + check.name,
                          "The check could not run: " + check.name, check.name);
      error.details = e.what();
      results.push_back(Failed(check.name, error));
    }
  }
  return results;
}

CheckResult CheckAuditChain(pqxx::connection& connection) {
  pqxx::work tx(connection);
  auto verification = VerifyAuditChain(tx);
  tx.commit();
  if (!verification) return Failed("audit_chain", verification.error());
  const std::string rows = std::to_string(verification->rows_checked);
  if (verification->first_bad_id) {
    const std::string id = std::to_string(*verification->first_bad_id);
    return {"audit_chain",
            false,
            {"Аудит тізбегі бұзылған: №" + id + " жазбадан бастап хэштер сәйкес келмейді (" + rows +
                 " жазба тексерілді).",
             "Цепочка аудита нарушена: хэши не сходятся начиная с записи №" + id +
                 " (проверено записей: " + rows + ").",
             "The audit chain is broken: hashes stop matching at row " + id +
                 " (rows checked: " + rows + ")."},
            "first_bad_id=" + id};
  }
  return {"audit_chain",
          true,
          {"Аудит тізбегі бүтін: " + rows + " жазба тексерілді.",
           "Цепочка аудита цела: проверено записей: " + rows + ".",
           "The audit chain is intact; rows checked: " + rows + "."},
          "rows_checked=" + rows};
}

CheckResult CheckMigrations(pqxx::connection& connection) {
  auto migrations = db::LoadMigrations(db::DefaultSqlDir());
  if (!migrations) return Failed("migrations", migrations.error());
  auto state = db::Migrator(*migrations).Inspect(connection);
  if (!state) return Failed("migrations", state.error());
  const std::string applied = std::to_string(state->applied.size());
  if (!state->pending.empty()) {
    const std::string pending = std::to_string(state->pending.size());
    std::string names;
    for (const auto& migration : state->pending) {
      if (!names.empty()) names += ", ";
      names += migration.name;
    }
    return {"migrations",
            false,
            {"Қолданылмаған миграциялар бар: " + pending + " (esep-admin migrate).",
             "Есть неприменённые миграции: " + pending + " (esep-admin migrate).",
             "Migrations are pending: " + pending + " (esep-admin migrate)."},
            names};
  }
  return {"migrations",
          true,
          {"Барлық миграциялар қолданылған және өзгермеген: " + applied + ".",
           "Все миграции применены и не изменены: " + applied + ".",
           "Every migration is applied and unchanged: " + applied + "."},
          {}};
}

}  // namespace esep::platform
