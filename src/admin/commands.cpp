#include "commands.hpp"

#include <algorithm>
#include <iostream>
#include <pqxx/pqxx>
#include <string>

#include <fstream>
#include <sstream>

#include "commands_directory.hpp"
#include "commands_ledger.hpp"
#include "commands_platform.hpp"
#include "database_target.hpp"
#include "esep/core/production_calendar.hpp"
#include "esep/db/migrator.hpp"
#include "esep/db/production_calendar_store.hpp"

namespace esep::admin {
namespace {

void Say(core::Lang lang, const std::string& kk, const std::string& ru, const std::string& en) {
  std::cout << core::LocalizedText{kk, ru, en}.In(lang) << "\n";
}

int Fail(const core::Error& error, core::Lang lang) {
  PrintError(error, lang);
  return 1;
}

core::Error ConnectionLost(const std::exception& e) {
  core::Error error = core::MakeError("db.connection", "Дерекқорға қосылу мүмкін болмады.",
                                      "Не удалось подключиться к базе данных.",
                                      "Cannot connect to the database.", "dsn");
  error.details = e.what();
  return error;
}

// Applies pending migrations and reports each one; shared by init and migrate.
int Migrate(DatabaseTarget& target, core::Lang lang) {
  auto migrations = db::LoadMigrations(db::DefaultSqlDir());
  if (!migrations) return Fail(migrations.error(), lang);
  try {
    pqxx::connection connection(target.Dsn());
    auto applied = db::Migrator(*migrations).Apply(connection);
    if (!applied) return Fail(applied.error(), lang);
    for (const auto& migration : *applied) std::cout << "  + " << migration.name << "\n";
    Say(lang, "Қолданылған миграциялар: " + std::to_string(applied->size()),
        "Применено миграций: " + std::to_string(applied->size()),
        "Migrations applied: " + std::to_string(applied->size()));
  } catch (const pqxx::broken_connection& e) {
    return Fail(ConnectionLost(e), lang);
  }
  return 0;
}

// Validates a calendar file whole, then replaces its years in one transaction.
int LoadCalendarFile(const std::string& dsn, const std::filesystem::path& file, core::Lang lang) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    return Fail(core::MakeError("file.unreadable", "Файл оқылмады: " + file.string(),
                                "Не удалось прочитать файл: " + file.string(),
                                "Cannot read the file: " + file.string(), file.string()),
                lang);
  }
  auto calendar = core::ProductionCalendar::FromCsv(text.str(), file.filename().string());
  if (!calendar) return Fail(calendar.error(), lang);
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  if (auto stored = db::StoreProductionCalendar(tx, *calendar, file.filename().string()); !stored) {
    return Fail(stored.error(), lang);
  }
  tx.commit();
  Say(lang,
      "Өндірістік күнтізбе жүктелді: " + file.filename().string() + " (" +
          std::to_string(calendar->size()) + " күн)",
      "Загружен производственный календарь: " + file.filename().string() + " (" +
          std::to_string(calendar->size()) + " дн.)",
      "Production calendar loaded: " + file.filename().string() + " (" +
          std::to_string(calendar->size()) + " days)");
  return 0;
}

// The reference data shipped in sql/reference/ that a new database starts with.
int LoadShippedReferenceData(const std::string& dsn, core::Lang lang) {
  std::vector<std::filesystem::path> calendars;
  std::error_code ec;
  for (const auto& entry :
       std::filesystem::directory_iterator(db::DefaultSqlDir() / "reference", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("production_calendar_", 0) == 0 && entry.path().extension() == ".csv") {
      calendars.push_back(entry.path());
    }
  }
  std::sort(calendars.begin(), calendars.end());
  for (const auto& file : calendars) {
    if (int rc = LoadCalendarFile(dsn, file, lang); rc != 0) return rc;
  }
  return LoadShippedLedgerReference(dsn, lang);
}

}  // namespace

int RunLoadCalendar(const CommandLine& line) {
  if (line.words.size() != 2) {
    return Fail(
        core::MakeError("cli.missing_file", "Күнтізбе файлын көрсетіңіз: load-calendar ФАЙЛ",
                        "Укажите файл календаря: load-calendar ФАЙЛ",
                        "Name the calendar file: load-calendar FILE", "FILE"),
        line.lang);
  }
  DatabaseTarget target(line);
  if (auto status = target.Open(/*create=*/false); !status) return Fail(status.error(), line.lang);
  return LoadCalendarFile(target.Dsn(), line.words[1], line.lang);
}

