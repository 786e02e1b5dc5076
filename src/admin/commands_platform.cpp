#include "commands_platform.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "commands_ledger.hpp"
#include "database_target.hpp"
#include "esep/platform/backup.hpp"
#include "esep/platform/integrity.hpp"
#include "esep/platform/tls_certificate.hpp"

namespace esep::admin {
namespace {

constexpr const char* kForce = "--force";

void Say(core::Lang lang, const std::string& kk, const std::string& ru, const std::string& en) {
  std::cout << core::LocalizedText{kk, ru, en}.In(lang) << "\n";
}

int Fail(const core::Error& error, core::Lang lang) {
  PrintError(error, lang);
  return 1;
}

// A malformed command line exits with 2, as main() does for unknown commands and options.
int Usage(core::Lang lang, const std::string& usage) {
  PrintError(core::MakeError("cli.usage", "Қолданылуы: esep-admin " + usage,
                             "Использование: esep-admin " + usage, "Usage: esep-admin " + usage),
             lang);
  return 2;
}

core::Error ConnectionLost(const std::exception& e) {
  core::Error error = core::MakeError("db.connection", "Дерекқорға қосылу мүмкін болмады.",
                                      "Не удалось подключиться к базе данных.",
                                      "Cannot connect to the database.", "dsn");
  error.details = e.what();
  return error;
}

// The command's positional words without the flags this file understands.
std::vector<std::string> Positional(const CommandLine& line) {
  std::vector<std::string> words;
  for (const auto& word : line.words) {
    if (word != kForce) words.push_back(word);
  }
  return words;
}

bool HasForce(const CommandLine& line) {
  return std::find(line.words.begin(), line.words.end(), kForce) != line.words.end();
}

std::filesystem::path DataDir(const CommandLine& line) {
  return line.data_dir.empty() ? std::filesystem::path(DatabaseTarget::kDefaultDataDir)
                               : line.data_dir;
}

// What the administrator compares with the client's first-use dialog.
int PrintCertificate(const platform::TlsFiles& files, core::Lang lang) {
  auto info = platform::ReadCertificateInfo(files.cert);
  if (!info) return Fail(info.error(), lang);
  std::string names;
  for (const auto& name : info->sans) names += (names.empty() ? "" : ", ") + name;
  std::cout << "  " << files.cert.string() << "\n  " << files.key.string() << "\n";
  Say(lang, "  Атаулар: " + names, "  Имена: " + names, "  Names: " + names);
  Say(lang, "  Жарамды: " + info->not_after + " дейін", "  Действителен до: " + info->not_after,
      "  Valid until: " + info->not_after);
  Say(lang, "  SHA-256 саусақ ізі (клиент бірінші қосылғанда көрсетеді):",
      "  Отпечаток SHA-256 (клиент покажет его при первом подключении):",
      "  SHA-256 fingerprint (the client shows it on first connection):");
  std::cout << "  " << info->fingerprint << "\n";
  return 0;
}

void PrintChecks(const std::vector<platform::CheckResult>& checks, core::Lang lang) {
  for (const auto& check : checks) {
    std::cout << (check.ok ? "  [ok]   " : "  [FAIL] ") << check.name << ": "
              << check.summary.In(lang) << "\n";
    if (!check.ok && !check.details.empty()) std::cout << "         " << check.details << "\n";
  }
}

int FailedChecks(const std::vector<platform::CheckResult>& checks) {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(),
                                        [](const platform::CheckResult& c) { return !c.ok; }));
}

}  // namespace

int RunTls(const CommandLine& line) {
  const std::vector<std::string> words = Positional(line);
  if (words.size() != 2 || words[1] != "self-signed") {
    return Usage(line.lang, "tls self-signed [--force]");
  }
  const platform::TlsFiles files = platform::DefaultTlsFiles(DataDir(line));
  platform::SelfSignedOptions options;
  options.overwrite = HasForce(line);
  if (auto written = platform::WriteSelfSignedCertificate(files.cert, files.key, options);
      !written) {
    return Fail(written.error(), line.lang);
  }
  Say(line.lang, "Өздігінен қол қойылған TLS сертификаты жасалды:",
      "Создан самоподписанный сертификат TLS:", "Self-signed TLS certificate written:");
  return PrintCertificate(files, line.lang);
}

