#include "commands_directory.hpp"

#include <openssl/rand.h>

#include <fstream>
#include <iostream>
#include <pqxx/pqxx>
#include <sstream>
#include <string>

#include "database_target.hpp"
#include "esep/core/iin.hpp"
#include "esep/platform/access.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/platform/users.hpp"

namespace esep::admin {
namespace {

constexpr const char* kAdminLogin = "admin";

int Fail(const core::Error& error, core::Lang lang) {
  PrintError(error, lang);
  return 1;
}

int Usage(const std::string& text, core::Lang lang) {
  PrintError(core::MakeError("cli.usage", "Қолданылуы: " + text, "Использование: " + text,
                             "Usage: " + text, ""),
             lang);
  return 2;
}

// 16 characters from an alphabet without look-alikes, with a letter and a digit for sure,
// so the result always passes the password policy.
std::string GeneratePassword() {
  static constexpr char kLetters[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  static constexpr char kDigits[] = "23456789";
  unsigned char bytes[16];
  RAND_bytes(bytes, sizeof bytes);
  std::string password;
  for (int i = 0; i < 16; ++i) {
    const bool digit = i % 4 == 3;
    const std::string_view alphabet =
        digit ? std::string_view(kDigits) : std::string_view(kLetters);
    password.push_back(alphabet[bytes[i] % alphabet.size()]);
  }
  return password;
}

// The password from --password-file style FILE (first line), or a generated one.
core::Result<std::string> PasswordFrom(const std::string& file, bool* generated) {
  *generated = file.empty();
  if (file.empty()) return GeneratePassword();
  std::ifstream in(file);
  std::string password;
  if (!in || !std::getline(in, password) || password.empty()) {
    return core::MakeError("file.unreadable", "Құпиясөз файлы оқылмады: " + file,
                           "Не удалось прочитать файл с паролем: " + file,
                           "Cannot read the password file: " + file, file);
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

void PrintPasswordOnce(const std::string& login, const std::string& password, core::Lang lang) {
  const core::LocalizedText text{"Құпиясөз (бір рет көрсетіледі)", "Пароль (показывается один раз)",
                                 "Password (shown once)"};
  std::cout << "  " << login << ": " << text.In(lang) << ": " << password << "\n";
}

// Opens the target database and a transaction acting as the system (esep-admin).
struct AdminTx {
  explicit AdminTx(const std::string& dsn) : connection(dsn), tx(connection) {
    platform::ApplyActor(tx, platform::Actor::System("esep-admin"));
  }
  pqxx::connection connection;
  pqxx::work tx;
};

core::Result<platform::User> CreateUserWithPassword(pqxx::dbtransaction& tx,
                                                    const std::string& login,
                                                    const std::string& full_name,
                                                    const std::string& iin,
                                                    const std::string& password, bool must_change) {
  platform::NewUser user;
  user.login = login;
  user.full_name = full_name;
  if (!iin.empty()) user.iin = iin;
  user.password = password;
  user.must_change_password = must_change;
  return platform::CreateUser(tx, platform::Actor::System("esep-admin"), user,
                              platform::PasswordPolicy{});
}

}  // namespace

int EnsureFirstAdministrator(const std::string& dsn, const CommandLine& line) {
  AdminTx db(dsn);
  if (db.tx.exec1("SELECT count(*) FROM users")[0].as<int>() > 0) return 0;
  bool generated = false;
  auto password = PasswordFrom(Option(line, "--admin-password-file"), &generated);
  if (!password) return Fail(password.error(), line.lang);
  auto admin = CreateUserWithPassword(db.tx, kAdminLogin, "Жүйе әкімшісі — Системный администратор",
                                      "", *password, generated);
  if (!admin) return Fail(admin.error(), line.lang);
  db.tx.commit();
  std::cout << core::LocalizedText{"Бірінші әкімші жасалды: admin",
                                   "Создан первый администратор: admin",
                                   "The first administrator was created: admin"}
                   .In(line.lang)
            << "\n";
  if (generated) PrintPasswordOnce(kAdminLogin, *password, line.lang);
  return 0;
}

int RunInstitution(const CommandLine& line) {
  const std::string sub = line.words.size() > 1 ? line.words[1] : "";
  DatabaseTarget target(line);
  if (sub == "list") {
    if (auto status = target.Open(false); !status) return Fail(status.error(), line.lang);
    AdminTx db(target.Dsn());
    platform::InstitutionFilter filter;
    filter.limit = 1000;
    for (const auto& institution : platform::ListInstitutions(db.tx, filter)) {
      std::cout << institution.id.value() << "\t" << institution.bin << "\t"
                << platform::InstitutionKindCode(institution.kind) << "\t"
                << (line.lang == core::Lang::kKk ? institution.name_kk : institution.name_ru)
                << "\n";
    }
    return 0;
  }
  if (sub != "add") return Usage("institution add ... | institution list", line.lang);
  if (auto ok = CheckOptions(
          line, {"--bin", "--name-kk", "--name-ru", "--kind", "--level", "--parent", "--abp"});
      !ok) {
    return Fail(ok.error(), line.lang);
  }
  platform::InstitutionInput input;
  input.bin = Option(line, "--bin");
  input.name_kk = Option(line, "--name-kk");
  input.name_ru = Option(line, "--name-ru");
  auto kind = platform::ParseInstitutionKind(Option(line, "--kind"));
  if (!kind) return Usage("--kind gu|kgu|gkkp", line.lang);
  input.kind = *kind;
  const std::string level = Option(line, "--level");
  if (level.size() != 1 || level[0] < '1' || level[0] > '4')
    return Usage("--level 1|2|3|4", line.lang);
  input.budget_level = level[0] - '0';
  if (const std::string parent = Option(line, "--parent"); !parent.empty()) {
    input.parent = core::OrgId(std::atoll(parent.c_str()));
  }
  if (const std::string abp = Option(line, "--abp"); !abp.empty()) input.abp_code = abp;
  if (auto status = target.Open(false); !status) return Fail(status.error(), line.lang);
  AdminTx db(target.Dsn());
  auto created = platform::CreateInstitution(db.tx, platform::Actor::System("esep-admin"), input);
  if (!created) return Fail(created.error(), line.lang);
  db.tx.commit();
  std::cout << created->id.value() << "\n";
  return 0;
}

int RunUser(const CommandLine& line) {
  const std::string sub = line.words.size() > 1 ? line.words[1] : "";
  if ((sub != "add" && sub != "reset-password") || line.words.size() != 3) {
    return Usage(
        "user add LOGIN --full-name NAME [--iin IIN] [--password-file FILE] | user reset-password "
        "LOGIN",
        line.lang);
  }
  if (auto ok = CheckOptions(line, {"--full-name", "--iin", "--password-file"}); !ok) {
    return Fail(ok.error(), line.lang);
  }
  bool generated = false;
  auto password = PasswordFrom(Option(line, "--password-file"), &generated);
  if (!password) return Fail(password.error(), line.lang);
  DatabaseTarget target(line);
  if (auto status = target.Open(false); !status) return Fail(status.error(), line.lang);
  AdminTx db(target.Dsn());
  const std::string& login = line.words[2];
  if (sub == "add") {
    auto user = CreateUserWithPassword(db.tx, login, Option(line, "--full-name"),
                                       Option(line, "--iin"), *password, true);
    if (!user) return Fail(user.error(), line.lang);
    std::cout << user->id.value() << "\n";
  } else {
    auto user = platform::FindUserByLogin(db.tx, login);
    if (!user) return Fail(user.error(), line.lang);
    auto reset = platform::ResetPassword(db.tx, platform::Actor::System("esep-admin"), user->id,
                                         *password, platform::PasswordPolicy{});
    if (!reset) return Fail(reset.error(), line.lang);
  }
  db.tx.commit();
  if (generated) PrintPasswordOnce(login, *password, line.lang);
  return 0;
}

int RunGrant(const CommandLine& line) {
  if (line.words.size() < 4) return Usage("grant LOGIN ROLE ORG_ID [--subtree]", line.lang);
  if (auto ok = CheckOptions(line, {"--subtree"}); !ok) return Fail(ok.error(), line.lang);
  DatabaseTarget target(line);
  if (auto status = target.Open(false); !status) return Fail(status.error(), line.lang);
  AdminTx db(target.Dsn());
  auto user = platform::FindUserByLogin(db.tx, line.words[1]);
  if (!user) return Fail(user.error(), line.lang);
  auto grant = platform::GrantRole(db.tx, platform::Actor::System("esep-admin"), user->id,
                                   line.words[2], core::OrgId(std::atoll(line.words[3].c_str())),
                                   !Option(line, "--subtree").empty());
  if (!grant) return Fail(grant.error(), line.lang);
  db.tx.commit();
  std::cout << grant->id << "\n";
  return 0;
}

int RunDemo(const CommandLine& line) {
  if (auto ok = CheckOptions(line, {"--password-file"}); !ok) return Fail(ok.error(), line.lang);
  DatabaseTarget target(line);
  if (auto status = target.Open(false); !status) return Fail(status.error(), line.lang);
  AdminTx db(target.Dsn());
  const std::string department_bin = "260140000015";
  if (!db.tx.exec_params("SELECT 1 FROM institutions WHERE bin = $1", department_bin).empty()) {
    std::cout << core::LocalizedText{"Демо құрылым бұрыннан бар.", "Демо-структура уже есть.",
                                     "The demo structure is already there."}
                     .In(line.lang)
              << "\n";
    return 0;
  }
  bool generated = false;
  auto password = PasswordFrom(Option(line, "--password-file"), &generated);
  if (!password) return Fail(password.error(), line.lang);
  const auto system = platform::Actor::System("esep-admin demo");
  // Synthetic BINs (valid check digits, registered 2026-01): never a real organisation's.
  struct Unit {
    std::string bin, kk, ru;
  };
  const Unit department{department_bin, "Аудандық білім бөлімі", "Районный отдел образования"};
  const Unit schools[] = {
      {"260140000124", "№ 1 мектеп-гимназия", "Школа-гимназия № 1"},
      {"260140000233", "№ 2 жалпы білім беретін мектеп", "Общеобразовательная школа № 2"}};
  platform::InstitutionInput input{department.bin,
                                   department.kk,
                                   department.ru,
                                   platform::InstitutionKind::kGu,
                                   3,
                                   std::nullopt,
                                   std::nullopt,
                                   std::string("464"),
                                   true};
  auto root = platform::CreateInstitution(db.tx, system, input);
  if (!root) return Fail(root.error(), line.lang);
  std::vector<core::OrgId> school_ids;
  for (const auto& school : schools) {
    platform::InstitutionInput child{
        school.bin, school.kk,    school.ru, platform::InstitutionKind::kKgu, 3, root->id,
        root->id,   std::nullopt, true};
    auto created = platform::CreateInstitution(db.tx, system, child);
    if (!created) return Fail(created.error(), line.lang);
    school_ids.push_back(created->id);
  }
  // One user of every role; the department's staff work on the whole subtree.
  struct Person {
    const char* role;
    const char* name;
    bool department_wide;
  };
  const Person people[] = {{"administrator", "Әлия Серікқызы Омарова", true},
                           {"chief_accountant", "Гүлнар Бекқызы Ахметова", true},
                           {"accountant", "Айгерім Нұрланқызы Жұмабаева", false},
                           {"payroll_accountant", "Сәуле Маратқызы Исаева", false},
                           {"hr_officer", "Динара Асқарқызы Төлеуова", false},
                           {"budget_planner", "Ерлан Болатұлы Сәрсенов", true},
                           {"abp_approver", "Нұржан Қайратұлы Бектұров", true},
                           {"auditor", "Марат Ержанұлы Кенжебаев", true},
                           {"employee", "Асель Дәуренқызы Мұхамеджанова", false}};
  for (const auto& person : people) {
    auto user = CreateUserWithPassword(db.tx, person.role, person.name, "", *password, false);
    if (!user) return Fail(user.error(), line.lang);
    const core::OrgId org = person.department_wide ? root->id : school_ids[0];
    auto grant =
        platform::GrantRole(db.tx, system, user->id, person.role, org, person.department_wide);
    if (!grant) return Fail(grant.error(), line.lang);
  }
  db.tx.commit();
  std::cout << core::LocalizedText{"Демо құрылым: білім бөлімі және екі мектеп; пайдаланушылар (логин = рөл):",
                                   "Демо-структура: отдел образования и две школы; пользователи (логин = роль):",
                                   "Demo structure: an education department and two schools; users (login = role):"}
                   .In(line.lang)
            << "\n";
  for (const auto& person : people) std::cout << "  " << person.role << "  " << person.name << "\n";
  if (generated) PrintPasswordOnce("*", *password, line.lang);
  return 0;
}

}  // namespace esep::admin
