#include "esep/platform/backup.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <memory>
#include <pqxx/pqxx>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "esep/db/pg_binaries.hpp"
#include "esep/db/process.hpp"

namespace esep::platform {
namespace {

namespace json = boost::json;

// A manifest is a few hundred bytes; anything far larger is not one of ours.
constexpr std::uintmax_t kMaxManifestBytes = 1024 * 1024;
constexpr std::size_t kHashChunk = 1024 * 1024;
constexpr std::size_t kMaxDatabaseName = 63;  // PostgreSQL's NAMEDATALEN - 1

core::Error WithDetails(core::Error error, std::string details) {
  error.details = std::move(details);
  return error;
}

core::Error IoError(const std::filesystem::path& path, const std::string& details) {
  return WithDetails(core::MakeError("backup.io", "Файлмен жұмыс қатесі: " + path.string(),
                                     "Ошибка работы с файлом: " + path.string(),
                                     "File error: " + path.string(), path.string()),
                     details);
}

core::Error ManifestError(const std::filesystem::path& manifest, const std::string& details) {
  return WithDetails(
      core::MakeError(
          "backup.manifest", "Сақтық көшірменің манифесі жоқ немесе жарамсыз: " + manifest.string(),
          "Манифест резервной копии отсутствует или неверен: " + manifest.string(),
          "The backup manifest is missing or invalid: " + manifest.string(), manifest.string()),
      details);
}

core::Error ConnectionError(const std::string& details) {
  return WithDetails(core::MakeError("backup.connection", "Дерекқорға қосылу мүмкін болмады.",
                                     "Не удалось подключиться к базе данных.",
                                     "Cannot connect to the database.", "dsn"),
                     details);
}

std::string IsoNow() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  std::array<char, 32> buffer{};
  std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer.data();
}

struct FileDigest {
  std::uint64_t bytes = 0;
  std::string sha256;
};

// Streams the file through SHA-256: dumps run to gigabytes and must not be read whole.
core::Result<FileDigest> HashFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path, std::strerror(errno));
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                  &EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
    return IoError(path, "OpenSSL SHA-256 init failed");
  }
  FileDigest digest;
  std::vector<char> chunk(kHashChunk);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    if (EVP_DigestUpdate(context.get(), chunk.data(), got) != 1) {
      return IoError(path, "OpenSSL SHA-256 update failed");
    }
    digest.bytes += got;
  }
  if (in.bad()) return IoError(path, "read failed");
  std::array<unsigned char, EVP_MAX_MD_SIZE> value{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context.get(), value.data(), &length) != 1) {
    return IoError(path, "OpenSSL SHA-256 final failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned int i = 0; i < length; ++i) {
    digest.sha256.push_back(kHex[value[i] >> 4]);
    digest.sha256.push_back(kHex[value[i] & 0x0f]);
  }
  return digest;
}

// fsync on a descriptor opened only for this; a backup that is not on disk is not a backup.
core::Status SyncPath(const std::filesystem::path& path, bool directory) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
  if (fd < 0) return IoError(path, std::strerror(errno));
  const int rc = fsync(fd);
  const int saved = errno;
  ::close(fd);
  if (rc != 0) return IoError(path, std::strerror(saved));
  return core::Status::Ok();
}

// Creates an empty file with mode 0600 (pg_dump then writes into it, keeping the mode): a
// dump holds every row of the database and must not be readable by others even briefly.
core::Status CreatePrivateFile(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return IoError(path, std::strerror(errno));
  const int rc = fchmod(fd, 0600);
  const int saved = errno;
  ::close(fd);
  if (rc != 0) return IoError(path, std::strerror(saved));
  return core::Status::Ok();
}

core::Status WritePrivateFile(const std::filesystem::path& path, const std::string& content) {
  if (auto created = CreatePrivateFile(path); !created) return created;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) return IoError(path, "write failed");
  return SyncPath(path, false);
}

