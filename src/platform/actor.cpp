#include "esep/platform/actor.hpp"

#include <pqxx/pqxx>
#include <string>

namespace esep::platform {

std::string OrgIdsLiteral(const std::vector<core::OrgId>& ids) {
  std::string literal = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) literal += ',';
    literal += std::to_string(ids[i].value());
  }
  return literal + "}";
}

void ApplyActor(pqxx::work& tx, const Actor& actor) {
  // set_config(..., true) is SET LOCAL: it ends with the transaction, so a pooled
  // connection never carries one request's identity into the next.
  tx.exec_params(
      "SELECT set_config('esep.user_id', $1, true), set_config('esep.org_ids', $2, true), "
      "set_config('esep.system', $3, true)",
      std::to_string(actor.user.value()), OrgIdsLiteral(actor.org_scope),
      actor.system ? "on" : "off");
}

}  // namespace esep::platform
