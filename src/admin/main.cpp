// esep-admin: the administrators' console. See HelpText() and docs/admin-guide.md.
#include <iostream>
#include <map>
#include <string>

#include "cli.hpp"
#include "commands.hpp"

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
      {"init", esep::admin::RunInit},     {"migrate", esep::admin::RunMigrate},
      {"status", esep::admin::RunStatus}, {"start", esep::admin::RunStart},
      {"stop", esep::admin::RunStop},     {"load-calendar", esep::admin::RunLoadCalendar}};
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
  try {
    return command->second(*line);
  } catch (const std::exception& e) {
    std::cerr << "esep-admin: " << e.what() << "\n";
    return 1;
  }
}
