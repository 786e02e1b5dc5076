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

void ApplyActor(pqxx::dbtransaction& tx, const Actor& actor) {
  // set_config(..., true) is SET LOCAL: it ends with the transaction, so a pooled
  // connection never carries one request's identity into the next.
  tx.exec_params(
      "SELECT set_config('esep.user_id', $1, true), set_config('esep.org_ids', $2, true), "
      "set_config('esep.system', $3, true)",
      std::to_string(actor.user.value()), OrgIdsLiteral(actor.org_scope),
      actor.system ? "on" : "off");
}

}  // namespace esep::platform

namespace esep::platform {

ActorTransaction::ActorTransaction(pqxx::connection_base& connection, const Actor& actor)
    : pqxx::internal::namedclass("ActorTransaction"),
      pqxx::internal::basic_transaction(connection, "READ COMMITTED", pqxx::read_write) {
  // Appended piece by piece: a chain of operator+ trips GCC 12's -Wrestrict at -O3.
  begin_ = "BEGIN; SELECT set_config('esep.user_id', ";
  begin_ += connection.quote(std::to_string(actor.user.value()));
  begin_ += ", true), set_config('esep.org_ids', ";
  begin_ += connection.quote(OrgIdsLiteral(actor.org_scope));
  begin_ += ", true), set_config('esep.system', ";
  begin_ += actor.system ? "'on'" : "'off'";
  begin_ += ", true)";
  Begin();
}

ActorTransaction::~ActorTransaction() noexcept { End(); }

void ActorTransaction::do_begin() {
  // No retries: a connection lost before BEGIN is reported (and discarded by the pool)
  // rather than silently reopened.
  direct_exec(begin_.c_str());
}

}  // namespace esep::platform
