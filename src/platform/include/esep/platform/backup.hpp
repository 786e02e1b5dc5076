#pragma once
/// @file
/// Backups: pg_dump's custom format plus a manifest (SHA-256 of every file, schema version,
/// time); restore verifies the manifest first, restores into a new database only, and runs
/// the integrity checks on the result.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/platform/integrity.hpp"

namespace esep::platform {

/// The manifest's "format"; a restore refuses any other.
inline constexpr const char* kBackupFormat = "esep-backup/1";
inline constexpr const char* kBackupManifestFile = "manifest.json";
inline constexpr const char* kBackupDumpFile = "esep.dump";

struct BackupFile {
  std::string name;  ///< a plain file name inside the backup directory
  std::uint64_t bytes = 0;
  std::string sha256;  ///< lowercase hex
};

struct BackupManifest {
  std::string format = kBackupFormat;
  std::string created_at;   ///< ISO 8601 UTC, "2026-11-23T10:00:00Z"
  int schema_version = 0;   ///< the highest applied migration; 0 when none
  std::string schema_name;  ///< its file, "0005_audit_idempotency.sql"
  std::string database;
  std::string postgres_version;  ///< the server's server_version
  std::vector<BackupFile> files;
};

/// Dumps the database of `dsn` (pg_dump -Fc) into out_dir/esep.dump and then writes
/// out_dir/manifest.json; a directory without a manifest is an unfinished backup. out_dir
/// must not exist or be empty ("backup.dir_not_empty"); it is created with mode 0700, since
/// a dump holds every row. On failure nothing this call wrote is left behind.
/// Errors: "backup.dir_not_empty", "backup.io", "backup.connection", "backup.pg_dump",
/// and FindPgBinDir's "db.postgres_not_found".
core::Result<BackupManifest> CreateBackup(const std::string& dsn,
                                          const std::filesystem::path& out_dir);

/// Reads backup_dir/manifest.json and checks every file it lists against its size and
/// SHA-256, without touching any server. Errors: "backup.manifest" (missing, unreadable or
/// unknown format), "backup.file_missing", "backup.checksum_mismatch" — each naming the file.
core::Result<BackupManifest> VerifyBackup(const std::filesystem::path& backup_dir);

struct RestoreReport {
  BackupManifest manifest;
  std::string database;             ///< the database created
  std::vector<CheckResult> checks;  ///< the integrity checks run on it
  bool ChecksPassed() const;
};

/// Verifies the backup (VerifyBackup) before connecting, then creates `new_database` on the
/// server of `maintenance_dsn` (any database there, e.g. "postgres") and pg_restores into it
/// (--no-owner --exit-on-error). It never overwrites: an existing database is refused
/// ("backup.target_exists"). If anything fails after the database was created, it is
/// dropped again, so nothing half-restored is left. The integrity checks run last; failed
/// checks do not undo the restore — they are reported for the administrator to judge.
/// Errors: VerifyBackup's, "backup.bad_database_name", "backup.target_exists",
/// "backup.connection", "backup.pg_restore", "integrity.connection".
core::Result<RestoreReport> RestoreBackup(const std::filesystem::path& backup_dir,
                                          const std::string& maintenance_dsn,
                                          const std::string& new_database);

/// `dsn` (a keyword/value string or a postgresql:// URI) pointing at `database` instead,
/// as a keyword/value string with every other setting kept.
std::string DsnWithDatabase(const std::string& dsn, const std::string& database);

}  // namespace esep::platform
