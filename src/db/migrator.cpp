#include "esep/db/migrator.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <pqxx/pqxx>
#include <sstream>
#include <string>
#include <system_error>

#include "esep/db/sha256.hpp"

namespace esep::db {
namespace {

// Any constant shared by every Esep process; pg_advisory_lock serialises migrators.
constexpr long long kMigrationLockKey = 0x45534550;  // "ESEP"

constexpr const char* kCreateTable = R"sql(
CREATE TABLE IF NOT EXISTS esep_schema_migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  checksum   text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
))sql";

core::Error MigrationError(const std::string& code, const std::string& kk, const std::string& ru,
                           const std::string& en, const std::string& field,
                           const std::string& details = {}) {
  core::Error error = core::MakeError(code, kk, ru, en, field);
  error.details = details;
  return error;
}

// "0012_ledger_accounts.sql" -> 12; -1 for names that are not migrations at all.
int VersionOf(const std::string& file_name) {
  if (file_name.size() < 9 || file_name.substr(file_name.size() - 4) != ".sql") return -1;
  std::size_t digits = 0;
  while (digits < file_name.size() && std::isdigit(static_cast<unsigned char>(file_name[digits]))) {
    ++digits;
  }
  if (digits != 4 || file_name[4] != '_') return digits == 0 ? -1 : -2;
  return std::stoi(file_name.substr(0, 4));
}

bool TableExists(pqxx::dbtransaction& tx) {
  return tx.exec1("SELECT to_regclass('esep_schema_migrations') IS NOT NULL")[0].as<bool>();
}

std::vector<AppliedMigration> ReadApplied(pqxx::dbtransaction& tx) {
  std::vector<AppliedMigration> applied;
  if (!TableExists(tx)) return applied;
  for (const auto& row :
       tx.exec("SELECT version, name, checksum, "
               "to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
               "FROM esep_schema_migrations ORDER BY version")) {
    applied.push_back({row[0].as<int>(), row[1].as<std::string>(), row[2].as<std::string>(),
                       row[3].as<std::string>()});
  }
  return applied;
}

}  // namespace

core::Result<std::vector<Migration>> LoadMigrations(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    return MigrationError("migration.dir", "Миграциялар каталогы оқылмады: " + dir.string(),
                          "Не удалось прочитать каталог миграций: " + dir.string(),
                          "Cannot read the migrations directory: " + dir.string(), dir.string(),
                          ec.message());
  }
  std::map<int, Migration> by_version;
  for (const auto& entry : it) {
    const std::string file_name = entry.path().filename().string();
    const int version = VersionOf(file_name);
    if (version == -1) continue;
    if (version == -2) {
      return MigrationError("migration.bad_name",
                            "Миграция атауы NNNN_атауы.sql пішінінде болуы керек: " + file_name,
                            "Имя миграции должно иметь вид NNNN_имя.sql: " + file_name,
                            "A migration must be named NNNN_name.sql: " + file_name, file_name);
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    if (!in) {
      return MigrationError("migration.unreadable", "Миграция оқылмады: " + file_name,
                            "Не удалось прочитать миграцию: " + file_name,
                            "Cannot read the migration: " + file_name, file_name);
    }
    Migration migration{version, file_name, content.str(), Sha256Hex(content.str())};
    if (auto [pos, inserted] = by_version.emplace(version, migration); !inserted) {
      return MigrationError("migration.duplicate_version",
                            "Бір нөмірлі екі миграция: " + pos->second.name + ", " + file_name,
                            "Две миграции с одним номером: " + pos->second.name + ", " + file_name,
                            "Two migrations share a number: " + pos->second.name + ", " + file_name,
                            file_name);
    }
  }
  std::vector<Migration> migrations;
  for (auto& [version, migration] : by_version) migrations.push_back(std::move(migration));
  return migrations;
}

std::filesystem::path DefaultSqlDir() {
  if (const char* env = std::getenv("ESEP_SQL_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path().parent_path() / "share" / "esep" / "sql";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return ESEP_SOURCE_SQL_DIR;
}

Migrator::Migrator(std::vector<Migration> migrations) : migrations_(std::move(migrations)) {}

core::Result<MigrationState> Migrator::Inspect(pqxx::connection& connection) const {
  pqxx::work tx(connection);
  MigrationState state;
  state.applied = ReadApplied(tx);
  tx.commit();

  std::map<int, const AppliedMigration*> applied_by_version;
  for (const auto& applied : state.applied) applied_by_version[applied.version] = &applied;

  for (const auto& applied : state.applied) {
    auto known = std::find_if(migrations_.begin(), migrations_.end(),
                              [&](const Migration& m) { return m.version == applied.version; });
    if (known == migrations_.end()) {
      return MigrationError(
          "migration.unknown_applied",
          "Дерекқорда осы нұсқада жоқ миграция қолданылған: " + applied.name +
              ". Esep-тің жаңарақ нұсқасын орнатыңыз.",
          "В базе применена миграция, которой нет в этой версии: " + applied.name +
              ". Установите более новую версию Esep.",
          "The database has a migration this build does not know: " + applied.name +
              ". Install a newer Esep.",
          applied.name);
    }
    if (known->checksum != applied.checksum) {
      return MigrationError(
          "migration.checksum_mismatch",
          "Қолданылған миграция файлы өзгертілген: " + known->name +
              ". Қолданылған миграцияларды өзгертуге болмайды — жаңа миграция қосыңыз.",
          "Файл применённой миграции изменён: " + known->name +
              ". Применённые миграции менять нельзя — добавьте новую миграцию.",
          "An applied migration file has changed: " + known->name +
              ". Applied migrations must never change; add a new migration instead.",
          known->name, "recorded " + applied.checksum + ", file " + known->checksum);
    }
  }
  for (const auto& migration : migrations_) {
    if (!applied_by_version.contains(migration.version)) state.pending.push_back(migration);
  }
  return state;
}

core::Result<std::vector<Migration>> Migrator::Apply(pqxx::connection& connection) const {
  {
    pqxx::nontransaction lock(connection);
    lock.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
  }
  struct Unlock {
    pqxx::connection& connection;
    ~Unlock() {
      try {
        pqxx::nontransaction unlock(connection);
        unlock.exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
      } catch (const std::exception&) {
        // The lock is session-level: a broken connection releases it anyway.
      }
    }
  } unlock{connection};

  {
    pqxx::work tx(connection);
    tx.exec(kCreateTable);
    tx.commit();
  }
  auto state = Inspect(connection);
  if (!state) return state.error();

  std::vector<Migration> applied;
  for (const auto& migration : state->pending) {
    try {
      pqxx::work tx(connection);
      tx.exec(migration.sql);
      tx.exec_params(
          "INSERT INTO esep_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
          migration.version, migration.name, migration.checksum);
      tx.commit();
    } catch (const pqxx::sql_error& e) {
      return MigrationError("migration.failed",
                            "Миграция орындалмады (ештеңе өзгерген жоқ): " + migration.name,
                            "Миграция не выполнена (ничего не изменено): " + migration.name,
                            "Migration failed (nothing of it was applied): " + migration.name,
                            migration.name, e.what());
    }
    applied.push_back(migration);
  }
  return applied;
}

}  // namespace esep::db
