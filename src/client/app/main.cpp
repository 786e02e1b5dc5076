// esep-client: signs in (the login dialog, or --server/--login/--password-file for demos and
// tests) and opens the main window (--open: with a list; --screenshot: pictures, then quit).

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTextStream>
#include <QTimer>
#include <memory>
#include <utility>

#include "esep/client/api_client.hpp"
#include "esep/client/connection_profile.hpp"
#include "esep/client/paged_list_model.hpp"
#include "esep/client/session.hpp"
#include "esep/client/ui/language.hpp"
#include "esep/client/ui/list_page.hpp"
#include "esep/client/ui/login_dialog.hpp"
#include "esep/client/ui/main_window.hpp"

namespace {

using esep::client::ConnectionProfile;
using esep::client::TrustMode;
namespace ui = esep::client::ui;

// --screenshot gives the demo and the documentation pictures of the real application: the
// filled login dialog, then the main window once its list shows its first rows; then the
// application quits, so scripts can run it unattended.
constexpr int kPaintDelayMs = 700;
constexpr int kScreenshotTimeoutMs = 30'000;

void SaveScreenshot(QWidget* widget, const QString& directory, const QString& name) {
  QDir().mkpath(directory);
  const QString path =
      QDir(directory).filePath(QStringLiteral("%1-%2.png").arg(name, ui::Language::Current()));
  if (widget->grab().save(path)) {
    QTextStream(stdout) << "screenshot: " << path << Qt::endl;
  } else {
    QTextStream(stderr) << "esep-client: cannot write " << path << Qt::endl;
  }
}

// Takes the main window's picture (and quits) when `list` has its first page on screen, or
// at once after the catalog when no list is asked for.
void ScreenshotMainWindow(ui::MainWindow* window, const QString& directory, const QString& list) {
  const QString name =
      list.isEmpty() ? QStringLiteral("main-window") : QStringLiteral("main-") + list;
  auto scheduled = std::make_shared<bool>(false);  // loading may end more than once
  auto shoot = [window, directory, name, scheduled] {
    if (std::exchange(*scheduled, true)) return;
    QTimer::singleShot(kPaintDelayMs, window, [window, directory, name] {
      SaveScreenshot(window, directory, name);
      QApplication::quit();
    });
  };
  QObject::connect(window, &ui::MainWindow::ready, window, [window, list, shoot] {
    if (list.isEmpty()) return shoot();
    ui::ListPage* page = window->tabs()->findChild<ui::ListPage*>();
    if (page == nullptr) return shoot();  // not allowed: main() said so on stderr
    if (page->model()->rowCount() > 0 || !page->model()->loading()) return shoot();
    QObject::connect(page->model(), &esep::client::PagedListModel::loadingChanged, window,
                     [shoot](bool loading) {
                       if (!loading) shoot();
                     });
  });
  QTimer::singleShot(kScreenshotTimeoutMs, window, [window, directory, name] {
    QTextStream(stderr) << "esep-client: the window was not ready in time" << Qt::endl;
    SaveScreenshot(window, directory, name);
    QApplication::exit(2);
  });
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Esep"));
  QApplication::setApplicationName(QStringLiteral("esep-client"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Esep desktop client"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption server_option(QStringLiteral("server"),
                                         QStringLiteral("Server URL (https://host:port)."),
                                         QStringLiteral("url"));
  const QCommandLineOption pin_option(
      QStringLiteral("pin"), QStringLiteral("SHA-256 of the server certificate to trust (hex)."),
      QStringLiteral("sha256"));
  const QCommandLineOption login_option(QStringLiteral("login"), QStringLiteral("Login."),
                                        QStringLiteral("login"));
  const QCommandLineOption password_option(
      QStringLiteral("password-file"), QStringLiteral("File holding the password (first line)."),
      QStringLiteral("file"));
  const QCommandLineOption lang_option(QStringLiteral("lang"),
                                       QStringLiteral("Interface language: kk, ru or en."),
                                       QStringLiteral("code"));
  const QCommandLineOption screenshot_option(
      QStringLiteral("screenshot"),
      QStringLiteral("Save screenshots (login-<lang>.png, main-<list>-<lang>.png) into this "
                     "directory, then quit."),
      QStringLiteral("dir"));
  const QCommandLineOption open_option(
      QStringLiteral("open"),
      QStringLiteral("Open this list after signing in (institutions, audit, jobs, ...)."),
      QStringLiteral("list"));
  parser.addOptions({server_option, pin_option, login_option, password_option, lang_option,
                     screenshot_option, open_option});
  parser.process(app);

  QSettings settings;
  const QString lang =
      parser.value(lang_option).isEmpty()
          ? settings.value(QStringLiteral("language"), QStringLiteral("ru")).toString()
          : parser.value(lang_option);
  if (!ui::Language::Switch(lang)) ui::Language::Switch(QStringLiteral("ru"));

  esep::client::ApiClient api;
  esep::client::Session session(&api);
  esep::client::ProfileStore store(&settings);
  ui::LoginDialog login(&api, &session, &store);

  QString password;
  if (parser.isSet(password_option)) {
    QFile file(parser.value(password_option));
    if (file.open(QIODevice::ReadOnly)) password = QString::fromUtf8(file.readLine()).trimmed();
  }
  if (parser.isSet(server_option)) {
    ConnectionProfile profile;
    profile.server = QUrl(parser.value(server_option));
    profile.trust = TrustMode::kPinned;
    profile.pinned_sha256 = parser.value(pin_option).toLower().remove(QLatin1Char(':')).toLatin1();
    login.Prefill(profile, parser.value(login_option), password);
  }
  const QString screenshots = parser.value(screenshot_option);
  const bool auto_connect = parser.isSet(server_option) && !password.isEmpty();
  login.show();
  if (!screenshots.isEmpty()) {
    QTimer::singleShot(kPaintDelayMs, &login, [&login, &screenshots, auto_connect] {
      SaveScreenshot(&login, screenshots, QStringLiteral("login"));
      if (auto_connect) login.Connect();
    });
  } else if (auto_connect) {
    QTimer::singleShot(0, &login, &ui::LoginDialog::Connect);
  }
  if (login.exec() != QDialog::Accepted) return 1;

  ui::MainWindow window(&api, &session);
  const QString open_list = parser.value(open_option);
  if (!open_list.isEmpty()) {
    QObject::connect(&window, &ui::MainWindow::ready, &window, [&window, &open_list] {
      if (window.OpenList(open_list) == nullptr)
        QTextStream(stderr) << "esep-client: no list '" << open_list << "' for this user"
                            << Qt::endl;
    });
  }
  if (!screenshots.isEmpty()) ScreenshotMainWindow(&window, screenshots, open_list);
  window.show();
  window.Start();
  const int code = QApplication::exec();
  settings.setValue(QStringLiteral("language"), ui::Language::Current());
  return code;
}
