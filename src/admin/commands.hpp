#pragma once
/// @file
/// esep-admin's commands. Each returns the process exit code and prints what it did.

#include "cli.hpp"

namespace esep::admin {

int RunInit(const CommandLine& line);
int RunMigrate(const CommandLine& line);
int RunStatus(const CommandLine& line);
int RunStart(const CommandLine& line);
int RunStop(const CommandLine& line);
int RunLoadCalendar(const CommandLine& line);

}  // namespace esep::admin