// Removes what a failed CreateBackup wrote, and the directory if it made it.
class BackupCleanup {
 public:
  BackupCleanup(std::filesystem::path dir, bool created_dir)
      : dir_(std::move(dir)), created_dir_(created_dir) {}
  ~BackupCleanup() {
    if (done_) return;
    std::error_code ec;
    std::filesystem::remove(dir_ / kBackupManifestFile, ec);
    std::filesystem::remove(dir_ / kBackupDumpFile, ec);
    if (created_dir_) std::filesystem::remove(dir_, ec);
  }
  BackupCleanup(const BackupCleanup&) = delete;
  BackupCleanup& operator=(const BackupCleanup&) = delete;
  void Done() { done_ = true; }

 private:
  std::filesystem::path dir_;
  bool created_dir_;
  bool done_ = false;
};

// Hand-laid so that an administrator can read it; values are escaped by Boost.JSON.
std::string ManifestJson(const BackupManifest& manifest) {
  auto text = [](const std::string& value) { return json::serialize(json::value(value)); };
  std::ostringstream out;
  out << "{\n";
  out << "  \"format\": " << text(manifest.format) << ",\n";
  out << "  \"created_at\": " << text(manifest.created_at) << ",\n";
  if (manifest.schema_version == 0) {
    out << "  \"schema_version\": null,\n";
  } else {
    out << "  \"schema_version\": {\"version\": " << manifest.schema_version
        << ", \"name\": " << text(manifest.schema_name) << "},\n";
  }
  out << "  \"database\": " << text(manifest.database) << ",\n";
  out << "  \"postgres_version\": " << text(manifest.postgres_version) << ",\n";
  out << "  \"files\": [";
  for (std::size_t i = 0; i < manifest.files.size(); ++i) {
    const auto& file = manifest.files[i];
    out << (i == 0 ? "\n" : ",\n") << "    {\"name\": " << text(file.name)
        << ", \"bytes\": " << file.bytes << ", \"sha256\": " << text(file.sha256) << "}";
  }
  out << "\n  ]\n}\n";
  return out.str();
}

bool IsPlainFileName(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos && name != kBackupManifestFile;
}

bool IsSha256Hex(const std::string& text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

core::Result<BackupManifest> ParseManifest(const std::filesystem::path& path,
                                           const std::string& text) {
  std::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) return ManifestError(path, "JSON: " + ec.message());
  const json::object* object = root.if_object();
  if (object == nullptr) return ManifestError(path, "not a JSON object");

  auto string_of = [&](const char* key, std::string& into) -> bool {
    const json::value* value = object->if_contains(key);
    if (value == nullptr || !value->is_string()) return false;
    into = std::string(value->get_string());
    return true;
  };
  BackupManifest manifest;
  if (!string_of("format", manifest.format)) return ManifestError(path, "no \"format\"");
  if (manifest.format != kBackupFormat) {
    return ManifestError(
        path, "unknown format \"" + manifest.format + "\", expected \"" + kBackupFormat + "\"");
  }
  if (!string_of("created_at", manifest.created_at) || !string_of("database", manifest.database) ||
      !string_of("postgres_version", manifest.postgres_version)) {
    return ManifestError(path, "created_at, database and postgres_version must be strings");
  }
  const json::value* schema = object->if_contains("schema_version");
  if (schema == nullptr) return ManifestError(path, "no \"schema_version\"");
  if (!schema->is_null()) {
    const json::object* version = schema->if_object();
    const json::value* number = version ? version->if_contains("version") : nullptr;
    const json::value* name = version ? version->if_contains("name") : nullptr;
    if (number == nullptr || !number->is_int64() || name == nullptr || !name->is_string() ||
        number->get_int64() < 1 || number->get_int64() > 9999) {
      return ManifestError(path, "\"schema_version\" must be {\"version\": N, \"name\": \"…\"}");
    }
    manifest.schema_version = static_cast<int>(number->get_int64());
    manifest.schema_name = std::string(name->get_string());
  }
  const json::value* files = object->if_contains("files");
  if (files == nullptr || !files->is_array()) return ManifestError(path, "no \"files\" array");
  bool has_dump = false;
  for (const json::value& entry : files->get_array()) {
    const json::object* file = entry.if_object();
    const json::value* name = file ? file->if_contains("name") : nullptr;
    const json::value* bytes = file ? file->if_contains("bytes") : nullptr;
    const json::value* sha256 = file ? file->if_contains("sha256") : nullptr;
    if (name == nullptr || !name->is_string() || bytes == nullptr || sha256 == nullptr ||
        !sha256->is_string()) {
      return ManifestError(path, "every file needs \"name\", \"bytes\" and \"sha256\"");
    }
    BackupFile backup_file;
    backup_file.name = std::string(name->get_string());
    backup_file.sha256 = std::string(sha256->get_string());
    std::error_code number_ec;
    backup_file.bytes = bytes->to_number<std::uint64_t>(number_ec);
    if (number_ec || !IsPlainFileName(backup_file.name) || !IsSha256Hex(backup_file.sha256)) {
      return ManifestError(path, "bad file entry \"" + backup_file.name + "\"");
    }
    has_dump = has_dump || backup_file.name == kBackupDumpFile;
    manifest.files.push_back(std::move(backup_file));
  }
  if (!has_dump) return ManifestError(path, std::string("no ") + kBackupDumpFile + " listed");
  return manifest;
}

