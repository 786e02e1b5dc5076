#pragma once
/// @file
/// Institutions (ГУ, КГУ, ГККП): registration, changes under an optimistic lock, the switch
/// of scenario, the hierarchy under administrators of budget programs (АБП) and centralized
/// accounting offices. Storage and service in one place; every change is audited in the
/// caller's transaction.

#include <optional>
#include <pqxx/transaction>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/core/text.hpp"
#include "esep/platform/actor.hpp"

namespace esep::platform {

/// The scenario an institution is kept in. It may change during the institution's life
/// (a КГУ reorganised into a ГККП and back) and nothing else keys on it.
enum class InstitutionKind { kGu, kKgu, kGkkp };

struct InstitutionKindInfo {
  InstitutionKind kind;
  std::string_view code;           ///< "gu", "kgu", "gkkp": the value stored in SQL
  core::LocalizedText short_name;  ///< ММ / ГУ / SI
  core::LocalizedText name;  ///< Мемлекеттік мекеме / Государственное учреждение / ...
};

std::span<const InstitutionKindInfo> AllInstitutionKinds();
const InstitutionKindInfo& KindInfo(InstitutionKind kind);
std::string_view InstitutionKindCode(InstitutionKind kind);
/// "gu" / "kgu" / "gkkp" (exactly); nullopt otherwise.
std::optional<InstitutionKind> ParseInstitutionKind(std::string_view code);

struct Institution {
  core::OrgId id;
  std::string bin;  ///< 12 digits, valid check digit
  std::string name_kk, name_ru;
  InstitutionKind kind = InstitutionKind::kGu;
  int budget_level = 0;  ///< 1 republican, 2 regional, 3 district, 4 local self-government
  std::optional<core::OrgId> parent;             ///< the superior body, e.g. the АБП of a school
  std::optional<core::OrgId> accounting_office;  ///< who keeps this institution's books
  std::optional<std::string> abp_code;           ///< three digits, when it administers programs
  bool active = true;
  int version = 0;  ///< 1 on creation, +1 on every change; the optimistic lock

  bool operator==(const Institution&) const = default;
};

/// What a user sets. Names are stored without surrounding spaces; the BIN as its 12 digits.
struct InstitutionInput {
  std::string bin;
  std::string name_kk, name_ru;
  InstitutionKind kind = InstitutionKind::kGu;
  int budget_level = 0;
  std::optional<core::OrgId> parent;
  std::optional<core::OrgId> accounting_office;
  std::optional<std::string> abp_code;
  bool active = true;
};

/// Registers an institution. Errors (field in parentheses): Bin::Parse's "bin.*" (bin),
/// "institution.bin_taken" (bin), "institution.name_required" (name_kk, name_ru),
/// "institution.budget_level" (budget_level), "institution.abp_code" (abp_code),
/// "institution.parent_not_found" (parent), "institution.accounting_office_not_found",
/// "institution.accounting_office_inactive" (accounting_office). Audited
/// "institution.create". Under row-level security a non-system actor may register only
/// below a visible parent; the transaction then sees the new institution too. After any
/// error the caller rolls the transaction back (a BIN taken by an institution the actor
/// cannot see is only found by the unique index, which aborts the transaction).
core::Result<Institution> CreateInstitution(pqxx::dbtransaction& tx, const Actor& actor,
                                            const InstitutionInput& input);

/// Changes everything but the kind (that is ChangeInstitutionKind). Besides Create's errors:
/// "institution.not_found" (id), "institution.version_conflict" (version; the message and
/// `details` name the current version), "institution.parent_cycle" (parent: the new parent
/// is the institution itself or below it), "institution.accounting_office_self"
/// (accounting_office), "institution.kind_change_separate" (kind). Audited
/// "institution.update" with the row before and after.
core::Result<Institution> UpdateInstitution(pqxx::dbtransaction& tx, const Actor& actor,
                                            core::OrgId id, int expected_version,
                                            const InstitutionInput& input);

/// Switches the scenario (ГУ ⇄ КГУ ⇄ ГККП). Only `kind` and the version change; the
/// institution's rows elsewhere are untouched because nothing keys on the kind. The same
/// kind again changes nothing and writes no audit row. Errors: "institution.not_found",
/// "institution.version_conflict". Audited "institution.change_kind".
core::Result<Institution> ChangeInstitutionKind(pqxx::dbtransaction& tx, const Actor& actor,
                                                core::OrgId id, int expected_version,
                                                InstitutionKind kind);

/// "institution.not_found" also when row-level security hides it.
core::Result<Institution> GetInstitution(pqxx::dbtransaction& tx, core::OrgId id);

struct InstitutionFilter {
  std::string text;  ///< a piece of either name or of the BIN, case-insensitive; empty = any
  std::optional<core::OrgId> parent;
  std::optional<InstitutionKind> kind;
  std::optional<core::OrgId> accounting_office;  ///< the institutions one office serves
  std::optional<bool> active;
  int limit = 100;  ///< clamped to 1..1000
  int offset = 0;
};
/// Ordered by the Russian name, then id.
std::vector<Institution> ListInstitutions(pqxx::dbtransaction& tx, const InstitutionFilter& filter);

/// `root` and every institution below it, in id order; empty when `root` does not exist
/// (or is hidden by row-level security).
std::vector<core::OrgId> Subtree(pqxx::dbtransaction& tx, core::OrgId root);

}  // namespace esep::platform
