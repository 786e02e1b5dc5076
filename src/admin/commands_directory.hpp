#pragma once
/// @file
/// esep-admin's commands for the directory: the first administrator, institutions, users,
/// grants, and the demo structure.

#include <string>

#include "cli.hpp"

namespace esep::admin {

int RunInstitution(const CommandLine& line);
int RunUser(const CommandLine& line);
int RunGrant(const CommandLine& line);
int RunDemo(const CommandLine& line);

/// For `init`: creates the administrator `admin` when the database has no user yet.
int EnsureFirstAdministrator(const std::string& dsn, const CommandLine& line);

}  // namespace esep::admin
