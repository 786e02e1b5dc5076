#pragma once
/// @file
/// PgTest: a GoogleTest fixture giving each test its own freshly migrated database.

#include <gtest/gtest.h>

#include <memory>
#include <pqxx/pqxx>
#include <string>

#include "pg_test_env.hpp"

namespace esep::testing {

class PgTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// Connection string of this test's database.
  const std::string& dsn() const { return dsn_; }
  /// A connection to this test's database, opened on first use.
  pqxx::connection& db();

  std::string database_;

 private:
  std::string dsn_;
  std::unique_ptr<pqxx::connection> connection_;
};

}  // namespace esep::testing
