#pragma once
/// @file
/// Command-line parsing for esep-admin: global options, the command and its arguments.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/text.hpp"

namespace esep::admin {

struct CommandLine {
  std::filesystem::path data_dir;  ///< --data-dir: embedded cluster home
  std::string dsn;                 ///< --dsn: an external PostgreSQL instead
  core::Lang lang = core::Lang::kRu;
  bool help = false;
  std::vector<std::string> words;  ///< the command and its positional arguments
};

/// Parses argv; `--opt value` and `--opt=value` both work. Unknown options are errors.
core::Result<CommandLine> ParseCommandLine(int argc, char** argv);

/// The --help text: every command with what it does.
std::string HelpText();

/// Prints an error in the chosen language with its field and details, to stderr.
void PrintError(const core::Error& error, core::Lang lang);

}  // namespace esep::admin
