#pragma once
/// @file
/// Pushes events (job progress and results) to the clients that may see them, over their
/// WebSocket connections. Who may see a job: its creator, and users holding jobs.read in the
/// job's institution.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "esep/core/strong_id.hpp"

namespace esep::server {

/// One connected client. `send` queues a text message and must not block; `close` ends the
/// connection (a session that ended).
struct Subscriber {
  core::UserId user;
  std::int64_t session_id = 0;
  std::vector<core::OrgId> job_orgs;  ///< institutions where the user holds jobs.read
  std::function<void(std::string)> send;
  std::function<void()> close;
};

class EventHub {
 public:
  /// Returns a handle for Unsubscribe.
  std::int64_t Subscribe(Subscriber subscriber);
  void Unsubscribe(std::int64_t handle);

  /// Sends `message` to the creator and to whoever holds jobs.read in `org`.
  void PublishJob(std::optional<core::OrgId> org, std::optional<core::UserId> created_by,
                  const std::string& message);

  /// Closes every connection of a session that ended (logout).
  void CloseSession(std::int64_t session_id);
  /// Closes every connection of a user (password changed, switched off, roles changed).
  void CloseUser(core::UserId user);
  /// Closes everything (shutdown).
  void CloseAll();

  std::size_t subscribers() const;

 private:
  void CloseMatching(const std::function<bool(const Subscriber&)>& match);

  mutable std::mutex mutex_;
  std::int64_t next_handle_ = 1;
  std::map<std::int64_t, Subscriber> subscribers_;
};

}  // namespace esep::server
