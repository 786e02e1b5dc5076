#pragma once
/// @file
/// ApiError: a failed call as the user reads it — the server's {code, message{kk,ru,en}, field}
/// or a network/TLS failure of the client ("net.*", "tls.*") in the same three languages.

#include <QMetaType>
#include <QString>

class QByteArray;

namespace esep::client {

struct ApiError {
  int status = 0;  ///< HTTP status; 0 when no HTTP reply arrived (network, TLS)
  QString code;
  QString kk, ru, en;
  QString field;

  /// The message in "kk", "ru" or "en"; falls back to Russian, then English, then the code.
  QString Message(const QString& language) const;
};

/// Parses the server's error body; a body that is not the error JSON gives "net.bad_reply"
/// (the status is kept).
ApiError ParseErrorBody(int status, const QByteArray& body);

/// Errors made by the client itself.
ApiError NetworkError(const QString& code, const QString& kk, const QString& ru, const QString& en);

}  // namespace esep::client

Q_DECLARE_METATYPE(esep::client::ApiError)
