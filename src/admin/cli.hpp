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
  /// Command options (`--bin 123`, `--subtree`): each command checks which it accepts.
  std::map<std::string, std::string> options;
};

/// Options a command takes without a value.
inline bool IsFlagOption(const std::string& name) {
  return name == "--force" || name == "--subtree";
}

/// An error naming the first option of `line` that is not in `allowed`.
core::Status CheckOptions(const CommandLine& line, const std::vector<std::string>& allowed);
/// The value of `name`, or empty.
std::string Option(const CommandLine& line, const std::string& name);

/// Parses argv; `--opt value` and `--opt=value` both work. Unknown options are errors.
core::Result<CommandLine> ParseCommandLine(int argc, char** argv);

/// The --help text: every command with what it does.
std::string HelpText();

/// Prints an error in the chosen language with its field and details, to stderr.
void PrintError(const core::Error& error, core::Lang lang);

}  // namespace esep::admin
