// Benchmark of the desktop client's generic list on a million rows (issue: desktop client,
// "a list of a million rows opens at once and scrolls smoothly"). Starts a throwaway demo
// server from the binaries of this build (esep-admin init + demo, esep-server), adds
// 1,000,000 audit rows with one SQL statement over the embedded cluster's socket, then, in a
// QTableView over PagedListModel (offscreen unless QT_QPA_PLATFORM says otherwise), times:
//   - catalog + first rows visible: GET /api/v1/lists, the model set up, until every row of
//     the viewport has its data;
//   - scrolling: 100 jumps to random rows, 200 page-downs of the viewport and 100 steps of
//     one model page (200 rows), each until the viewport's rows have data;
//   - the longest the GUI thread was busy in one go while scrolling (a frame's worst case).
//   client_list_bench [--rows N] [--bin DIR]     (DIR: esep-server/esep-admin; default
//                                                 <this exe>/../bin)

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSslCertificate>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "esep/client/api_call.hpp"
#include "esep/client/api_client.hpp"
#include "esep/client/connection_profile.hpp"
#include "esep/client/list_catalog.hpp"
#include "esep/client/paged_list_model.hpp"
#include "esep/client/session.hpp"

namespace {

using esep::client::ApiCall;
using esep::client::PagedListModel;

constexpr int kTimeoutMs = 60'000;
const QString kPassword = QStringLiteral("Bench-2026-pass");

[[noreturn]] void Fail(const QString& what) {
  QTextStream(stderr) << "client_list_bench: " << what << Qt::endl;
  std::exit(1);
}

void Run(const QString& program, const QStringList& args) {
  QProcess process;
  process.setProcessChannelMode(QProcess::MergedChannels);
  process.start(program, args);
  if (!process.waitForFinished(600'000) || process.exitCode() != 0) {
    Fail(program + QLatin1Char(' ') + args.join(QLatin1Char(' ')) + QStringLiteral(": ") +
         QString::fromLocal8Bit(process.readAll()));
  }
}

QString PsqlProgram() {
  QStringList versions =
      QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
  std::sort(versions.begin(), versions.end(),
            [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
  for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
    const QString psql = QStringLiteral("/usr/lib/postgresql/%1/bin/psql").arg(*it);
    if (QFile::exists(psql)) return psql;
  }
  return QStringLiteral("psql");
}

int FreePort() {
  QTcpServer probe;
  if (!probe.listen(QHostAddress::LocalHost, 0)) Fail(QStringLiteral("no free port"));
  return probe.serverPort();
}

// Runs the event loop until `done` holds. Every pass through the loop is timed: the longest
// one is how long the window could not repaint (the scroll's worst frame).
class Loop {
 public:
  Loop() {
    tick_.setInterval(1);
    tick_.start();  // wakes the loop, so `done` is checked at least every millisecond
  }
  bool WaitFor(const std::function<bool()>& done, int timeout_ms = kTimeoutMs) {
    QElapsedTimer total;
    total.start();
    while (!done()) {
      if (total.elapsed() > timeout_ms) return false;
      QElapsedTimer pass;
      pass.start();
      QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
      longest_pass_ns_ = std::max(longest_pass_ns_, pass.nsecsElapsed());
    }
    return true;
  }
  void ResetLongestPass() { longest_pass_ns_ = 0; }
  double longest_pass_ms() const { return static_cast<double>(longest_pass_ns_) / 1e6; }

 private:
  QTimer tick_;
  qint64 longest_pass_ns_ = 0;
};

QJsonDocument Await(Loop& loop, ApiCall* call, const QString& what) {
  bool ended = false;
  QJsonDocument result;
  QString error;
  QObject::connect(call, &ApiCall::finished, [&](const QJsonDocument& document) {
    result = document;
    ended = true;
  });
  QObject::connect(call, &ApiCall::failed, [&](const esep::client::ApiError& e) {
    error = e.code + QStringLiteral(": ") + e.en;
    ended = true;
  });
  if (!loop.WaitFor([&] { return ended; })) Fail(what + QStringLiteral(": timed out"));
  if (!error.isEmpty()) Fail(what + QStringLiteral(": ") + error);
  return result;
}

// Every row the view shows has its data.
bool ViewportLoaded(const QTableView& view, const PagedListModel& model) {
  if (model.rowCount() == 0) return false;
  const int first = std::max(view.rowAt(0), 0);
  int last = view.rowAt(view.viewport()->height() - 1);
  if (last < 0) last = model.rowCount() - 1;
  for (int row = first; row <= last; row += PagedListModel::kPageSize - 1) {
    if (!model.IsRowLoaded(row)) return false;
  }
  return model.IsRowLoaded(last);
}

struct Figures {
  double median, p95, max;
};

Figures Summarize(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) {
    return ms[std::min(ms.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  return {at(0.5), at(0.95), ms.back()};
}

}  // namespace

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QCommandLineParser parser;
  const QCommandLineOption rows_option(QStringLiteral("rows"), QStringLiteral("Audit rows to add."),
                                       QStringLiteral("n"), QStringLiteral("1000000"));
  const QCommandLineOption bin_option(QStringLiteral("bin"),
                                      QStringLiteral("Folder of esep-server and esep-admin."),
                                      QStringLiteral("dir"));
  parser.addHelpOption();
  parser.addOptions({rows_option, bin_option});
  parser.process(app);
  const qint64 rows = parser.value(rows_option).toLongLong();
  const QString bin =
      parser.isSet(bin_option)
          ? parser.value(bin_option)
          : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../bin"));
  const QString admin = QDir(bin).filePath(QStringLiteral("esep-admin"));
  const QString server_exe = QDir(bin).filePath(QStringLiteral("esep-server"));

  QTemporaryDir temp(QDir::temp().filePath(QStringLiteral("esep-client-bench-XXXXXX")));
  if (!temp.isValid()) Fail(QStringLiteral("no temporary directory"));
  // As root the cluster runs as postgres, which must be able to enter the directory.
  QFile::setPermissions(temp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                         QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                         QFile::ExeOther);
  const QString data = temp.filePath(QStringLiteral("data"));
  const QString password_file = temp.filePath(QStringLiteral("password"));
  {
    QFile file(password_file);
    if (!file.open(QIODevice::WriteOnly)) Fail(QStringLiteral("cannot write ") + password_file);
    file.write(kPassword.toUtf8() + '\n');
  }
  Run(admin, {QStringLiteral("--data-dir"), data, QStringLiteral("init"),
              QStringLiteral("--admin-password-file"), password_file});
  Run(admin, {QStringLiteral("--data-dir"), data, QStringLiteral("demo"),
              QStringLiteral("--password-file"), password_file});

  const int port = FreePort();
  QProcess server;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("ESEP_LOG_LEVEL"), QStringLiteral("warn"));
  server.setProcessEnvironment(env);
  server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  server.setStandardOutputFile(QProcess::nullDevice());
  server.start(server_exe, {QStringLiteral("--data-dir"), data, QStringLiteral("--port"),
                            QString::number(port)});
  if (!server.waitForStarted()) Fail(QStringLiteral("esep-server did not start"));
  // The server stops its database when it stops; esep-admin stop is the fallback.
  const auto stop = [&] {
    server.terminate();
    if (!server.waitForFinished(30'000)) server.kill();
    QProcess::execute(admin, {QStringLiteral("--data-dir"), data, QStringLiteral("stop")});
  };

  Loop loop;
  esep::client::ApiClient api;
  esep::client::ConnectionProfile profile;
  profile.server = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
  profile.trust = esep::client::TrustMode::kPinned;
  const auto certificates = QSslCertificate::fromPath(data + QStringLiteral("/tls/server.crt"));
  if (certificates.isEmpty()) Fail(QStringLiteral("no server certificate"));
  profile.pinned_sha256 = esep::client::CertificateSha256(certificates.first());
  api.SetProfile(profile);

  QElapsedTimer clock;
  clock.start();
  bool healthy = false;
  while (!healthy && clock.elapsed() < kTimeoutMs) {
    bool ended = false;
    ApiCall* call = api.Get(QStringLiteral("/api/v1/health"));
    QObject::connect(call, &ApiCall::finished, [&] { healthy = ended = true; });
    QObject::connect(call, &ApiCall::failed, [&] { ended = true; });
    loop.WaitFor([&] { return ended; });
    if (!healthy) {
      if (server.state() == QProcess::NotRunning) Fail(QStringLiteral("esep-server exited"));
      QElapsedTimer pause;
      pause.start();
      loop.WaitFor([&] { return pause.elapsed() >= 100; });
    }
  }
  if (!healthy) Fail(QStringLiteral("esep-server did not answer"));

  // One statement, as bench/list_paging_bench.sh: audit rows spread over the demo's
  // institutions, then what autovacuum would have done before anyone scrolls.
  clock.restart();
  const QString sql =
      QStringLiteral(
          "INSERT INTO audit_log (kind, action, org_id, entity, entity_id, at, prev_hash, hash) "
          "SELECT 'mutation', (ARRAY['bench.read', 'bench.write', 'bench.post'])[g % 3 + 1], "
          "orgs[g % array_length(orgs, 1) + 1], 'document', (g % 5000)::text, "
          "timestamptz '2026-01-01T00:00:00Z' + g * interval '30 seconds', "
          "sha256(g::text::bytea), sha256(('bench/' || g)::bytea) "
          "FROM generate_series(1, %1) AS g, "
          "(SELECT array_agg(id ORDER BY id) AS orgs FROM institutions) AS o")
          .arg(rows);
  const QStringList psql = {QStringLiteral("-h"),   data,
                            QStringLiteral("-p"),   QStringLiteral("5432"),
                            QStringLiteral("-U"),   QStringLiteral("esep"),
                            QStringLiteral("-d"),   QStringLiteral("esep"),
                            QStringLiteral("-v"),   QStringLiteral("ON_ERROR_STOP=1"),
                            QStringLiteral("-qAt"), QStringLiteral("-c")};
  Run(PsqlProgram(), psql + QStringList{sql});
  Run(PsqlProgram(), psql + QStringList{QStringLiteral("VACUUM ANALYZE audit_log")});
  std::printf("generated %lld audit rows (+ VACUUM ANALYZE): %lld ms\n", rows, clock.elapsed());

  esep::client::Session session(&api);
  Await(loop, session.Login(QStringLiteral("administrator"), kPassword), QStringLiteral("login"));

  QTableView view;
  view.resize(1200, 760);
  view.horizontalHeader()->setStretchLastSection(true);
  view.show();
  loop.WaitFor([] { return true; });

  // Catalog + first rows visible, as the client opens a list.
  clock.restart();
  esep::client::ListCatalog catalog(&api);
  bool catalog_ready = false;
  QObject::connect(&catalog, &esep::client::ListCatalog::loaded, [&] { catalog_ready = true; });
  QObject::connect(
      &catalog, &esep::client::ListCatalog::failed,
      [](const esep::client::ApiError& e) { Fail(QStringLiteral("catalog: ") + e.code); });
  catalog.Load();
  if (!loop.WaitFor([&] { return catalog_ready; })) Fail(QStringLiteral("catalog timed out"));
  const double catalog_ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
  const esep::client::ListInfo* audit = catalog.Find(QStringLiteral("audit"));
  if (audit == nullptr) Fail(QStringLiteral("no audit list for administrator"));
  PagedListModel model(&api, audit->name);
  model.SetColumns(audit->columns);
  model.SetLanguage(QStringLiteral("ru"));
  view.setModel(&model);
  model.SetQuery({});
  if (!loop.WaitFor([&] { return ViewportLoaded(view, model); }))
    Fail(QStringLiteral("first rows timed out"));
  const double first_ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
  const int total = model.rowCount();
  const int visible = view.rowAt(view.viewport()->height() - 1) - view.rowAt(0) + 1;
  std::printf(
      "list 'audit': %d rows, %d visible; catalog %.1f ms, catalog + first rows visible %.1f ms\n",
      total, visible, catalog_ms, first_ms);
  if (total < rows) Fail(QStringLiteral("the list has fewer rows than were added"));

  QScrollBar* bar = view.verticalScrollBar();
  const auto measure = [&](const char* name, int steps, const std::function<int(int)>& target) {
    std::vector<double> ms;
    loop.ResetLongestPass();
    int fetched = 0;
    for (int step = 0; step < steps; ++step) {
      const int row = std::clamp(target(step), 0, bar->maximum());
      QElapsedTimer timer;
      timer.start();
      bar->setValue(row);
      if (!ViewportLoaded(view, model)) ++fetched;
      if (!loop.WaitFor([&] { return ViewportLoaded(view, model); }))
        Fail(QStringLiteral("scrolling timed out at row %1").arg(row));
      ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    const Figures f = Summarize(ms);
    std::printf(
        "%-34s %3d steps (%3d needed a fetch): median %6.1f ms  p95 %6.1f ms  max %6.1f ms;"
        "  longest GUI-thread pass %5.1f ms\n",
        name, steps, fetched, f.median, f.p95, f.max, loop.longest_pass_ms());
  };

  QRandomGenerator random(20261123);
  measure("random jumps", 100, [&](int) { return random.bounded(bar->maximum() + 1); });
  const int start = total / 3;
  measure("page-down (viewport) from 1/3", 200,
          [&](int step) { return start + (step + 1) * bar->pageStep(); });
  const int second = total * 2 / 3;
  measure("next model page (200 rows)", 100,
          [&](int step) { return second + (step + 1) * PagedListModel::kPageSize; });
  std::printf("cached pages at the end: %d (limit %d)\n", model.cached_pages(),
              PagedListModel::kCachedPages);

  stop();
  return 0;
}
