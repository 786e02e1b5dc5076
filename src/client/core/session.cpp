#include "esep/client/session.hpp"

#include <QJsonArray>
#include <QJsonObject>

#include "esep/client/api_client.hpp"

namespace esep::client {
namespace {

void ReadUser(const QJsonObject& object, SessionUser* user) {
  user->id = object.value("id").toInteger();
  user->login = object.value("login").toString();
  user->full_name = object.value("full_name").toString();
  user->lang = object.value("lang").toString();
  user->must_change_password = object.value("must_change_password").toBool();
  if (object.contains("institutions")) {
    user->institutions.clear();
    for (const QJsonValue& id : object.value("institutions").toArray()) {
      user->institutions.append(id.toInteger());
    }
  }
}

}  // namespace

Session::Session(ApiClient* client, QObject* parent) : QObject(parent), client_(client) {}

bool Session::signed_in() const { return !client_->token().isEmpty(); }

ApiCall* Session::Login(const QString& login, const QString& password) {
  ApiCall* call = client_->PostAnonymous(
      QStringLiteral("/api/v1/auth/login"),
      QJsonObject{{"login", login}, {"password", password}, {"client", "esep-client"}});
  connect(call, &ApiCall::finished, this, [this](const QJsonDocument& document) {
    const QJsonObject body = document.object();
    client_->SetToken(body.value("token").toString());
    expires_at_ = body.value("expires_at").toString();
    const QList<qint64> institutions =
        user_.id == body.value("user").toObject().value("id").toInteger() ? user_.institutions
                                                                          : QList<qint64>();
    user_ = SessionUser{};
    user_.institutions = institutions;
    ReadUser(body.value("user").toObject(), &user_);
    emit signedIn();
    emit userChanged();
  });
  return call;
}

ApiCall* Session::Logout() {
  ApiCall* call = client_->Post(QStringLiteral("/api/v1/auth/logout"), QJsonObject{});
  auto clear = [this] {
    client_->SetToken(QString());
    user_ = SessionUser{};
    expires_at_.clear();
    emit signedOut();
    emit userChanged();
  };
  connect(call, &ApiCall::finished, this, clear);
  connect(call, &ApiCall::failed, this, clear);
  return call;
}

ApiCall* Session::Me() {
  ApiCall* call = client_->Get(QStringLiteral("/api/v1/me"));
  connect(call, &ApiCall::finished, this, [this](const QJsonDocument& document) {
    user_ = SessionUser{};
    ReadUser(document.object(), &user_);
    emit userChanged();
  });
  return call;
}

void Session::Reauthenticated() { client_->ResendHeld(); }

}  // namespace esep::client
