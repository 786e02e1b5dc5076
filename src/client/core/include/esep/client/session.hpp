#pragma once
/// @file
/// Session: sign-in, sign-out and the signed-in user (GET /api/v1/me) on top of ApiClient.

#include <QList>
#include <QObject>
#include <QString>

#include "esep/client/api_call.hpp"

namespace esep::client {

class ApiClient;

struct SessionUser {
  qint64 id = 0;
  QString login;
  QString full_name;
  QString lang;
  bool must_change_password = false;
  QList<qint64> institutions;  ///< ids where the user holds any role (from /api/v1/me)
};

class Session : public QObject {
  Q_OBJECT

 public:
  explicit Session(ApiClient* client, QObject* parent = nullptr);

  /// POST /api/v1/auth/login; on success the client's token is set and user() filled before
  /// the caller's own finished() handlers run (Session connects first).
  ApiCall* Login(const QString& login, const QString& password);
  /// POST /api/v1/auth/logout; the token is cleared whatever the server says.
  ApiCall* Logout();
  /// GET /api/v1/me: refreshes user() (with institutions).
  ApiCall* Me();
  /// Re-sends every call held since SessionExpired with the new token (after Login succeeded).
  void Reauthenticated();

  bool signed_in() const;
  const SessionUser& user() const { return user_; }
  QString expires_at() const { return expires_at_; }

 signals:
  void signedIn();
  void signedOut();
  void userChanged();

 private:
  ApiClient* client_;
  SessionUser user_;
  QString expires_at_;
};

}  // namespace esep::client
