// esep-admin: the administrators' console. See HelpText() and docs/admin-guide.md.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli.hpp"
#include "commands.hpp"
#include "commands_directory.hpp"
#include "commands_ledger.hpp"
#include "commands_platform.hpp"

int main(int argc, char** argv) {
  using esep::admin::CommandLine;
  auto line = esep::admin::ParseCommandLine(argc, argv);
  if (!line) {
    esep::admin::PrintError(line.error(), esep::core::Lang::kRu);
    std::cerr << esep::admin::HelpText();
    return 2;
  }
  if (line->help || line->words.empty() || line->words[0] == "help") {
    std::cout << esep::admin::HelpText();
    return line->words.empty() && !line->help ? 2 : 0;
  }
  const std::map<std::string, int (*)(const CommandLine&)> commands = {
      {"init", esep::admin::RunInit},
      {"migrate", esep::admin::RunMigrate},
      {"status", esep::admin::RunStatus},
      {"start", esep::admin::RunStart},
      {"stop", esep::admin::RunStop},
      {"load-calendar", esep::admin::RunLoadCalendar},
      {"ledger-load", esep::admin::RunLedgerLoad},
      {"tls", esep::admin::RunTls},
      {"backup", esep::admin::RunBackup},
      {"restore", esep::admin::RunRestore},
      {"check", esep::admin::RunCheck},
      {"institution", esep::admin::RunInstitution},
      {"user", esep::admin::RunUser},
      {"grant", esep::admin::RunGrant},
      {"demo", esep::admin::RunDemo}};
  auto command = commands.find(line->words[0]);
  if (command == commands.end()) {
    const std::string& word = line->words[0];
    esep::admin::PrintError(
        esep::core::MakeError("cli.unknown_command", "Белгісіз команда: " + word,
                              "Неизвестная команда: " + word, "Unknown command: " + word, word),
        line->lang);
    std::cerr << esep::admin::HelpText();
    return 2;
  }
  // Which command options each command accepts; anything else is a mistake to report.
  const std::map<std::string, std::vector<std::string>> options = {
      {"init", {"--admin-password-file"}},
      {"tls", {"--force"}},
      {"ledger-load", {"--from"}},
      {"institution",
       {"--bin", "--name-kk", "--name-ru", "--kind", "--level", "--parent", "--abp"}},
      {"user", {"--full-name", "--iin", "--password-file"}},
      {"grant", {"--subtree"}},
      {"demo", {"--password-file"}}};
  const auto allowed = options.find(command->first);
  if (auto ok = esep::admin::CheckOptions(
          *line, allowed == options.end() ? std::vector<std::string>{} : allowed->second);
      !ok) {
    esep::admin::PrintError(ok.error(), line->lang);
    return 2;
  }
  try {
    return command->second(*line);
  } catch (const std::exception& e) {
    std::cerr << "esep-admin: " << e.what() << "\n";
    return 1;
  }
}
