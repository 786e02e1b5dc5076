#pragma once
/// @file
/// Locating PostgreSQL's server programs (initdb, pg_ctl, pg_dump): Debian keeps them in
/// /usr/lib/postgresql/<major>/bin, which is not on PATH.

#include <filesystem>

#include "esep/core/result.hpp"

namespace esep::db {

/// The directory holding initdb and pg_ctl: $ESEP_PG_BINDIR if set, else the newest
/// /usr/lib/postgresql/<major>/bin (major >= 15), else the directory of pg_ctl on PATH.
core::Result<std::filesystem::path> FindPgBinDir();

}  // namespace esep::db
