// The desktop client end to end, as a user drives it, against a real server (ApiTest: an
// in-process esep-server over a throwaway PostgreSQL database) on an X display (xvfb-run):
// sign in, trust the pinned certificate, open a list, page far down, search, export to XLSX,
// keep the saved layout, survive an expired session, switch language.
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "api_test.hpp"
#include "esep/client/api_client.hpp"
#include "esep/client/connection_profile.hpp"
#include "esep/client/paged_list_model.hpp"
#include "esep/client/session.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/list_page.hpp"
#include "esep/client/ui/login_dialog.hpp"
#include "esep/client/ui/main_window.hpp"
#include "esep/client/ui/navigation_panel.hpp"
#include "esep/client/ui/relogin_dialog.hpp"
#include "esep/client/ui/trust_dialog.hpp"
#include "esep/platform/access.hpp"
#include "esep/platform/actor.hpp"
#include "esep/platform/institutions.hpp"
#include "esep/platform/users.hpp"

namespace esep::testing {
namespace {

namespace ui = client::ui;

constexpr int kSchools = 600;
constexpr int kWaitMs = 30'000;

class ClientGuiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    // Settings (profiles, list layouts) in this test's own directory.
    ASSERT_TRUE(settings_dir_.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir_.path());
    pqxx::work tx(db());
    platform::ApplyActor(tx, platform::Actor::System("test"));
    for (int i = 1; i <= kSchools; ++i) {
      platform::InstitutionInput input;
      input.bin = SyntheticBin(1000 + i * 7);
      input.name_ru = QStringLiteral("Мектеп № %1").arg(i, 4, 10, QLatin1Char('0')).toStdString();
      input.name_kk = input.name_ru + " (kk)";
      input.kind = platform::InstitutionKind::kKgu;
      input.budget_level = 3;
      input.parent = department_;
      auto created = platform::CreateInstitution(tx, platform::Actor::System("test"), input);
      ASSERT_TRUE(created) << created.error().message.en << " " << created.error().details;
    }
    // The administrator also prints and exports (reports.read) as a chief accountant would.
    auto admin = platform::FindUserByLogin(tx, "admin");
    ASSERT_TRUE(admin);
    ASSERT_TRUE(platform::GrantRole(tx, platform::Actor::System("test"), admin->id,
                                    "chief_accountant", department_, true));
    tx.commit();
  }

  QSslCertificate Certificate() const {
    return QSslCertificate::fromPath(QString::fromStdString(cert_.string())).value(0);
  }

  QTemporaryDir settings_dir_;
};

// Types text key by key like a keyboard would, Cyrillic and Kazakh letters included
// (QTest::keyClicks maps only ASCII to keys).
void TypeText(QWidget* widget, const QString& text) {
  for (const QChar c : text) {
    QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
  }
}

