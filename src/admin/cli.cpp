#include "cli.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

namespace esep::admin {
namespace {

core::Lang LangFromEnvironment() {
  for (const char* name : {"ESEP_LANG", "LC_ALL", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || std::string_view(value).size() < 2) continue;
    if (auto lang = core::ParseLang(std::string_view(value).substr(0, 2))) return *lang;
  }
  return core::Lang::kRu;
}

}  // namespace

core::Result<CommandLine> ParseCommandLine(int argc, char** argv) {
  CommandLine line;
  line.lang = LangFromEnvironment();
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      line.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) {
      line.words.push_back(arg);
      continue;
    }
    if (IsFlagOption(arg)) {
      line.options[arg] = "true";
      line.words.push_back(arg);  // commands written before options existed look here
      continue;
    }
    std::string name = arg;
    std::string value;
    bool has_value = false;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    auto take_value = [&]() -> bool {
      if (has_value) return true;
      if (i + 1 >= argc) return false;
      value = argv[++i];
      return true;
    };
    if (!take_value()) {
      return core::MakeError("cli.missing_value", name + " параметрінің мәні жоқ",
                             "Не указано значение параметра " + name,
                             "Option " + name + " needs a value", name);
    }
    if (name != "--data-dir" && name != "--dsn" && name != "--lang") {
      line.options[name] = value;
      continue;
    }
    if (name == "--data-dir") line.data_dir = value;
    if (name == "--dsn") line.dsn = value;
    if (name == "--lang") {
      auto lang = core::ParseLang(value);
      if (!lang) {
        return core::MakeError("cli.bad_lang", "Тіл kk, ru немесе en болуы керек",
                               "Язык должен быть kk, ru или en", "Language must be kk, ru or en",
                               "--lang");
      }
      line.lang = *lang;
    }
  }
  if (!line.data_dir.empty() && !line.dsn.empty()) {
    return core::MakeError("cli.conflict", "--data-dir және --dsn бірге көрсетілмейді",
                           "Нельзя указывать одновременно --data-dir и --dsn",
                           "--data-dir and --dsn cannot be used together", "--dsn");
  }
  return line;
}

core::Status CheckOptions(const CommandLine& line, const std::vector<std::string>& allowed) {
  for (const auto& [name, value] : line.options) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return core::MakeError("cli.unknown_option", "Белгісіз параметр: " + name,
                             "Неизвестный параметр: " + name, "Unknown option: " + name, name);
    }
  }
  return core::Status::Ok();
}

std::string Option(const CommandLine& line, const std::string& name) {
  auto it = line.options.find(name);
  return it == line.options.end() ? std::string() : it->second;
}

std::string HelpText() {
  return R"(esep-admin — Esep server console / консоль администратора Esep

Usage: esep-admin [--data-dir DIR | --dsn DSN] [--lang kk|ru|en] COMMAND [ARGS]

Where the database is:
  --data-dir DIR   embedded PostgreSQL cluster in DIR (created by `init`); default: var/esep
  --dsn DSN        an external PostgreSQL server (libpq connection string)
  --lang L         language of messages (default from ESEP_LANG / LANG, else ru)

Commands:
  init [--admin-password-file FILE]
                   create the database (the embedded cluster in --data-dir, or the database
                   named by --dsn), apply every migration, load the shipped reference data
                   (sql/reference/), write a self-signed TLS pair if none exists, and create
                   the first administrator `admin` (password from FILE, or generated and
                   printed once); safe to run again
  institution add --bin BIN --name-kk NAME --name-ru NAME --kind gu|kgu|gkkp --level 1-4
                  [--parent ID] [--abp CODE]
                   register an institution (audited); prints its id
  institution list list the institutions
  user add LOGIN --full-name NAME [--iin IIN] [--password-file FILE]
                   create a user (password generated and printed once when no FILE)
  user reset-password LOGIN [--password-file FILE]
                   set a new password; the user must change it at next sign-in
  grant LOGIN ROLE ORG_ID [--subtree]
                   give a role in an institution (and everything below it with --subtree);
                   roles: administrator, chief_accountant, accountant, payroll_accountant,
                   hr_officer, budget_planner, abp_approver, auditor, employee
  demo [--password-file FILE]
                   add the demo structure: a district education department (АБП 464) with
                   two schools and one user of every role (login = role name)
  migrate          apply pending migrations (each in its own transaction)
  status           cluster state, applied and pending migrations; exit 1 if any is pending
  start            start the embedded cluster of --data-dir (stays running)
  stop             stop the embedded cluster of --data-dir
  tls self-signed [--force]
                   write a self-signed certificate and key to DATA_DIR/tls/ and print their
                   SHA-256 fingerprint (init does this when none exists)
  backup OUT_DIR   pg_dump (custom format) plus manifest.json (sha256 of every file, schema
                   version, time); OUT_DIR must be empty or new
  restore BACKUP_DIR NEW_DB
                   verify the manifest, restore into a new database (never overwrites), run
                   the integrity checks
  check            integrity checks (audit chain, migrations, the ledger's monthly totals
                   recomputed from the postings); exit 1 if any fails
  load-calendar FILE
                   validate a production calendar file (date,day_type,hours — see
                   sql/reference/README.md) and replace its years in the database
  ledger-load KIND FILE [--from YYYY-MM-DD]
                   load a reference file of the ledger as the edition in force from the date
                   (default 2026-01-01); KIND: accounts, functional, economic, income,
                   sources, memorial_orders, memorial_order_rules (format and sources:
                   sql/reference/README.md). Every wrong row is reported as FILE:LINE COLUMN
                   and nothing changes; rows the file changes or drops end the day before,
                   so earlier periods keep the edition they were kept with
  help             this text

Exit codes: 0 success, 1 the command failed (the reason is printed), 2 bad command line.
)";
}

void PrintError(const core::Error& error, core::Lang lang) {
  std::cerr << "esep-admin: " << error.message.In(lang);
  if (!error.field.empty()) std::cerr << " [" << error.field << "]";
  std::cerr << " (" << error.code << ")\n";
  if (!error.details.empty()) std::cerr << error.details << "\n";
}

}  // namespace esep::admin
