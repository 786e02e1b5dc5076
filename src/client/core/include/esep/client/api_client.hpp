#pragma once
/// @file
/// ApiClient: the asynchronous HTTPS/JSON client of the server's API for the GUI thread:
/// bearer token, idempotency keys, 30 s timeouts, TLS trust per profile (system CAs, a CA
/// file, or a pinned certificate) and calls held while the session is renewed.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

#include "esep/client/api_call.hpp"
#include "esep/client/api_error.hpp"
#include "esep/client/connection_profile.hpp"

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

namespace esep::client {

class ApiClient : public QObject {
  Q_OBJECT

 public:
  static constexpr int kTimeoutMs = 30'000;

  explicit ApiClient(QObject* parent = nullptr);
  ~ApiClient() override;

  void SetProfile(const ConnectionProfile& profile);
  const ConnectionProfile& profile() const { return profile_; }
  void SetToken(const QString& token);
  QString token() const { return token_; }

  ApiCall* Get(const QString& path_and_query);
  ApiCall* Post(const QString& path, const QJsonObject& body);
  ApiCall* Put(const QString& path, const QJsonObject& body);
  ApiCall* Delete(const QString& path);
  /// GET of raw bytes (a job's file): finished() carries an empty document, bytes() the file.
  ApiCall* Download(const QString& path_and_query);
  /// A call sent without the bearer token (sign-in), so an old token cannot get in the way.
  ApiCall* PostAnonymous(const QString& path, const QJsonObject& body);

  /// Calls held because the session ended, waiting for Resend/DropHeld.
  int held_count() const { return static_cast<int>(held_.size()); }
  /// Sends every held call again with the current token (after a new sign-in).
  void ResendHeld();
  /// Fails every held call with `error` (the user gave up signing in again).
  void DropHeld(const ApiError& error);

 signals:
  /// Pinned mode: the server's certificate is not the pinned one (or none is pinned yet). The
  /// call that met it failed with "tls.untrusted"; after the user accepts the fingerprint, the
  /// UI pins it in the profile (SetProfile) and retries.
  void CertificateNeedsConfirmation(const QSslCertificate& cert, const QByteArray& sha256_hex);
  /// A call got 401 auth.token_expired/auth.token_invalid while a token was set: it is held,
  /// not failed. Emitted once until ResendHeld() or DropHeld().
  void SessionExpired();

 private:
  friend class ApiCall;
  ApiCall* Make(const QString& method, const QString& path, QByteArray body, bool raw,
                bool with_token);
  void Send(ApiCall* call);
  void OnSslErrors(ApiCall* call, QNetworkReply* reply, const QList<QSslError>& errors);
  void OnFinished(ApiCall* call, QNetworkReply* reply);
  void ApplyTrust(const ConnectionProfile& profile);

  QNetworkAccessManager* network_;
  ConnectionProfile profile_;
  QSslConfiguration ssl_;
  QString trust_problem_;  ///< a CA file that could not be read: every call fails with it
  QString token_;
  QList<QPointer<ApiCall>> held_;
  bool expired_signalled_ = false;
};

}  // namespace esep::client
