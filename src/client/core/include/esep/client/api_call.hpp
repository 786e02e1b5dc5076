#pragma once
/// @file
/// ApiCall: one request to the server. It emits finished() or failed() exactly once and then
/// deletes itself; while the session is being renewed it may be held and sent again.

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QString>

#include "esep/client/api_error.hpp"

class QNetworkReply;

namespace esep::client {

class ApiClient;

class ApiCall : public QObject {
  Q_OBJECT

 public:
  const QString& method() const { return method_; }
  const QString& path() const { return path_; }
  /// The raw reply body (for downloads: the file).
  const QByteArray& bytes() const { return bytes_; }
  /// HTTP status of the reply that finished the call (0 before).
  int status() const { return status_; }
  bool done() const { return done_; }
  /// Stops the call: failed() with "net.cancelled" (unless it already ended).
  void Abort();

 signals:
  void finished(const QJsonDocument& document);
  void failed(const esep::client::ApiError& error);

 private:
  friend class ApiClient;
  ApiCall(ApiClient* client, QString method, QString path, QByteArray body, bool raw,
          bool with_token);

  void Finish(int status, QByteArray bytes, const QJsonDocument& document);
  void Fail(const ApiError& error);

  ApiClient* client_;
  QString method_;
  QString path_;
  QByteArray body_;
  QByteArray idempotency_key_;  ///< one per call: a re-sent call is the same request
  bool raw_;
  bool with_token_;
  bool sent_with_token_ = false;
  bool done_ = false;
  bool held_ = false;
  ApiError abort_error_;  ///< why the client aborted the reply (timeout, TLS, cancel); code empty =
                          ///< it did not
  QPointer<QNetworkReply> reply_;
  QByteArray bytes_;
  int status_ = 0;
};

}  // namespace esep::client
