#include "pg_test.hpp"

namespace esep::testing {

void PgTest::SetUp() {
  database_ = TestCluster().CreateDatabase();
  dsn_ = TestCluster().cluster().ConnectionString(database_);
}

void PgTest::TearDown() {
  connection_.reset();
  TestCluster().DropDatabase(database_);
}

pqxx::connection& PgTest::db() {
  if (!connection_) connection_ = std::make_unique<pqxx::connection>(dsn_);
  return *connection_;
}

}  // namespace esep::testing