core::Error FileMissing(const std::filesystem::path& path) {
  return core::MakeError("backup.file_missing", "Сақтық көшірменің файлы жоқ: " + path.string(),
                         "В резервной копии нет файла: " + path.string(),
                         "A file of the backup is missing: " + path.string(), path.string());
}

core::Error ChecksumMismatch(const std::filesystem::path& path, const std::string& details) {
  return WithDetails(
      core::MakeError(
          "backup.checksum_mismatch",
          "Файл манифестке сәйкес келмейді (бүлінген немесе өзгертілген): " + path.string(),
          "Файл не совпадает с манифестом (повреждён или изменён): " + path.string(),
          "The file does not match the manifest (damaged or altered): " + path.string(),
          path.string()),
      details);
}

bool IsValidDatabaseName(const std::string& name) {
  if (name.empty() || name.size() > kMaxDatabaseName) return false;
  if (name[0] >= '0' && name[0] <= '9') return false;
  for (char c : name) {
    const bool allowed =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!allowed) return false;
  }
  return true;
}

core::Error TargetExists(const std::string& name) {
  return core::MakeError(
      "backup.target_exists",
      "«" + name +
          "» дерекқоры бар. Қалпына келтіру бар дерекқорды ешқашан қайта жазбайды — "
          "жаңа атау беріңіз.",
      "База данных «" + name +
          "» уже существует. Восстановление никогда не перезаписывает "
          "базу — укажите новое имя.",
      "The database \"" + name +
          "\" exists. A restore never overwrites a database — give a "
          "new name.",
      name);
}

// libpq conninfo value: single-quoted with \ and ' escaped, so any value is safe.
std::string ConninfoValue(const std::string& value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return quoted + "'";
}

// Drops the database a failed restore created, so that nothing half-restored remains.
class DropOnFailure {
 public:
  DropOnFailure(std::string maintenance_dsn, std::string database)
      : dsn_(std::move(maintenance_dsn)), database_(std::move(database)) {}
  ~DropOnFailure() {
    if (!armed_) return;
    try {
      pqxx::connection connection(dsn_);
      pqxx::nontransaction tx(connection);
      tx.exec("DROP DATABASE IF EXISTS " + connection.quote_name(database_) + " WITH (FORCE)");
    } catch (const std::exception&) {
      // The restore's own error is what the administrator must see; a server that cannot
      // be reached now could not have kept a database alive either.
    }
  }
  DropOnFailure(const DropOnFailure&) = delete;
  DropOnFailure& operator=(const DropOnFailure&) = delete;
  void Disarm() { armed_ = false; }

 private:
  std::string dsn_;
  std::string database_;
  bool armed_ = true;
};

struct SourceFacts {
  std::string database;
  std::string postgres_version;
  int schema_version = 0;
  std::string schema_name;
};

SourceFacts ReadSourceFacts(const std::string& dsn) {
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  SourceFacts facts;
  const pqxx::row server = tx.exec1("SELECT current_database(), current_setting('server_version')");
  facts.database = server[0].as<std::string>();
  facts.postgres_version = server[1].as<std::string>();
  if (tx.exec1("SELECT to_regclass('esep_schema_migrations') IS NOT NULL")[0].as<bool>()) {
    const pqxx::result latest =
        tx.exec("SELECT version, name FROM esep_schema_migrations ORDER BY version DESC LIMIT 1");
    if (!latest.empty()) {
      facts.schema_version = latest[0][0].as<int>();
      facts.schema_name = latest[0][1].as<std::string>();
    }
  }
  tx.commit();
  return facts;
}

}  // namespace

