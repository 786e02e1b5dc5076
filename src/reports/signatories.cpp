#include "esep/reports/signatories.hpp"

#include <algorithm>
#include <cstddef>
#include <set>
#include <string_view>

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "esep/core/text.hpp"
#include "esep/forms/form_template.hpp"
#include "esep/platform/audit.hpp"
#include "esep/platform/institutions.hpp"

namespace esep::reports {
namespace {

constexpr std::size_t kMaxLength = 200;

std::string Trim(std::string_view text) { return std::string(core::TrimSpaces(text)); }

// Characters, as PostgreSQL's length() counts them: UTF-8 bytes that start a character.
std::size_t Characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::size_t RoleOrder(std::string_view role) {
  const auto roles = forms::SignatureRoles();
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (roles[i].key == role) return i;
  }
  return roles.size();
}

core::Error At(std::size_t index, std::string member, std::string code, std::string kk,
               std::string ru, std::string en) {
  return core::MakeError(std::move(code), std::move(kk), std::move(ru), std::move(en),
                         "signatories[" + std::to_string(index) + "]." + member);
}

core::Status Check(std::vector<InstitutionSignatory>& signatories) {
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < signatories.size(); ++i) {
    InstitutionSignatory& s = signatories[i];
    s.role = Trim(s.role);
    s.person_name = Trim(s.person_name);
    s.position.kk = Trim(s.position.kk);
    s.position.ru = Trim(s.position.ru);
    s.position.en.clear();
    if (forms::FindSignatureRole(s.role) == nullptr) {
      std::string known;
      for (const auto& role : forms::SignatureRoles()) {
        known += (known.empty() ? "" : ", ") + std::string(role.key);
      }
      return At(i, "role", "signatory.role",
                "«" + s.role + "» — қол қою рөлі емес; рұқсат етілгендері: " + known,
                "«" + s.role + "» — не роль подписи; допустимы: " + known,
                "'" + s.role + "' is not a signature role; known: " + known);
    }
    if (!seen.insert(s.role).second) {
      return At(i, "role", "signatory.duplicate", "«" + s.role + "» рөлі екі рет берілген",
                "Роль «" + s.role + "» указана дважды", "Role '" + s.role + "' is given twice");
    }
    if (s.person_name.empty() || Characters(s.person_name) > kMaxLength) {
      return At(i, "person_name", "signatory.person_name",
                "Қол қоюшының аты-жөнін толтырыңыз (200 таңбаға дейін)",
                "Укажите фамилию и инициалы подписывающего (до 200 знаков)",
                "Fill in the signatory's name (up to 200 characters)");
    }
    if (s.position.kk.empty() != s.position.ru.empty()) {
      const std::string member = s.position.kk.empty() ? "position_kk" : "position_ru";
      return At(i, member, "signatory.position",
                "Лауазымды екі тілде де жазыңыз немесе екеуін де бос қалдырыңыз",
                "Укажите должность на обоих языках или оставьте оба поля пустыми",
                "Give the position in both languages or leave both empty");
    }
    if (Characters(s.position.kk) > kMaxLength || Characters(s.position.ru) > kMaxLength) {
      const std::string member =
          Characters(s.position.kk) > kMaxLength ? "position_kk" : "position_ru";
      return At(i, member, "signatory.position", "Лауазым 200 таңбадан аспауы керек",
                "Должность — не длиннее 200 знаков", "The position is at most 200 characters");
    }
  }
  std::stable_sort(signatories.begin(), signatories.end(),
                   [](const InstitutionSignatory& a, const InstitutionSignatory& b) {
                     return RoleOrder(a.role) < RoleOrder(b.role);
                   });
  return core::Status::Ok();
}

std::string ToJson(const std::vector<InstitutionSignatory>& signatories) {
  boost::json::array items;
  for (const auto& s : signatories) {
    items.push_back(boost::json::object{{"role", s.role},
                                        {"position_kk", s.position.kk},
                                        {"position_ru", s.position.ru},
                                        {"person_name", s.person_name}});
  }
  return boost::json::serialize(items);
}

}  // namespace

std::vector<InstitutionSignatory> ListSignatories(pqxx::dbtransaction& tx, core::OrgId org) {
  std::vector<InstitutionSignatory> signatories;
  for (const auto& row : tx.exec_params(
           "SELECT role, position_kk, position_ru, person_name FROM institution_signatories "
           "WHERE org_id = $1",
           org.value())) {
    InstitutionSignatory s;
    s.role = row[0].as<std::string>();
    s.position.kk = row[1].as<std::string>();
    s.position.ru = row[2].as<std::string>();
    s.person_name = row[3].as<std::string>();
    signatories.push_back(std::move(s));
  }
  std::sort(signatories.begin(), signatories.end(),
            [](const InstitutionSignatory& a, const InstitutionSignatory& b) {
              return RoleOrder(a.role) < RoleOrder(b.role);
            });
  return signatories;
}

core::Result<std::vector<InstitutionSignatory>> SetSignatories(
    pqxx::dbtransaction& tx, const platform::Actor& actor, core::OrgId org,
    std::vector<InstitutionSignatory> signatories) {
  if (auto checked = Check(signatories); !checked) return checked.error();
  // The institution's row is locked so that two concurrent replacements queue up and the
  // audit's "before" is what the second one replaced.
  if (tx.exec_params("SELECT 1 FROM institutions WHERE id = $1 FOR UPDATE", org.value()).empty()) {
    return platform::GetInstitution(tx, org).error();
  }
  const std::vector<InstitutionSignatory> before = ListSignatories(tx, org);
  if (before == signatories) return signatories;
  tx.exec_params("DELETE FROM institution_signatories WHERE org_id = $1", org.value());
  for (const auto& s : signatories) {
    tx.exec_params(
        "INSERT INTO institution_signatories (org_id, role, position_kk, position_ru, "
        "person_name) VALUES ($1, $2, $3, $4, $5)",
        org.value(), s.role, s.position.kk, s.position.ru, s.person_name);
  }
  platform::AuditEntry entry;
  entry.kind = platform::AuditKind::kMutation;
  entry.action = "institution.signatories";
  entry.org = org;
  entry.entity = "institution";
  entry.entity_id = std::to_string(org.value());
  entry.before_json = ToJson(before);
  entry.after_json = ToJson(signatories);
  platform::AppendAudit(tx, actor, entry);
  return signatories;
}

std::map<std::string, forms::Signatory, std::less<>> ReportSignatories(
    pqxx::dbtransaction& tx, core::OrgId org, const std::string& executor_name) {
  std::map<std::string, forms::Signatory, std::less<>> result;
  for (auto& s : ListSignatories(tx, org)) {
    result.emplace(s.role, forms::Signatory{std::move(s.position), std::move(s.person_name)});
  }
  if (!result.contains("executor") && !executor_name.empty()) {
    result.emplace("executor", forms::Signatory{{}, executor_name});
  }
  return result;
}

}  // namespace esep::reports
