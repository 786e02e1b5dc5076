#include "esep/client/api_client.hpp"

#include <QFile>
#include <QJsonDocument>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

namespace esep::client {
namespace {

ApiError Untrusted(const QString& detail) {
  return NetworkError(
      QStringLiteral("tls.untrusted"),
      QStringLiteral("Сервер сертификатына сенім жоқ. Сертификаттың саусақ ізін тексеріңіз."),
      QStringLiteral("Сертификат сервера не является доверенным. Проверьте отпечаток сертификата."),
      QStringLiteral("The server's certificate is not trusted. Check its fingerprint.") +
          (detail.isEmpty() ? QString() : QStringLiteral(" (") + detail + QLatin1Char(')')));
}

ApiError TransportError(QNetworkReply::NetworkError error, const QString& detail) {
  switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:  // Qt's transfer timeout aborts the reply
      return NetworkError(QStringLiteral("net.timeout"),
                          QStringLiteral("Сервер 30 секунд ішінде жауап бермеді."),
                          QStringLiteral("Сервер не ответил за 30 секунд."),
                          QStringLiteral("The server did not answer within 30 seconds."));
    case QNetworkReply::SslHandshakeFailedError:
      return NetworkError(QStringLiteral("net.tls"),
                          QStringLiteral("Сервермен қорғалған байланыс орнатылмады."),
                          QStringLiteral("Не удалось установить защищённое соединение с сервером."),
                          QStringLiteral("A secure connection to the server failed: ") + detail);
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
      return NetworkError(QStringLiteral("net.unreachable"),
                          QStringLiteral("Серверге қосылу мүмкін болмады. Желіні және сервер "
                                         "мекенжайын тексеріңіз."),
                          QStringLiteral("Не удалось подключиться к серверу. Проверьте сеть и "
                                         "адрес сервера."),
                          QStringLiteral("Could not connect to the server: ") + detail);
    default:
      return NetworkError(QStringLiteral("net.error"),
                          QStringLiteral("Серверге сұрау орындалмады."),
                          QStringLiteral("Запрос к серверу не выполнен."),
                          QStringLiteral("The request to the server failed: ") + detail);
  }
}

bool IsSessionEnd(const ApiError& error) {
  return error.status == 401 && (error.code == QLatin1String("auth.token_expired") ||
                                 error.code == QLatin1String("auth.token_invalid"));
}

}  // namespace

ApiClient::ApiClient(QObject* parent) : QObject(parent), network_(new QNetworkAccessManager(this)) {
  qRegisterMetaType<ApiError>();
  ApplyTrust(profile_);
}

ApiClient::~ApiClient() = default;

void ApiClient::SetProfile(const ConnectionProfile& profile) {
  profile_ = profile;
  ApplyTrust(profile_);
  // A kept-alive connection was trusted under the old profile; the new one must decide again.
  network_->clearConnectionCache();
  network_->clearAccessCache();
}

void ApiClient::ApplyTrust(const ConnectionProfile& profile) {
  trust_problem_.clear();
  ssl_ = QSslConfiguration::defaultConfiguration();
  ssl_.setProtocol(QSsl::TlsV1_2OrLater);
  switch (profile.trust) {
    case TrustMode::kSystem:
      break;
    case TrustMode::kCaFile: {
      QList<QSslCertificate> cas = QSslCertificate::fromPath(profile.ca_file, QSsl::Pem);
      if (cas.isEmpty()) cas = QSslCertificate::fromPath(profile.ca_file, QSsl::Der);
      if (cas.isEmpty()) trust_problem_ = profile.ca_file;
      ssl_.setCaCertificates(cas);
      break;
    }
    case TrustMode::kPinned:
      // No CA at all: every certificate raises sslErrors, where only the pin can accept it.
      ssl_.setCaCertificates({});
      break;
  }
}

void ApiClient::SetToken(const QString& token) { token_ = token; }

ApiCall* ApiClient::Make(const QString& method, const QString& path, QByteArray body, bool raw,
                         bool with_token) {
  auto* call = new ApiCall(this, method, path, std::move(body), raw, with_token);
  Send(call);
  return call;
}

ApiCall* ApiClient::Get(const QString& path_and_query) {
  return Make(QStringLiteral("GET"), path_and_query, {}, false, true);
}

ApiCall* ApiClient::Post(const QString& path, const QJsonObject& body) {
  return Make(QStringLiteral("POST"), path, QJsonDocument(body).toJson(QJsonDocument::Compact),
              false, true);
}

ApiCall* ApiClient::Put(const QString& path, const QJsonObject& body) {
  return Make(QStringLiteral("PUT"), path, QJsonDocument(body).toJson(QJsonDocument::Compact),
              false, true);
}

ApiCall* ApiClient::Delete(const QString& path) {
  return Make(QStringLiteral("DELETE"), path, {}, false, true);
}

ApiCall* ApiClient::Download(const QString& path_and_query) {
  return Make(QStringLiteral("GET"), path_and_query, {}, true, true);
}

ApiCall* ApiClient::PostAnonymous(const QString& path, const QJsonObject& body) {
  return Make(QStringLiteral("POST"), path, QJsonDocument(body).toJson(QJsonDocument::Compact),
              false, false);
}

