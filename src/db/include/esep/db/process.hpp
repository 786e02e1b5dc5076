#pragma once
/// @file
/// Running an external program (initdb, pg_ctl, pg_dump) without a shell, with its output
/// captured to a file so that a failure can be explained to the administrator.

#include <filesystem>
#include <string>
#include <vector>

namespace esep::db {

struct ProcessResult {
  int exit_code = -1;  ///< the program's exit status, or 128+signal, or -1 if it never ran
  std::string output;  ///< stdout and stderr together (last 8 KiB)
};

/// Runs argv[0] (looked up in PATH when it has no slash) with argv, waits for it, and
/// returns its exit code and combined output. Never throws for a failing program.
ProcessResult RunProcess(const std::vector<std::string>& argv);

/// True when this process runs as root (PostgreSQL refuses to, so we switch user).
bool RunningAsRoot();

}  // namespace esep::db