bool RestoreReport::ChecksPassed() const {
  for (const auto& check : checks) {
    if (!check.ok) return false;
  }
  return true;
}

std::string DsnWithDatabase(const std::string& dsn, const std::string& database) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &error);
  if (options == nullptr) {
    PQfreemem(error);
    // libpq will reject the string itself and say why; the last dbname wins meanwhile.
    return dsn + " dbname=" + ConninfoValue(database);
  }
  std::string result;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr || std::string(option->keyword) == "dbname") continue;
    result += std::string(option->keyword) + "=" + ConninfoValue(option->val) + " ";
  }
  PQconninfoFree(options);
  return result + "dbname=" + ConninfoValue(database);
}

core::Result<BackupManifest> CreateBackup(const std::string& dsn,
                                          const std::filesystem::path& out_dir) {
  std::error_code ec;
  bool created_dir = false;
  if (std::filesystem::exists(out_dir, ec)) {
    if (!std::filesystem::is_directory(out_dir, ec) || !std::filesystem::is_empty(out_dir, ec) ||
        ec) {
      return core::MakeError(
          "backup.dir_not_empty",
          "Сақтық көшірме каталогы бос емес (немесе каталог емес): " + out_dir.string(),
          "Каталог резервной копии не пуст (или это не каталог): " + out_dir.string(),
          "The backup directory is not empty (or not a directory): " + out_dir.string(),
          out_dir.string());
    }
  } else {
    std::filesystem::create_directories(out_dir, ec);
    if (ec) return IoError(out_dir, ec.message());
    created_dir = true;
    std::filesystem::permissions(out_dir, std::filesystem::perms::owner_all, ec);
    if (ec) {
      std::filesystem::remove(out_dir, ec);
      return IoError(out_dir, "chmod 0700 failed");
    }
  }
  BackupCleanup cleanup(out_dir, created_dir);

  auto bin_dir = db::FindPgBinDir();
  if (!bin_dir) return bin_dir.error();

  BackupManifest manifest;
  manifest.created_at = IsoNow();
  try {
    SourceFacts facts = ReadSourceFacts(dsn);
    manifest.database = std::move(facts.database);
    manifest.postgres_version = std::move(facts.postgres_version);
    manifest.schema_version = facts.schema_version;
    manifest.schema_name = std::move(facts.schema_name);
  } catch (const std::exception& e) {
    return ConnectionError(e.what());
  }

  const std::filesystem::path dump = out_dir / kBackupDumpFile;
  if (auto created = CreatePrivateFile(dump); !created) return created.error();
  // No shell: the DSN is one argument, whatever it contains.
  const db::ProcessResult pg_dump =
      db::RunProcess({(*bin_dir / "pg_dump").string(), "--format=custom", "--no-password",
                      "--file=" + dump.string(), "--dbname=" + dsn});
  if (pg_dump.exit_code != 0) {
    return WithDetails(
        core::MakeError("backup.pg_dump",
                        "pg_dump сәтсіз аяқталды (код " + std::to_string(pg_dump.exit_code) +
                            "); сақтық көшірме жасалмады.",
                        "pg_dump завершился с ошибкой (код " + std::to_string(pg_dump.exit_code) +
                            "); копия не создана.",
                        "pg_dump failed (exit code " + std::to_string(pg_dump.exit_code) +
                            "); no backup was made.",
                        "dsn"),
        pg_dump.output);
  }
  if (auto synced = SyncPath(dump, false); !synced) return synced.error();
  auto digest = HashFile(dump);
  if (!digest) return digest.error();
  manifest.files.push_back({kBackupDumpFile, digest->bytes, digest->sha256});

  // The manifest is written last: a directory without one is an unfinished backup.
  if (auto written = WritePrivateFile(out_dir / kBackupManifestFile, ManifestJson(manifest));
      !written) {
    return written.error();
  }
  if (auto synced = SyncPath(out_dir, true); !synced) return synced.error();
  cleanup.Done();
  return manifest;
}

