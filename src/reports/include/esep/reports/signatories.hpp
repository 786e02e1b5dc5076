#pragma once
/// @file
/// Who signs an institution's printed forms (table institution_signatories, migration 0010):
/// reading, replacing (audited), and the signatories a report prints — the "executor" being
/// the user who ran it unless the institution named one.

#include <map>
#include <string>
#include <vector>

#include <pqxx/transaction>

#include "esep/core/result.hpp"
#include "esep/core/strong_id.hpp"
#include "esep/core/text.hpp"
#include "esep/forms/renderer.hpp"
#include "esep/platform/actor.hpp"

namespace esep::reports {

struct InstitutionSignatory {
  std::string role;              ///< a key of forms::SignatureRoles(): "head", "executor", ...
  core::LocalizedText position;  ///< kk and ru, or both empty (the role's own position)
  std::string person_name;

  bool operator==(const InstitutionSignatory&) const = default;
};

/// The institution's signatories in the order of forms::SignatureRoles(); empty when it has
/// none or row-level security hides it.
std::vector<InstitutionSignatory> ListSignatories(pqxx::dbtransaction& tx, core::OrgId org);

/// Replaces all signatories of `org` with `signatories` (trimmed). Errors, field in
/// parentheses: "institution.not_found" (id), "signatory.role" (signatories[i].role: not a
/// signature role), "signatory.duplicate" (signatories[i].role), "signatory.person_name"
/// (signatories[i].person_name: empty or over 200 characters), "signatory.position"
/// (signatories[i].position_kk/_ru: one language without the other, over 200 characters).
/// A change is audited "institution.signatories" with the lists before and after; the same
/// list again writes nothing. Returns the stored list.
core::Result<std::vector<InstitutionSignatory>> SetSignatories(
    pqxx::dbtransaction& tx, const platform::Actor& actor, core::OrgId org,
    std::vector<InstitutionSignatory> signatories);

/// What a report of `org` prints in its signature block: the institution's signatories, and
/// for "executor", unless the institution set one, `executor_name` (the user running the
/// report) with the role's own position (Орындаушы / Исполнитель).
std::map<std::string, forms::Signatory, std::less<>> ReportSignatories(
    pqxx::dbtransaction& tx, core::OrgId org, const std::string& executor_name);

}  // namespace esep::reports
