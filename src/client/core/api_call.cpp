#include "esep/client/api_call.hpp"

#include <QNetworkReply>
#include <QUuid>

#include "esep/client/api_client.hpp"

namespace esep::client {

ApiCall::ApiCall(ApiClient* client, QString method, QString path, QByteArray body, bool raw,
                 bool with_token)
    : QObject(client),
      client_(client),
      method_(std::move(method)),
      path_(std::move(path)),
      body_(std::move(body)),
      raw_(raw),
      with_token_(with_token) {
  if (method_ == QLatin1String("POST") || method_ == QLatin1String("PUT") ||
      method_ == QLatin1String("DELETE")) {
    idempotency_key_ = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
  }
}

void ApiCall::Abort() {
  if (done_) return;
  if (held_) client_->held_.removeAll(QPointer<ApiCall>(this));
  held_ = false;
  if (QNetworkReply* reply = reply_) {
    reply_ = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
  }
  Fail(NetworkError(QStringLiteral("net.cancelled"), QStringLiteral("Сұрау тоқтатылды."),
                    QStringLiteral("Запрос отменён."),
                    QStringLiteral("The request was cancelled.")));
}

void ApiCall::Finish(int status, QByteArray bytes, const QJsonDocument& document) {
  if (done_) return;
  done_ = true;
  status_ = status;
  bytes_ = std::move(bytes);
  emit finished(document);
  deleteLater();
}

void ApiCall::Fail(const ApiError& error) {
  if (done_) return;
  done_ = true;
  status_ = error.status;
  emit failed(error);
  deleteLater();
}

}  // namespace esep::client
