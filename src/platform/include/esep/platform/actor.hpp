#pragma once
/// @file
/// Who is acting: the user behind an operation, the request it came with, and the
/// institutions whose rows it may see. Services take it; storage passes it to PostgreSQL.

#include <pqxx/transaction>
#include <string>
#include <vector>

#include "esep/core/strong_id.hpp"

namespace esep::platform {

struct Actor {
  core::UserId user;                   ///< 0 for the system itself (esep-admin, jobs)
  std::vector<core::OrgId> org_scope;  ///< institutions whose tenant rows are visible
  std::string request_id;              ///< ties audit rows to the access log
  bool system = false;                 ///< esep-admin and migrations: no row-level limits

  static Actor System(std::string request_id = "esep-admin") {
    Actor actor;
    actor.system = true;
    actor.request_id = std::move(request_id);
    return actor;
  }
};

/// Tells PostgreSQL who is acting, for the rest of the transaction: `esep.user_id`,
/// `esep.org_ids` (a bigint[] literal such as "{1,5}") and `esep.system` ("on"/"off").
/// Row-level security policies on tenant tables read these (migration 0007), so a query
/// that forgets its WHERE org_id still cannot see another institution's rows.
void ApplyActor(pqxx::dbtransaction& tx, const Actor& actor);

/// A READ COMMITTED transaction that starts already knowing who acts: BEGIN and the
/// settings ApplyActor makes travel to PostgreSQL in one round trip. A short request is a
/// handful of round trips, so the one saved here is a fifth to a quarter of its database time.
/// The dispatcher opens every request's transaction with it.
class ActorTransaction : public pqxx::internal::basic_transaction {
 public:
  ActorTransaction(pqxx::connection_base& connection, const Actor& actor);
  ~ActorTransaction() noexcept override;

 private:
  void do_begin() override;
  std::string begin_;  ///< "BEGIN; SELECT set_config(...)"
};

/// "{1,5,9}" — the form `esep.org_ids` takes.
std::string OrgIdsLiteral(const std::vector<core::OrgId>& ids);

}  // namespace esep::platform
