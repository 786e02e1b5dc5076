#pragma once
/// @file
/// esep-admin's platform commands: the TLS certificate, backup, restore and the integrity
/// checks. Each returns the process exit code and prints what it did.

#include "cli.hpp"

namespace esep::admin {

/// `tls self-signed [--force]`: writes DATA_DIR/tls/server.crt and server.key and prints the
/// fingerprint the client's first-use dialog will show.
int RunTls(const CommandLine& line);

/// For `init`: writes the self-signed pair into the data directory unless it is there
/// already (then it only checks that certificate and key belong together); prints the
/// fingerprint either way.
int EnsureSelfSignedTls(const CommandLine& line);

/// `backup OUT_DIR`: pg_dump of the Esep database plus manifest.json.
int RunBackup(const CommandLine& line);

/// `restore BACKUP_DIR NEW_DB_NAME`: verifies the backup, restores it into a new database on
/// the same server, runs the integrity checks; exit 1 if any check fails (the database is
/// kept for the administrator to inspect).
int RunRestore(const CommandLine& line);

/// `check`: runs every integrity check on the Esep database; exit 1 if any fails.
int RunCheck(const CommandLine& line);

}  // namespace esep::admin
