#pragma once
/// @file
/// Numbered SQL migrations (`sql/NNNN_name.sql`): applied in order, each in its own
/// transaction, recorded with a SHA-256 checksum; an applied file that changed is refused.

#include <filesystem>
#include <string>
#include <vector>

#include <pqxx/connection>

#include "esep/core/result.hpp"

namespace esep::db {

struct Migration {
  int version = 0;
  std::string name;  ///< "0001_production_calendar.sql"
  std::string sql;
  std::string checksum;  ///< sha256 of the file's bytes
};

struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string checksum;
  std::string applied_at;  ///< ISO timestamp, UTC
};

struct MigrationState {
  std::vector<AppliedMigration> applied;
  std::vector<Migration> pending;
};

/// Reads every `NNNN_name.sql` in `dir` (other files are ignored), sorted by number.
/// Two files with one number, or a bad name that starts with digits, is an error.
core::Result<std::vector<Migration>> LoadMigrations(const std::filesystem::path& dir);

/// The migrations of this build: $ESEP_SQL_DIR, else <exe>/../share/esep/sql when
/// installed, else the source tree's sql/.
std::filesystem::path DefaultSqlDir();

class Migrator {
 public:
  explicit Migrator(std::vector<Migration> migrations);

  /// What is applied and what is pending. Errors when an applied migration's file changed
  /// (`migration.checksum_mismatch`) or is missing (`migration.unknown_applied`: the database
  /// is newer than this build).
  core::Result<MigrationState> Inspect(pqxx::connection& connection) const;

  /// Applies every pending migration in order, each in its own transaction, under an
  /// advisory lock so that two processes never migrate at once. Returns what it applied.
  core::Result<std::vector<Migration>> Apply(pqxx::connection& connection) const;

  const std::vector<Migration>& migrations() const { return migrations_; }

 private:
  std::vector<Migration> migrations_;
};

}  // namespace esep::db
