#pragma once
/// @file
/// Recently checked sessions with their access rights, so that most requests need no
/// sign-in queries. An entry is trusted only for AuthenticatedSession::trust_for, and the
/// whole cache is forgotten whenever PostgreSQL reports a security change (channel
/// esep_security, migration 0009) or this process commits one. While the listener is not
/// connected, nothing is cached.

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include "esep/platform/access.hpp"
#include "esep/platform/sessions.hpp"

namespace esep::server {

struct CachedAuth {
  platform::AuthenticatedSession session;
  platform::AccessSet access;
};

class SessionCache {
 public:
  /// At most `capacity` sessions; when full, the cache starts over (simpler than LRU, and a
  /// miss only costs the queries the cache saves).
  explicit SessionCache(std::size_t capacity = 100000);

  /// `token_hash` is the stored SHA-256 of the token (platform::TokenHash), never the token.
  std::optional<CachedAuth> Find(const std::string& token_hash);
  /// Read before checking a session in the database and pass to Put: an answer read
  /// before a Clear() must not be cached after it.
  std::uint64_t generation() const;
  void Put(const std::string& token_hash, CachedAuth auth, std::uint64_t generation);
  /// Forgets everything (a security change) and, for disabled, stops caching until
  /// enabled again (the change listener lost its connection).
  void Clear();
  void SetEnabled(bool enabled);

  std::uint64_t hits() const;
  std::uint64_t misses() const;

 private:
  struct Entry {
    CachedAuth auth;
    std::chrono::steady_clock::time_point until;
  };
  mutable std::mutex mutex_;
  std::size_t capacity_;
  bool enabled_ = false;
  std::uint64_t generation_ = 0;
  std::uint64_t hits_ = 0, misses_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

/// Listens on esep_security with its own connection and calls `changed` on every
/// notification; enables `cache` only while listening, reconnecting after failures.
class SecurityListener {
 public:
  SecurityListener(std::string dsn, SessionCache& cache, std::function<void()> changed);
  ~SecurityListener();
  SecurityListener(const SecurityListener&) = delete;
  SecurityListener& operator=(const SecurityListener&) = delete;

 private:
  void Run();

  std::string dsn_;
  SessionCache& cache_;
  std::function<void()> changed_;
  std::mutex mutex_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace esep::server
