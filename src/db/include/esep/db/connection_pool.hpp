#pragma once
/// @file
/// A fixed-size pool of libpqxx connections that survives a PostgreSQL restart: a broken
/// connection is dropped when it comes back, and a new one is opened on demand. While the
/// database is down, Acquire throws DatabaseUnavailable (the server answers 503).

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <pqxx/connection>
#include <stdexcept>
#include <string>
#include <vector>

namespace esep::db {

/// The database cannot be reached right now (down, restarting, pool exhausted too long).
class DatabaseUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PoolStats {
  std::size_t size = 0;  ///< configured maximum
  std::size_t open = 0;  ///< connections that exist now
  std::size_t in_use = 0;
  std::uint64_t acquired = 0;   ///< total successful acquisitions
  std::uint64_t failures = 0;   ///< acquisitions that failed (database unreachable, timeout)
  std::uint64_t discarded = 0;  ///< broken connections dropped
};

class ConnectionPool {
 public:
  /// Runs `on_connect` on every new connection (e.g. SET ROLE esep_app).
  using ConnectHook = std::function<void(pqxx::connection&)>;

  ConnectionPool(std::string dsn, std::size_t size, ConnectHook on_connect = {},
                 std::chrono::milliseconds acquire_timeout = std::chrono::seconds(5));
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    pqxx::connection& operator*() { return *connection_; }
    pqxx::connection* operator->() { return connection_.get(); }
    /// Marks the connection unusable (e.g. after a broken_connection); it is dropped.
    void Discard() { discard_ = true; }

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool* pool, std::unique_ptr<pqxx::connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    ConnectionPool* pool_;
    std::unique_ptr<pqxx::connection> connection_;
    bool discard_ = false;
  };

  /// A connection for the caller's exclusive use until the Lease is destroyed. Waits up to
  /// the acquire timeout for a free one; throws DatabaseUnavailable when none can be had.
  Lease Acquire();

  PoolStats Stats() const;
  const std::string& dsn() const { return dsn_; }

 private:
  void Return(std::unique_ptr<pqxx::connection> connection, bool discard);
  std::unique_ptr<pqxx::connection> Open();

  const std::string dsn_;
  const std::size_t size_;
  const ConnectHook on_connect_;
  const std::chrono::milliseconds acquire_timeout_;

  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::size_t open_ = 0;
  PoolStats stats_;
};

}  // namespace esep::db