TEST_F(ClientGuiTest, SignInBrowseSearchExportAndRelogin) {
  ASSERT_TRUE(ui::Language::Switch(QStringLiteral("kk")));
  client::ApiClient api;
  client::Session session(&api);
  QSettings settings;
  client::ProfileStore store(&settings);

  // 1. The login dialog: type the server, login and password; no certificate pinned yet.
  ui::LoginDialog login(&api, &session, &store);
  login.show();
  login.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&login));
  auto* server = login.findChild<QLineEdit*>(QStringLiteral("server"));
  auto* login_edit = login.findChild<QLineEdit*>(QStringLiteral("login"));
  auto* password = login.findChild<QLineEdit*>(QStringLiteral("password"));
  ASSERT_TRUE(server && login_edit && password);
  server->selectAll();
  QTest::keyClicks(server, QStringLiteral("https://127.0.0.1:%1").arg(server_->port()));
  login_edit->clear();
  QTest::keyClicks(login_edit, QStringLiteral("admin"));

  // An empty password is refused in the dialog itself, next to the field, in Kazakh.
  QTest::keyClick(login_edit, Qt::Key_Return);
  auto* error = login.findChild<QLabel*>(QStringLiteral("error"));
  ASSERT_NE(error, nullptr);
  EXPECT_TRUE(error->isVisible());
  EXPECT_EQ(error->text(), QStringLiteral("Құпиясөзді енгізіңіз."));
  EXPECT_FALSE(password->styleSheet().isEmpty());

  QTest::keyClicks(password, QString::fromLatin1(kPassword));
  QTest::keyClick(password, Qt::Key_Return);

  // 2. The server's certificate is unknown: the trust dialog shows its fingerprint.
  ui::TrustDialog* trust = nullptr;
  ASSERT_TRUE(QTest::qWaitFor([&] { return (trust = login.trustDialog()) != nullptr; }, kWaitMs));
  const QByteArray expected_pin = client::CertificateSha256(Certificate());
  EXPECT_EQ(trust->fingerprint(), expected_pin);
  auto* fingerprint = trust->findChild<QLabel*>(QStringLiteral("fingerprint"));
  ASSERT_NE(fingerprint, nullptr);
  EXPECT_EQ(fingerprint->text(), client::FormatFingerprint(expected_pin));
  QTest::mouseClick(trust->trustButton(), Qt::LeftButton);

  // 3. Signed in; the pin is stored in the profile.
  ASSERT_TRUE(QTest::qWaitFor([&] { return login.result() == QDialog::Accepted; }, kWaitMs))
      << error->text().toStdString();
  ASSERT_EQ(store.Load().size(), 1);
  EXPECT_EQ(store.Load().first().pinned_sha256, expected_pin);
  EXPECT_EQ(store.Load().first().last_login, QStringLiteral("admin"));

  // 4. The main window: sections, later modules disabled with a tooltip.
  ui::MainWindow window(&api, &session);
  QSignalSpy ready(&window, &ui::MainWindow::ready);
  window.show();
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  window.Start();
  ASSERT_TRUE(ready.wait(kWaitMs));
  ui::NavigationPanel* navigation = window.navigation();
  ASSERT_EQ(navigation->topLevelItemCount(), 6);
  QTreeWidgetItem* payroll = navigation->topLevelItem(1)->child(3);
  EXPECT_FALSE(payroll->flags() & Qt::ItemIsEnabled);
  EXPECT_EQ(payroll->toolTip(0), QStringLiteral("Кейінгі нұсқада қолжетімді болады"));
  QTreeWidgetItem* institutions_item = navigation->ItemForList(QStringLiteral("institutions"));
  ASSERT_NE(institutions_item, nullptr);
  ASSERT_TRUE(institutions_item->flags() & Qt::ItemIsEnabled);

  // 5. Open the institutions from the keyboard: the list shows every row the server has.
  navigation->setFocus();
  navigation->setCurrentItem(institutions_item);
  QTest::keyClick(navigation, Qt::Key_Return);
  ASSERT_EQ(window.tabs()->count(), 1);
  auto* page = qobject_cast<ui::ListPage*>(window.tabs()->currentWidget());
  ASSERT_NE(page, nullptr);
  client::PagedListModel* model = page->model();
  const int total = kSchools + 3;
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return model->rowCount() == total && model->IsRowLoaded(0); }, kWaitMs))
      << model->rowCount() << " " << page->errorText().toStdString();
  EXPECT_FALSE(model->index(0, 0).data().toString().isEmpty());

  // 6. Far down: the view asks for the last page when it scrolls there.
  page->view()->scrollToBottom();
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        return model->IsRowLoaded(total - 1) &&
               !model->index(total - 1, 0).data().toString().isEmpty();
      },
      kWaitMs));

  // 7. Quick search (Ctrl+F): applied 300 ms after the last key, not before.
  QTest::keyClick(page->view(), Qt::Key_F, Qt::ControlModifier);
  EXPECT_TRUE(page->searchBox()->hasFocus());
  TypeText(page->searchBox(), QStringLiteral("Мектеп № 012"));
  EXPECT_TRUE(model->query().search.isEmpty());
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return model->rowCount() == 10 && model->IsRowLoaded(9); }, kWaitMs))
      << model->rowCount() << " " << page->errorText().toStdString();
  EXPECT_EQ(model->query().search, QStringLiteral("Мектеп № 012"));

  // 8. Export to XLSX through the server's report job: a real workbook (a zip).
  const QString xlsx = QDir(settings_dir_.path()).filePath(QStringLiteral("institutions.xlsx"));
  QSignalSpy exported(page, &ui::ListPage::exported);
  page->ExportTo(QStringLiteral("xlsx"), xlsx);
  ASSERT_TRUE(QTest::qWaitFor([&] { return exported.count() > 0 || !page->errorText().isEmpty(); },
                              120'000));
  ASSERT_EQ(exported.count(), 1) << page->errorText().toStdString();
  ASSERT_TRUE(QFile::exists(xlsx));
  QProcess unzip;
  unzip.start(QStringLiteral("unzip"), {QStringLiteral("-l"), xlsx});
  ASSERT_TRUE(unzip.waitForFinished(30'000));
  EXPECT_EQ(unzip.exitCode(), 0);
  EXPECT_TRUE(unzip.readAllStandardOutput().contains("xl/worksheets/sheet1.xml"));

  // 9. Screenshot of the main window, for a person to look at.
  const QString shots = qEnvironmentVariable("ESEP_GUI_SCREENSHOT_DIR", settings_dir_.path());
  QDir().mkpath(shots);
  ASSERT_TRUE(window.grab().save(QDir(shots).filePath(QStringLiteral("main-window-kk.png"))));

  // 10. The layout is the user's: a column hidden and a width changed come back after
  // Esc closed the tab and the list is opened again.
  QHeaderView* header = page->view()->horizontalHeader();
  header->resizeSection(1, 333);
  header->setSectionHidden(2, true);
  window.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
  page->view()->setFocus();
  QTest::keyClick(page->view(), Qt::Key_Escape);
  ASSERT_EQ(window.tabs()->count(), 0);
  QApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
  page = window.OpenList(QStringLiteral("institutions"));
  ASSERT_NE(page, nullptr);
  header = page->view()->horizontalHeader();
  EXPECT_EQ(header->sectionSize(1), 333);
  EXPECT_TRUE(header->isSectionHidden(2));
  model = page->model();
  ASSERT_TRUE(QTest::qWaitFor([&] { return model->rowCount() == total; }, kWaitMs));

  // 11. The session is revoked on the server: the re-login dialog keeps the window and its
  // tab; after the password, the held refresh goes through.
  {
    pqxx::work tx(db());
    tx.exec0("UPDATE sessions SET revoked_at = now() WHERE revoked_at IS NULL");
    tx.commit();
  }
  // The server forgets cached sessions when PostgreSQL's notice of the change arrives, a
  // few milliseconds after the commit: wait for it, or the refresh may still be let in.
  const std::string token = api.token().toStdString();
  ASSERT_TRUE(QTest::qWaitFor([&] { return Call("GET", "/api/v1/me", token).status == 401; },
                              kWaitMs));
  // The refresh action itself (F5's action): with another GUI test on a second Xvfb at the
  // same time, the F5 key event was sometimes not turned into the shortcut (1 run in 3 under
  // ctest -j2), while what this step tests is the re-login.
  QAction* refresh = page->findChild<QAction*>(QStringLiteral("refresh"));
  ASSERT_NE(refresh, nullptr);
  refresh->trigger();
  ui::ReloginDialog* relogin = nullptr;
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return (relogin = window.reloginDialog()) != nullptr; }, kWaitMs));
  EXPECT_EQ(window.tabs()->count(), 1);
  QTest::keyClicks(relogin->findChild<QLineEdit*>(QStringLiteral("password")),
                   QString::fromLatin1(kPassword));
  QTest::mouseClick(relogin->findChild<QPushButton*>(QStringLiteral("signIn")), Qt::LeftButton);
  ASSERT_TRUE(QTest::qWaitFor([&] { return window.reloginDialog() == nullptr; }, kWaitMs));
  ASSERT_TRUE(
      QTest::qWaitFor([&] { return model->rowCount() == total && !model->loading(); }, kWaitMs));
  EXPECT_EQ(window.tabs()->count(), 1);

  // 12. Russian at run time: the open window follows.
  ASSERT_TRUE(ui::Language::Switch(QStringLiteral("ru")));
  QApplication::processEvents();
  EXPECT_EQ(window.windowTitle(), QStringLiteral("Esep — бюджетный учёт"));
  ASSERT_TRUE(window.grab().save(QDir(shots).filePath(QStringLiteral("main-window-ru.png"))));
}

}  // namespace
}  // namespace esep::testing