void ApiClient::Send(ApiCall* call) {
  const QUrl url = profile_.server.resolved(QUrl(call->path_));
  ApiError problem;
  if (!profile_.server.isValid() || profile_.server.scheme() != QLatin1String("https")) {
    problem = NetworkError(QStringLiteral("net.no_server"),
                           QStringLiteral("Сервер мекенжайы https://хост:порт түрінде берілмеген."),
                           QStringLiteral("Адрес сервера не задан в виде https://хост:порт."),
                           QStringLiteral("The server address is not set as https://host:port."));
  } else if (!trust_problem_.isEmpty()) {
    problem = NetworkError(
        QStringLiteral("tls.ca_file"),
        QStringLiteral("CA сертификатының файлы оқылмады: ") + trust_problem_,
        QStringLiteral("Не удалось прочитать файл сертификата CA: ") + trust_problem_,
        QStringLiteral("The CA certificate file could not be read: ") + trust_problem_);
  }
  if (!problem.code.isEmpty()) {
    // Never emit before the caller has had a chance to connect to the call.
    QPointer<ApiCall> target(call);
    QMetaObject::invokeMethod(
        call,
        [target, problem] {
          if (target) target->Fail(problem);
        },
        Qt::QueuedConnection);
    return;
  }

  QNetworkRequest request(url);
  request.setSslConfiguration(ssl_);
  request.setTransferTimeout(kTimeoutMs);
  // The server speaks HTTP/1.1 only; do not spend a round trip offering h2.
  request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
  request.setRawHeader("Accept", call->raw_ ? "*/*" : "application/json");
  if (!call->body_.isEmpty() || call->method_ != QLatin1String("GET")) {
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
  }
  call->sent_with_token_ = call->with_token_ && !token_.isEmpty();
  if (call->sent_with_token_) request.setRawHeader("Authorization", "Bearer " + token_.toUtf8());
  if (!call->idempotency_key_.isEmpty()) {
    request.setRawHeader("Idempotency-Key", call->idempotency_key_);
  }

  QNetworkReply* reply = nullptr;
  if (call->method_ == QLatin1String("GET")) {
    reply = network_->get(request);
  } else if (call->method_ == QLatin1String("POST")) {
    reply = network_->post(request, call->body_);
  } else if (call->method_ == QLatin1String("PUT")) {
    reply = network_->put(request, call->body_);
  } else {
    reply = network_->sendCustomRequest(request, call->method_.toLatin1(), call->body_);
  }
  call->reply_ = reply;
  call->abort_error_ = ApiError{};
  connect(
      reply, &QNetworkReply::sslErrors, call,
      [this, call, reply](const QList<QSslError>& errors) { OnSslErrors(call, reply, errors); });
  connect(reply, &QNetworkReply::finished, call, [this, call, reply] { OnFinished(call, reply); });
}

void ApiClient::OnSslErrors(ApiCall* call, QNetworkReply* reply, const QList<QSslError>& errors) {
  if (profile_.trust != TrustMode::kPinned) {
    call->abort_error_ = Untrusted(errors.isEmpty() ? QString() : errors.first().errorString());
    return;  // not ignored: the handshake fails and OnFinished reports abort_error_
  }
  QSslCertificate certificate = reply->sslConfiguration().peerCertificate();
  if (certificate.isNull() && !errors.isEmpty()) certificate = errors.first().certificate();
  const QByteArray sha256 = certificate.isNull() ? QByteArray() : CertificateSha256(certificate);
  if (!sha256.isEmpty() && !profile_.pinned_sha256.isEmpty() &&
      sha256 == profile_.pinned_sha256.toLower()) {
    reply->ignoreSslErrors(errors);  // exactly these: the pinned certificate is the trust
    return;
  }
  call->abort_error_ = Untrusted({});
  // Queued: a dialog opened from a handler must not run inside Qt's TLS callback.
  QMetaObject::invokeMethod(
      this, [this, certificate, sha256] { emit CertificateNeedsConfirmation(certificate, sha256); },
      Qt::QueuedConnection);
}

void ApiClient::OnFinished(ApiCall* call, QNetworkReply* reply) {
  reply->deleteLater();
  if (call->reply_ != reply || call->done_) return;
  call->reply_ = nullptr;
  if (!call->abort_error_.code.isEmpty()) {
    call->Fail(call->abort_error_);
    return;
  }
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  QByteArray body = reply->readAll();
  if (status == 0) {
    call->Fail(TransportError(reply->error(), reply->errorString()));
    return;
  }
  if (status >= 200 && status < 300) {
    if (call->raw_ || body.isEmpty()) {
      call->Finish(status, std::move(body), QJsonDocument());
      return;
    }
    QJsonParseError parse_error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parse_error);
    if (parse_error.error != QJsonParseError::NoError) {
      call->Fail(ParseErrorBody(status, body));
      return;
    }
    call->Finish(status, std::move(body), document);
    return;
  }
  const ApiError error = ParseErrorBody(status, body);
  if (IsSessionEnd(error) && call->sent_with_token_) {
    // Hold the call (an open form's save) until the user has signed in again.
    call->held_ = true;
    held_.append(QPointer<ApiCall>(call));
    if (!expired_signalled_) {
      expired_signalled_ = true;
      emit SessionExpired();
    }
    return;
  }
  call->Fail(error);
}

void ApiClient::ResendHeld() {
  expired_signalled_ = false;
  const QList<QPointer<ApiCall>> held = std::exchange(held_, {});
  for (const QPointer<ApiCall>& call : held) {
    if (!call || call->done_) continue;
    call->held_ = false;
    Send(call);
  }
}

void ApiClient::DropHeld(const ApiError& error) {
  expired_signalled_ = false;
  const QList<QPointer<ApiCall>> held = std::exchange(held_, {});
  for (const QPointer<ApiCall>& call : held) {
    if (!call || call->done_) continue;
    call->held_ = false;
    call->Fail(error);
  }
}

}  // namespace esep::client