int RunInit(const CommandLine& line) {
  DatabaseTarget target(line);
  if (auto status = target.Open(/*create=*/true); !status) return Fail(status.error(), line.lang);
  if (auto status = target.CreateDatabaseIfMissing(); !status)
    return Fail(status.error(), line.lang);
  if (int rc = Migrate(target, line.lang); rc != 0) return rc;
  if (int rc = LoadShippedReferenceData(target.Dsn(), line.lang); rc != 0) return rc;
  if (int rc = EnsureSelfSignedTls(line); rc != 0) return rc;
  if (int rc = EnsureFirstAdministrator(target.Dsn(), line); rc != 0) return rc;
  Say(line.lang, "Дерекқор дайын: " + target.Dsn(), "База данных готова: " + target.Dsn(),
      "The database is ready: " + target.Dsn());
  return 0;
}

int RunMigrate(const CommandLine& line) {
  DatabaseTarget target(line);
  if (auto status = target.Open(/*create=*/false); !status) return Fail(status.error(), line.lang);
  return Migrate(target, line.lang);
}

int RunStatus(const CommandLine& line) {
  DatabaseTarget target(line);
  if (target.embedded()) {
    const bool running = target.cluster()->IsRunning();
    Say(line.lang,
        std::string("Ендірілген кластер: ") + target.cluster()->options().dir.string() +
            (running ? " (жұмыс істеп тұр)" : " (тоқтатылған)"),
        std::string("Встроенный кластер: ") + target.cluster()->options().dir.string() +
            (running ? " (запущен)" : " (остановлен)"),
        std::string("Embedded cluster: ") + target.cluster()->options().dir.string() +
            (running ? " (running)" : " (stopped)"));
  }
  if (auto status = target.Open(/*create=*/false); !status) return Fail(status.error(), line.lang);
  auto migrations = db::LoadMigrations(db::DefaultSqlDir());
  if (!migrations) return Fail(migrations.error(), line.lang);
  try {
    pqxx::connection connection(target.Dsn());
    auto state = db::Migrator(*migrations).Inspect(connection);
    if (!state) return Fail(state.error(), line.lang);
    for (const auto& applied : state->applied) {
      std::cout << "  = " << applied.name << "  " << applied.applied_at << "\n";
    }
    for (const auto& pending : state->pending) std::cout << "  ? " << pending.name << "\n";
    Say(line.lang,
        "Қолданылған: " + std::to_string(state->applied.size()) +
            ", күтуде: " + std::to_string(state->pending.size()),
        "Применено: " + std::to_string(state->applied.size()) +
            ", ожидают: " + std::to_string(state->pending.size()),
        "Applied: " + std::to_string(state->applied.size()) +
            ", pending: " + std::to_string(state->pending.size()));
    return state->pending.empty() ? 0 : 1;
  } catch (const pqxx::broken_connection& e) {
    return Fail(ConnectionLost(e), line.lang);
  }
}

int RunStart(const CommandLine& line) {
  DatabaseTarget target(line);
  if (!target.embedded()) {
    return Fail(core::MakeError("cli.needs_data_dir", "Бұл команда тек --data-dir үшін",
                                "Эта команда только для --data-dir",
                                "This command works on --data-dir only", "--dsn"),
                line.lang);
  }
  target.KeepRunning();
  if (auto status = target.Open(/*create=*/false); !status) return Fail(status.error(), line.lang);
  Say(line.lang, "Кластер іске қосылды: " + target.Dsn(), "Кластер запущен: " + target.Dsn(),
      "The cluster is running: " + target.Dsn());
  return 0;
}

int RunStop(const CommandLine& line) {
  DatabaseTarget target(line);
  if (!target.embedded()) {
    return Fail(core::MakeError("cli.needs_data_dir", "Бұл команда тек --data-dir үшін",
                                "Эта команда только для --data-dir",
                                "This command works on --data-dir only", "--dsn"),
                line.lang);
  }
  if (auto status = target.cluster()->Stop(); !status) return Fail(status.error(), line.lang);
  Say(line.lang, "Кластер тоқтатылды.", "Кластер остановлен.", "The cluster is stopped.");
  return 0;
}

}  // namespace esep::admin
