#include "esep/client/api_error.hpp"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace esep::client {

QString ApiError::Message(const QString& language) const {
  const QString* preferred = language == QLatin1String("kk")   ? &kk
                             : language == QLatin1String("en") ? &en
                                                               : &ru;
  if (!preferred->isEmpty()) return *preferred;
  if (!ru.isEmpty()) return ru;
  if (!en.isEmpty()) return en;
  return code;
}

ApiError NetworkError(const QString& code, const QString& kk, const QString& ru,
                      const QString& en) {
  ApiError error;
  error.code = code;
  error.kk = kk;
  error.ru = ru;
  error.en = en;
  return error;
}

ApiError ParseErrorBody(int status, const QByteArray& body) {
  QJsonParseError parse_error{};
  const QJsonDocument document = QJsonDocument::fromJson(body, &parse_error);
  const QJsonObject object = document.object();
  if (parse_error.error != QJsonParseError::NoError || !object.value("code").isString()) {
    ApiError error = NetworkError(
        QStringLiteral("net.bad_reply"),
        QStringLiteral("Сервер түсініксіз жауап қайтарды (HTTP %1).").arg(status),
        QStringLiteral("Сервер вернул непонятный ответ (HTTP %1).").arg(status),
        QStringLiteral("The server returned an unreadable reply (HTTP %1).").arg(status));
    error.status = status;
    return error;
  }
  ApiError error;
  error.status = status;
  error.code = object.value("code").toString();
  const QJsonObject message = object.value("message").toObject();
  error.kk = message.value("kk").toString();
  error.ru = message.value("ru").toString();
  error.en = message.value("en").toString();
  error.field = object.value("field").toString();
  return error;
}

}  // namespace esep::client
