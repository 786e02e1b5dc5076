// The client core's ApiClient and Session against a real esep-server: sign-in and its errors
// in three languages, the three TLS trust modes, calls held across an expired session,
// idempotency keys, jobs followed by JobWatcher, and profile storage.
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <pqxx/pqxx>

#include "client_test.hpp"
#include "esep/client/job_watcher.hpp"
#include "esep/client/session.hpp"

namespace esep::testing {
namespace {

using client::ApiClient;
using client::ApiError;
using client::Session;
using client::TrustMode;

class ApiClientTest : public ClientTest {};

TEST_F(ApiClientTest, LoginSetsTokenAndMeListsInstitutions) {
  ApiClient api;
  api.SetProfile(PinnedProfile());
  Session session(&api);
  QSignalSpy signed_in(&session, &Session::signedIn);
  const CallOutcome login = Wait(session.Login(QStringLiteral("admin"), QString(kPassword)));
  ASSERT_TRUE(login.document) << (login.error ? login.error->en.toStdString() : "no reply");
  EXPECT_EQ(signed_in.count(), 1);
  EXPECT_TRUE(session.signed_in());
  EXPECT_FALSE(api.token().isEmpty());
  EXPECT_EQ(session.user().login, QStringLiteral("admin"));
  EXPECT_GT(session.user().id, 0);

  const CallOutcome me = Wait(session.Me());
  ASSERT_TRUE(me.document) << (me.error ? me.error->en.toStdString() : "no reply");
  const QList<qint64>& orgs = session.user().institutions;
  EXPECT_TRUE(orgs.contains(department_.value()));
  EXPECT_TRUE(orgs.contains(school1_.value()));
  EXPECT_TRUE(orgs.contains(school2_.value()));
  EXPECT_TRUE(session.user().full_name.contains(QStringLiteral("admin")));

  const CallOutcome logout = Wait(session.Logout());
  EXPECT_TRUE(logout.document);
  EXPECT_TRUE(api.token().isEmpty());
  // The server forgot the token too: the old one is refused.
  const auto reply = Call("GET", "/api/v1/me", std::string());
  EXPECT_EQ(reply.status, 401);
}

TEST_F(ApiClientTest, WrongPasswordFailsWithTheServersMessageInEveryLanguage) {
  ApiClient api;
  api.SetProfile(PinnedProfile());
  Session session(&api);
  QSignalSpy expired(&api, &ApiClient::SessionExpired);
  const CallOutcome login = Wait(session.Login(QStringLiteral("admin"), QStringLiteral("wrong")));
  ASSERT_TRUE(login.error);
  EXPECT_EQ(login.error->status, 401);
  EXPECT_EQ(login.error->code, QStringLiteral("auth.invalid_credentials"));
  EXPECT_EQ(login.error->kk, QStringLiteral("Логин немесе құпиясөз қате."));
  EXPECT_EQ(login.error->ru, QStringLiteral("Неверный логин или пароль."));
  EXPECT_EQ(login.error->Message(QStringLiteral("kk")),
            QStringLiteral("Логин немесе құпиясөз қате."));
  EXPECT_EQ(login.error->Message(QStringLiteral("en")), QStringLiteral("Wrong login or password."));
  EXPECT_FALSE(session.signed_in());
  EXPECT_EQ(expired.count(), 0);  // a refused sign-in is not an expired session
}

TEST_F(ApiClientTest, PinnedCertificateThatMatchesIsAccepted) {
  ApiClient api;
  api.SetProfile(PinnedProfile());
  api.SetToken(QString::fromStdString(admin_token_));
  QSignalSpy confirm(&api, &ApiClient::CertificateNeedsConfirmation);
  const CallOutcome me = Wait(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(me.document) << (me.error ? me.error->en.toStdString() : "no reply");
  EXPECT_EQ(me.document->object().value("login").toString(), QStringLiteral("admin"));
  EXPECT_EQ(confirm.count(), 0);
}

TEST_F(ApiClientTest, PinnedCertificateThatDiffersIsRefusedAndOfferedForConfirmation) {
  auto profile = PinnedProfile();
  const QByteArray real_pin = profile.pinned_sha256;
  profile.pinned_sha256 = QByteArray(64, '0');
  ApiClient api;
  api.SetProfile(profile);
  api.SetToken(QString::fromStdString(admin_token_));
  QSignalSpy confirm(&api, &ApiClient::CertificateNeedsConfirmation);
  const CallOutcome refused = Wait(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(refused.error);
  EXPECT_EQ(refused.error->code, QStringLiteral("tls.untrusted"));
  EXPECT_EQ(refused.error->status, 0);
  EXPECT_FALSE(refused.error->kk.isEmpty());
  EXPECT_FALSE(refused.error->ru.isEmpty());
  ASSERT_TRUE(confirm.count() == 1 || confirm.wait(5000));
  const auto certificate = confirm.first().at(0).value<QSslCertificate>();
  const QByteArray offered = confirm.first().at(1).toByteArray();
  EXPECT_EQ(offered, real_pin);
  EXPECT_EQ(certificate, ServerCertificate());
  EXPECT_EQ(client::FormatFingerprint(offered).size(), 95);  // 32 pairs and 31 colons

  // The user compared the fingerprint and accepted it: the UI pins it and retries.
  profile.pinned_sha256 = offered;
  api.SetProfile(profile);
  const CallOutcome retried = Wait(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(retried.document) << (retried.error ? retried.error->en.toStdString() : "no reply");
  EXPECT_EQ(confirm.count(), 1);
}

TEST_F(ApiClientTest, FirstConnectionWithoutPinAsksForConfirmation) {
  auto profile = PinnedProfile();
  profile.pinned_sha256.clear();
  ApiClient api;
  api.SetProfile(profile);
  QSignalSpy confirm(&api, &ApiClient::CertificateNeedsConfirmation);
  Session session(&api);
  const CallOutcome refused = Wait(session.Login(QStringLiteral("admin"), QString(kPassword)));
  ASSERT_TRUE(refused.error);
  EXPECT_EQ(refused.error->code, QStringLiteral("tls.untrusted"));
  ASSERT_TRUE(confirm.count() == 1 || confirm.wait(5000));
  EXPECT_EQ(confirm.first().at(1).toByteArray(), PinnedProfile().pinned_sha256);
}

TEST_F(ApiClientTest, CaFileModeTrustsTheGivenCertificateOnly) {
  auto profile = PinnedProfile();
  profile.trust = TrustMode::kCaFile;
  profile.ca_file = QString::fromStdString(cert_.string());
  profile.pinned_sha256.clear();
  ApiClient api;
  api.SetProfile(profile);
  api.SetToken(QString::fromStdString(admin_token_));
  QSignalSpy confirm(&api, &ApiClient::CertificateNeedsConfirmation);
  const CallOutcome me = Wait(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(me.document) << (me.error ? me.error->en.toStdString() : "no reply");

  // The system's CAs do not know the self-signed test certificate.
  profile.trust = TrustMode::kSystem;
  api.SetProfile(profile);
  const CallOutcome system = Wait(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(system.error);
  EXPECT_EQ(system.error->code, QStringLiteral("tls.untrusted"));

  // A CA file that cannot be read fails every call, asynchronously, with its own code.
  profile.trust = TrustMode::kCaFile;
  profile.ca_file = QStringLiteral("/nonexistent/ca.pem");
  api.SetProfile(profile);
  const CallOutcome missing = Wait(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(missing.error);
  EXPECT_EQ(missing.error->code, QStringLiteral("tls.ca_file"));
  EXPECT_EQ(confirm.count(), 0);  // only the pinned mode asks the user
}

TEST_F(ApiClientTest, UnreachableServerGivesANetworkError) {
  auto profile = PinnedProfile();
  const int port = server_->port();
  server_->Stop(std::chrono::seconds(5));
  profile.server = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
  ApiClient api;
  api.SetProfile(profile);
  const CallOutcome call = Wait(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(call.error);
  EXPECT_EQ(call.error->code, QStringLiteral("net.unreachable"));
  EXPECT_EQ(call.error->status, 0);
  EXPECT_EQ(call.error->kk.left(22), QStringLiteral("Серверге қосылу мүмкін"));
  EXPECT_EQ(call.error->ru.left(33), QStringLiteral("Не удалось подключиться к серверу"));
}

TEST_F(ApiClientTest, ExpiredSessionHoldsCallsUntilSignedInAgain) {
  ApiClient api;
  api.SetProfile(PinnedProfile());
  Session session(&api);
  ASSERT_TRUE(Wait(session.Login(QStringLiteral("admin"), QString(kPassword))).document);
  // Another client ends the same session (as an administrator revoking it would).
  const auto ended = Call("POST", "/api/v1/auth/logout", api.token().toStdString(), "{}");
  ASSERT_EQ(ended.status, 200) << ended.body;

  QSignalSpy expired(&api, &ApiClient::SessionExpired);
  // An open form's save and a read are both in flight when the session turns out to be over.
  auto save = Watch(api.Post(QStringLiteral("/api/v1/audit/verify"), QJsonObject{}));
  auto read = Watch(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(expired.wait(20'000));
  EXPECT_TRUE(QTest::qWaitFor([&] { return api.held_count() == 2; }, 20'000));
  EXPECT_EQ(api.held_count(), 2);
  QTest::qWait(300);
  EXPECT_EQ(expired.count(), 1);  // once, however many calls were held
  EXPECT_FALSE(save->ended);      // held, not failed
  EXPECT_FALSE(read->ended);

  const CallOutcome again = Wait(session.Login(QStringLiteral("admin"), QString(kPassword)));
  ASSERT_TRUE(again.document);
  session.Reauthenticated();
  ASSERT_TRUE(WaitEnded(save));
  ASSERT_TRUE(WaitEnded(read));
  ASSERT_TRUE(read->document) << read->error->en.toStdString();
  EXPECT_EQ(read->document->object().value("login").toString(), QStringLiteral("admin"));
  ASSERT_TRUE(save->document) << save->error->en.toStdString();
  EXPECT_EQ(save->status, 202);
  const qint64 job_id = save->document->object().value("id").toInteger();
  EXPECT_GT(job_id, 0);
  EXPECT_EQ(api.held_count(), 0);

  // The save was sent with an idempotency key, stored with its response for this user.
  pqxx::work tx(db());
  const auto keys =
      tx.exec1("SELECT count(*) FROM idempotency_keys WHERE status = 202")[0].as<int>();
  EXPECT_EQ(keys, 1);

  // A later expiry is signalled again.
  const auto ended2 = Call("POST", "/api/v1/auth/logout", api.token().toStdString(), "{}");
  ASSERT_EQ(ended2.status, 200);
  auto third = Watch(api.Get(QStringLiteral("/api/v1/me")));
  ASSERT_TRUE(expired.wait(20'000));
  EXPECT_EQ(expired.count(), 2);
  // The user gives up: held calls fail with the reason given.
  api.DropHeld(client::NetworkError(QStringLiteral("auth.token_expired"), QStringLiteral("kk"),
                                    QStringLiteral("ru"), QStringLiteral("en")));
  ASSERT_TRUE(third->ended);
  ASSERT_TRUE(third->error);
  EXPECT_EQ(third->error->code, QStringLiteral("auth.token_expired"));
}

TEST_F(ApiClientTest, JobWatcherFollowsAJobToItsEnd) {
  ApiClient api;
  api.SetProfile(PinnedProfile());
  api.SetToken(QString::fromStdString(admin_token_));
  const CallOutcome started = Wait(api.Post(QStringLiteral("/api/v1/audit/verify"), QJsonObject{}));
  ASSERT_TRUE(started.document) << started.error->en.toStdString();
  const qint64 id = started.document->object().value("id").toInteger();
  client::JobWatcher watcher(&api, id);
  QSignalSpy progress(&watcher, &client::JobWatcher::progress);
  QSignalSpy finished(&watcher, &client::JobWatcher::finished);
  ASSERT_TRUE(finished.wait(60'000));
  const QJsonObject job = finished.first().at(0).toJsonObject();
  EXPECT_EQ(job.value("id").toInteger(), id);
  EXPECT_EQ(job.value("status").toString(), QStringLiteral("succeeded"));
  EXPECT_GE(progress.count(), 1);
  EXPECT_FALSE(watcher.active());

  // A job that does not exist fails the watcher with the server's error.
  client::JobWatcher missing(&api, id + 1000);
  QSignalSpy failed(&missing, &client::JobWatcher::failed);
  ASSERT_TRUE(failed.wait(20'000));
  EXPECT_EQ(failed.first().at(0).value<ApiError>().status, 404);
}

TEST(ProfileStoreTest, SavesAndLoadsProfiles) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("client.ini"));
  client::ConnectionProfile a;
  a.name = QStringLiteral("Аудан");
  a.server = QUrl(QStringLiteral("https://esep.local:8443"));
  a.trust = TrustMode::kPinned;
  a.pinned_sha256 = "ab01";
  a.last_login = QStringLiteral("buh");
  client::ConnectionProfile b;
  b.name = QStringLiteral("Облыс");
  b.server = QUrl(QStringLiteral("https://10.0.0.5"));
  b.trust = TrustMode::kCaFile;
  b.ca_file = QStringLiteral("/etc/esep/ca.pem");
  {
    QSettings settings(path, QSettings::IniFormat);
    client::ProfileStore(&settings).Save({a, b});
  }
  QSettings settings(path, QSettings::IniFormat);
  const auto loaded = client::ProfileStore(&settings).Load();
  ASSERT_EQ(loaded.size(), 2);
  EXPECT_EQ(loaded[0].name, a.name);
  EXPECT_EQ(loaded[0].server, a.server);
  EXPECT_EQ(loaded[0].trust, TrustMode::kPinned);
  EXPECT_EQ(loaded[0].pinned_sha256, a.pinned_sha256);
  EXPECT_EQ(loaded[0].last_login, a.last_login);
  EXPECT_EQ(loaded[1].trust, TrustMode::kCaFile);
  EXPECT_EQ(loaded[1].ca_file, b.ca_file);
  EXPECT_EQ(client::FormatFingerprint("ab01ff"), QStringLiteral("AB:01:FF"));
}

}  // namespace
}  // namespace esep::testing
