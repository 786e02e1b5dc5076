#include "commands_ledger.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <sstream>

#include "database_target.hpp"
#include "esep/db/migrator.hpp"
#include "esep/ledger/reference_load.hpp"
#include "esep/ledger/totals.hpp"
#include "esep/platform/actor.hpp"

namespace esep::admin {
namespace {

void Say(core::Lang lang, const std::string& kk, const std::string& ru, const std::string& en) {
  std::cout << core::LocalizedText{kk, ru, en}.In(lang) << "\n";
}

int Fail(const core::Error& error, core::Lang lang) {
  PrintError(error, lang);
  return 1;
}

int LoadFile(const std::string& dsn, ledger::ReferenceKind kind, const std::filesystem::path& file,
             core::Date from, core::Lang lang) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    return Fail(core::MakeError("file.unreadable", "Файл оқылмады: " + file.string(),
                                "Не удалось прочитать файл: " + file.string(),
                                "Cannot read the file: " + file.string(), file.string()),
                lang);
  }
  const std::string name = file.filename().string();
  pqxx::connection connection(dsn);
  pqxx::work tx(connection);
  const auto result = ledger::LoadReferenceEdition(tx, platform::Actor::System("esep-admin"), kind,
                                                   text.str(), name, from);
  if (!result.ok()) {
    for (const core::Error& error : result.errors) PrintError(error, lang);
    const std::string count = std::to_string(result.errors.size());
    return Fail(core::MakeError("reference.rejected",
                                name + " жүктелмеді: " + count + " қате, ештеңе өзгермеді",
                                name + " не загружен: ошибок " + count + ", ничего не изменено",
                                name + " not loaded: " + count + " errors, nothing changed", name),
                lang);
  }
  tx.commit();
  const auto& c = result.counts;
  const std::string numbers = std::to_string(c.added) + " / " + std::to_string(c.closed) + " / " +
                              std::to_string(c.unchanged) + " / " + std::to_string(c.replaced);
  Say(lang,
      name + " жүктелді (" + from.ToIso() +
          " бастап): қосылды / жабылды / өзгеріссіз / түзетілді " + numbers,
      name + " загружен (с " + from.ToIso() +
          "): добавлено / закрыто / без изменений / исправлено " + numbers,
      name + " loaded (from " + from.ToIso() + "): added / closed / unchanged / corrected " +
          numbers);
  return 0;
}

}  // namespace

int RunLedgerLoad(const CommandLine& line) {
  const auto kind =
      line.words.size() == 3 ? ledger::ParseReferenceKind(line.words[1]) : std::nullopt;
  if (!kind) {
    const std::string usage =
        "ledger-load accounts|functional|economic|income|sources|memorial_orders|"
        "memorial_order_rules FILE [--from YYYY-MM-DD]";
    PrintError(core::MakeError("cli.usage", "Қолданылуы: esep-admin " + usage,
                               "Использование: esep-admin " + usage, "Usage: esep-admin " + usage),
               line.lang);
    return 2;
  }
  const std::string from_text = Option(line, "--from").empty()
                                    ? std::string(ledger::kDefaultEditionDate)
                                    : Option(line, "--from");
  auto from = core::Date::Parse(from_text, "--from");
  if (!from) return Fail(from.error(), line.lang);
  DatabaseTarget target(line);
  if (auto status = target.Open(/*create=*/false); !status) return Fail(status.error(), line.lang);
  return LoadFile(target.Dsn(), *kind, line.words[2], *from, line.lang);
}

int LoadShippedLedgerReference(const std::string& dsn, core::Lang lang) {
  const auto dir = db::DefaultSqlDir() / "reference" / "ledger";
  const core::Date from = core::Date::Parse(ledger::kDefaultEditionDate).value();
  for (ledger::ReferenceKind kind : ledger::AllReferenceKinds()) {
    if (int rc = LoadFile(dsn, kind, dir / ledger::ReferenceFileName(kind), from, lang); rc != 0) {
      return rc;
    }
  }
  return 0;
}

platform::CheckResult LedgerTotalsCheck(pqxx::connection& connection) {
  pqxx::work tx(connection);
  platform::ApplyActor(tx, platform::Actor::System("esep-admin check"));
  const auto differences = ledger::CompareTotals(tx, std::nullopt, std::nullopt);
  platform::CheckResult result;
  result.name = "ledger_totals";
  result.ok = differences.empty();
  if (result.ok) {
    result.summary = {"Айлық қорытындылар жазбалармен сәйкес",
                      "Месячные итоги совпадают с проводками", "Monthly totals match the postings"};
    return result;
  }
  const std::string count = std::to_string(differences.size());
  result.summary = {"Айлық қорытындылар жазбалармен сәйкес емес: " + count,
                    "Месячные итоги расходятся с проводками: " + count,
                    "Monthly totals differ from the postings: " + count};
  for (const auto& d : differences) {
    if (!result.details.empty()) result.details += "\n         ";
    result.details += "org " + std::to_string(d.org.value()) + " " + d.period + " account " +
                      d.account + " analytics " + std::to_string(d.analytics) + ": stored " +
                      std::to_string(d.stored_debit) + "/" + std::to_string(d.stored_credit) +
                      ", computed " + std::to_string(d.computed_debit) + "/" +
                      std::to_string(d.computed_credit);
  }
  return result;
}

}  // namespace esep::admin