int EnsureSelfSignedTls(const CommandLine& line) {
  const platform::TlsFiles files = platform::DefaultTlsFiles(DataDir(line));
  std::error_code ec;
  const bool have_cert = std::filesystem::exists(files.cert, ec);
  const bool have_key = std::filesystem::exists(files.key, ec);
  if (have_cert && have_key) {
    if (!platform::CertificateAndKeyMatch(files.cert, files.key)) {
      return Fail(
          core::MakeError(
              "tls.mismatch",
              "TLS сертификаты мен кілті бір-біріне сәйкес емес. Жаңа жұп: esep-admin tls "
              "self-signed --force",
              "Сертификат и ключ TLS не подходят друг к другу. Новая пара: esep-admin tls "
              "self-signed --force",
              "The TLS certificate and key do not belong together. A new pair: esep-admin tls "
              "self-signed --force",
              files.key.string()),
          line.lang);
    }
    Say(line.lang,
        "TLS сертификаты бар:", "Сертификат TLS уже есть:", "The TLS certificate is in place:");
    return PrintCertificate(files, line.lang);
  }
  // One of the two alone is refused ("tls.exists") rather than silently replaced.
  if (auto written = platform::WriteSelfSignedCertificate(files.cert, files.key); !written) {
    return Fail(written.error(), line.lang);
  }
  Say(line.lang, "Өздігінен қол қойылған TLS сертификаты жасалды:",
      "Создан самоподписанный сертификат TLS:", "Self-signed TLS certificate written:");
  return PrintCertificate(files, line.lang);
}

int RunBackup(const CommandLine& line) {
  const std::vector<std::string> words = Positional(line);
  if (words.size() != 2) return Usage(line.lang, "backup OUT_DIR");
  DatabaseTarget target(line);
  if (auto status = target.Open(/*create=*/false); !status) return Fail(status.error(), line.lang);
  auto manifest = platform::CreateBackup(target.Dsn(), words[1]);
  if (!manifest) return Fail(manifest.error(), line.lang);
  for (const auto& file : manifest->files) {
    std::cout << "  " << file.name << "  " << file.bytes << "  sha256 " << file.sha256 << "\n";
  }
  const std::string schema = manifest->schema_name.empty() ? "-" : manifest->schema_name;
  Say(line.lang,
      "Сақтық көшірме жасалды: " + words[1] + " (дерекқор " + manifest->database + ", схема " +
          schema + ", " + manifest->created_at + ")",
      "Резервная копия создана: " + words[1] + " (база " + manifest->database + ", схема " +
          schema + ", " + manifest->created_at + ")",
      "Backup written: " + words[1] + " (database " + manifest->database + ", schema " + schema +
          ", " + manifest->created_at + ")");
  return 0;
}

int RunRestore(const CommandLine& line) {
  const std::vector<std::string> words = Positional(line);
  if (words.size() != 3) return Usage(line.lang, "restore BACKUP_DIR NEW_DB_NAME");
  DatabaseTarget target(line);
  if (auto status = target.Open(/*create=*/false); !status) return Fail(status.error(), line.lang);
  const std::string maintenance = target.embedded()
                                      ? target.cluster()->ConnectionString("postgres")
                                      : platform::DsnWithDatabase(line.dsn, "postgres");
  auto report = platform::RestoreBackup(words[1], maintenance, words[2]);
  if (!report) return Fail(report.error(), line.lang);
  PrintChecks(report->checks, line.lang);
  const std::string& name = report->database;
  const std::string from = report->manifest.database + ", " + report->manifest.created_at;
  Say(line.lang,
      "Қалпына келтірілді: «" + name + "» дерекқоры (көшірме: " + from +
          "). Ол әзірге қолданылмайды: серверді соған бағыттаңыз.",
      "Восстановлено в базу «" + name + "» (копия: " + from +
          "). Она пока не используется: направьте на неё сервер.",
      "Restored into the database \"" + name + "\" (backup of " + from +
          "). It is not in use yet: point the server at it.");
  if (const int failed = FailedChecks(report->checks); failed > 0) {
    Say(line.lang,
        "Тексерулер сәтсіз: " + std::to_string(failed) + ". Дерекқор тексеру үшін сақталды.",
        "Проверок не пройдено: " + std::to_string(failed) + ". База сохранена для разбора.",
        "Checks failed: " + std::to_string(failed) + ". The database is kept for inspection.");
    return 1;
  }
  return 0;
}

int RunCheck(const CommandLine& line) {
  if (Positional(line).size() != 1) return Usage(line.lang, "check");
  DatabaseTarget target(line);
  if (auto status = target.Open(/*create=*/false); !status) return Fail(status.error(), line.lang);
  try {
    pqxx::connection connection(target.Dsn());
    auto checks = platform::RunIntegrityChecks(connection);
    if (!checks) return Fail(checks.error(), line.lang);
    std::vector<platform::CheckResult> all = checks.value();
    all.push_back(LedgerTotalsCheck(connection));
    PrintChecks(all, line.lang);
    const int failed = FailedChecks(all);
    const std::string total = std::to_string(all.size());
    if (failed > 0) {
      Say(line.lang, "Тексерулер сәтсіз: " + std::to_string(failed) + " / " + total,
          "Проверок не пройдено: " + std::to_string(failed) + " из " + total,
          "Checks failed: " + std::to_string(failed) + " of " + total);
      return 1;
    }
    Say(line.lang, "Барлық тексерулер өтті: " + total, "Все проверки пройдены: " + total,
        "All checks passed: " + total);
    return 0;
  } catch (const pqxx::broken_connection& e) {
    return Fail(ConnectionLost(e), line.lang);
  }
}

}  // namespace esep::admin
