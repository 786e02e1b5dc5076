#pragma once
/// @file
/// ClientTest: a real esep-server (ApiTest) and the client core pointed at it, with helpers to
/// wait for an ApiCall on Qt's event loop.

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>
#include <QUrl>
#include <memory>
#include <optional>

#include "api_test.hpp"
#include "esep/client/api_client.hpp"
#include "esep/client/connection_profile.hpp"

namespace esep::testing {

/// How a call ended: the document on success, the error otherwise.
struct CallOutcome {
  bool ended = false;
  std::optional<QJsonDocument> document;
  std::optional<client::ApiError> error;
  int status = 0;
  QByteArray bytes;
};

class ClientTest : public ApiTest {
 protected:
  /// https://127.0.0.1:<port> with the test server's certificate pinned.
  client::ConnectionProfile PinnedProfile() const {
    client::ConnectionProfile profile;
    profile.name = QStringLiteral("test");
    profile.server = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server_->port()));
    profile.trust = client::TrustMode::kPinned;
    profile.pinned_sha256 = client::CertificateSha256(ServerCertificate());
    return profile;
  }

  QSslCertificate ServerCertificate() const {
    const auto certificates = QSslCertificate::fromPath(QString::fromStdString(cert_.string()));
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
  }

  /// Records how `call` ends, without waiting.
  static std::shared_ptr<CallOutcome> Watch(client::ApiCall* call) {
    auto outcome = std::make_shared<CallOutcome>();
    QObject::connect(call, &client::ApiCall::finished, [outcome, call](const QJsonDocument& d) {
      outcome->ended = true;
      outcome->document = d;
      outcome->status = call->status();
      outcome->bytes = call->bytes();
    });
    QObject::connect(call, &client::ApiCall::failed, [outcome](const client::ApiError& e) {
      outcome->ended = true;
      outcome->error = e;
      outcome->status = e.status;
    });
    return outcome;
  }
  /// Runs the event loop until the watched call ended (false after `timeout_ms`).
  static bool WaitEnded(const std::shared_ptr<CallOutcome>& outcome, int timeout_ms = 20'000) {
    return QTest::qWaitFor([&] { return outcome->ended; }, timeout_ms);
  }
  /// Runs the event loop until `call` ends (ended stays false after 20 s).
  static CallOutcome Wait(client::ApiCall* call) {
    auto outcome = Watch(call);
    WaitEnded(outcome);
    return *outcome;
  }
};

}  // namespace esep::testing
