#include "database_target.hpp"

#include <libpq-fe.h>

#include <pqxx/pqxx>
#include <string>

namespace esep::admin {
namespace {

// The dbname of a libpq connection string (PQconninfoParse understands every form).
std::string DatabaseNameOf(const std::string& dsn) {
  std::string name;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &error);
  if (options == nullptr) {
    PQfreemem(error);
    return name;
  }
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (std::string(option->keyword) == "dbname" && option->val != nullptr) name = option->val;
  }
  PQconninfoFree(options);
  return name;
}

}  // namespace

DatabaseTarget::DatabaseTarget(const CommandLine& line) : dsn_(line.dsn) {
  if (!dsn_.empty()) return;
  cluster_ = std::make_unique<db::EmbeddedCluster>(db::ClusterOptions{
      .dir = line.data_dir.empty() ? std::filesystem::path(kDefaultDataDir) : line.data_dir});
}

DatabaseTarget::~DatabaseTarget() {
  if (cluster_ && stop_on_exit_ && !keep_running_) (void)cluster_->Stop();
}

core::Status DatabaseTarget::Open(bool create) {
  if (!cluster_) return core::Status::Ok();
  if (create) {
    if (auto status = cluster_->Init(); !status) return status;
  }
  if (cluster_->IsRunning()) return core::Status::Ok();
  if (auto status = cluster_->Start(); !status) return status;
  stop_on_exit_ = true;
  return core::Status::Ok();
}

std::string DatabaseTarget::Dsn() const {
  return cluster_ ? cluster_->ConnectionString(kDatabaseName) : dsn_;
}

core::Status DatabaseTarget::CreateDatabaseIfMissing() {
  const std::string name = cluster_ ? kDatabaseName : DatabaseNameOf(dsn_);
  // Connect to the server's maintenance database; in a conninfo string the last
  // occurrence of a keyword wins, so appending dbname is enough.
  const std::string maintenance =
      cluster_ ? cluster_->ConnectionString("postgres") : dsn_ + " dbname=postgres";
  try {
    pqxx::connection connection(maintenance);
    pqxx::nontransaction tx(connection);
    if (tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", name).empty()) {
      tx.exec("CREATE DATABASE " + connection.quote_name(name) +
              " ENCODING 'UTF8' TEMPLATE template0");
    }
  } catch (const std::exception& e) {
    core::Error error = core::MakeError(
        "db.create_database", "Дерекқорды жасау мүмкін болмады: " + name,
        "Не удалось создать базу данных: " + name, "Cannot create the database: " + name, "dsn");
    error.details = e.what();
    return error;
  }
  return core::Status::Ok();
}

}  // namespace esep::admin