core::Result<BackupManifest> VerifyBackup(const std::filesystem::path& backup_dir) {
  const std::filesystem::path path = backup_dir / kBackupManifestFile;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return ManifestError(path, "no " + std::string(kBackupManifestFile) +
                                   ": not a backup directory, or an unfinished backup");
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxManifestBytes) return ManifestError(path, "unreadable or too large");
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return ManifestError(path, "unreadable");
  auto manifest = ParseManifest(path, text.str());
  if (!manifest) return manifest;

  for (const auto& file : manifest->files) {
    const std::filesystem::path file_path = backup_dir / file.name;
    if (!std::filesystem::is_regular_file(file_path, ec)) return FileMissing(file_path);
    const std::uintmax_t bytes = std::filesystem::file_size(file_path, ec);
    if (ec) return FileMissing(file_path);
    if (bytes != file.bytes) {
      return ChecksumMismatch(file_path, "size: manifest " + std::to_string(file.bytes) +
                                             ", file " + std::to_string(bytes));
    }
    auto digest = HashFile(file_path);
    if (!digest) return digest.error();
    if (digest->sha256 != file.sha256) {
      return ChecksumMismatch(file_path,
                              "sha256: manifest " + file.sha256 + ", file " + digest->sha256);
    }
  }
  return manifest;
}

core::Result<RestoreReport> RestoreBackup(const std::filesystem::path& backup_dir,
                                          const std::string& maintenance_dsn,
                                          const std::string& new_database) {
  auto manifest = VerifyBackup(backup_dir);
  if (!manifest) return manifest.error();
  if (!IsValidDatabaseName(new_database)) {
    return core::MakeError(
        "backup.bad_database_name",
        "Дерекқор атауы латын әріптері, цифрлар және _ (63 таңбаға дейін, цифрдан басталмайды): " +
            new_database,
        "Имя базы данных — латинские буквы, цифры и _ (до 63 символов, не с цифры): " +
            new_database,
        "A database name is Latin letters, digits and _ (up to 63, not starting with a digit): " +
            new_database,
        new_database);
  }
  auto bin_dir = db::FindPgBinDir();
  if (!bin_dir) return bin_dir.error();

  try {
    pqxx::connection connection(maintenance_dsn);
    pqxx::nontransaction tx(connection);
    if (!tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", new_database).empty()) {
      return TargetExists(new_database);
    }
    tx.exec("CREATE DATABASE " + connection.quote_name(new_database) +
            " ENCODING 'UTF8' TEMPLATE template0");
  } catch (const pqxx::sql_error& e) {
    // Another restore may have taken the name between our check and CREATE DATABASE.
    if (e.sqlstate() == "42P04") return TargetExists(new_database);
    return ConnectionError(e.what());
  } catch (const std::exception& e) {
    return ConnectionError(e.what());
  }
  DropOnFailure drop(maintenance_dsn, new_database);

  const std::string target_dsn = DsnWithDatabase(maintenance_dsn, new_database);
  const db::ProcessResult pg_restore = db::RunProcess(
      {(*bin_dir / "pg_restore").string(), "--no-owner", "--exit-on-error", "--no-password",
       "--dbname=" + target_dsn, (backup_dir / kBackupDumpFile).string()});
  if (pg_restore.exit_code != 0) {
    return WithDetails(
        core::MakeError("backup.pg_restore",
                        "pg_restore сәтсіз аяқталды (код " + std::to_string(pg_restore.exit_code) +
                            "); «" + new_database + "» дерекқоры жойылды.",
                        "pg_restore завершился с ошибкой (код " +
                            std::to_string(pg_restore.exit_code) + "); база «" + new_database +
                            "» удалена.",
                        "pg_restore failed (exit code " + std::to_string(pg_restore.exit_code) +
                            "); the database \"" + new_database + "\" was dropped.",
                        backup_dir.string()),
        pg_restore.output);
  }

  RestoreReport report;
  report.manifest = std::move(manifest).value();
  report.database = new_database;
  try {
    pqxx::connection restored(target_dsn);
    auto checks = RunIntegrityChecks(restored);
    if (!checks) return checks.error();
    report.checks = std::move(checks).value();
  } catch (const pqxx::broken_connection& e) {
    return ConnectionError(e.what());
  }
  drop.Disarm();
  return report;
}

}  // namespace esep::platform
