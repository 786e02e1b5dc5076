#include "esep/server/server_app.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include "esep/db/connection_pool.hpp"
#include "esep/db/embedded_cluster.hpp"
#include "esep/reports/catalog.hpp"
#include "esep/reports/pdf_rendering.hpp"
#include "esep/server/dispatcher.hpp"
#include "esep/server/event_hub.hpp"
#include "esep/server/events_endpoint.hpp"
#include "esep/server/job_runner.hpp"
#include "esep/server/metrics.hpp"
#include "esep/server/router.hpp"
#include "esep/server/session_cache.hpp"

namespace esep::server {

struct ServerApp::Parts {
  std::unique_ptr<db::EmbeddedCluster> cluster;
  bool started_cluster = false;
  std::string dsn;
  std::unique_ptr<db::ConnectionPool> pool;
  Metrics metrics;
  EventHub hub;
  SessionCache sessions;
  std::unique_ptr<SecurityListener> security_listener;
  std::unique_ptr<JobRunner> jobs;
  Router router;
  std::unique_ptr<Dispatcher> dispatcher;
  std::unique_ptr<HttpsServer> https;
  bool stopped = false;
};

ServerSettings SettingsFromConfig(const core::Config& config) {
  ServerSettings settings;
  settings.https.listen = config.GetString("server.listen");
  settings.https.port = static_cast<unsigned short>(config.GetInt("server.port"));
  settings.https.workers = static_cast<unsigned>(config.GetInt("server.workers"));
  settings.dsn = config.GetString("database.dsn");
  settings.data_dir = config.GetPath("database.data_dir");
  settings.pool_size = static_cast<std::size_t>(config.GetInt("database.pool_size"));
  settings.job_workers = static_cast<unsigned>(config.GetInt("jobs.workers"));
  settings.api.job_retention_days = static_cast<int>(config.GetInt("jobs.retention_days"));
  settings.forms_dir = config.GetPath("forms.dir");
  settings.https.certificate = config.GetPath("server.tls_cert");
  settings.https.private_key = config.GetPath("server.tls_key");
  if (settings.https.certificate.empty())
    settings.https.certificate = settings.data_dir / "tls" / "server.crt";
  if (settings.https.private_key.empty())
    settings.https.private_key = settings.data_dir / "tls" / "server.key";
  return settings;
}

ServerApp::ServerApp(ServerSettings settings)
    : settings_(std::move(settings)), parts_(std::make_unique<Parts>()) {}

ServerApp::~ServerApp() { Stop(std::chrono::milliseconds(0)); }

core::Status ServerApp::Start() {
  Parts& p = *parts_;
  // Templates first: a broken one stops the server before anything else has started, with
  // the file and line in the error.
  const std::filesystem::path forms_dir =
      settings_.forms_dir.empty() ? reports::DefaultFormsDir() : settings_.forms_dir;
  auto catalog = reports::ReportCatalog::Load(forms_dir, reports::BuiltinDataSources());
  if (!catalog) return catalog.error();
  settings_.api.report_catalog =
      std::make_shared<const reports::ReportCatalog>(std::move(catalog.value()));
  spdlog::info("report templates: {} from {}", settings_.api.report_catalog->templates().size(),
               forms_dir.string());
  // Jobs paint PDFs on their own threads; the fonts are loaded here, on the thread that
  // created the QGuiApplication (esep-server's main). Without one (tests of other areas)
  // reports are produced as JSON and XLSX only.
  if (auto pdf = reports::PreparePdfRendering(); !pdf) {
    if (pdf.error().code != "print.no_gui_application") return pdf.error();
    spdlog::warn("no QGuiApplication: reports are not printed to PDF");
  }
  p.dsn = settings_.dsn;
  if (p.dsn.empty()) {
    p.cluster =
        std::make_unique<db::EmbeddedCluster>(db::ClusterOptions{.dir = settings_.data_dir});
    if (!p.cluster->IsRunning()) {
      if (auto status = p.cluster->Start(); !status) return status;
      p.started_cluster = true;
    }
    p.dsn = p.cluster->ConnectionString("esep");
  }
  const std::string role = settings_.app_role;
  p.pool = std::make_unique<db::ConnectionPool>(
      p.dsn, settings_.pool_size, [role](pqxx::connection& connection) {
        // Every request runs as the unprivileged role, so row-level security holds even if a
        // query forgets its institution filter.
        // set_variable, not a plain SET: libpqxx re-applies it if it ever reopens the
        // connection by itself, so a reconnect can never leave it running as the login role.
        connection.set_variable("role", connection.quote_name(role));
      });
  p.jobs = std::make_unique<JobRunner>(*p.pool, p.hub, settings_.job_workers);
  AddAllRoutes(p.router, *p.pool, p.metrics, settings_.api, *p.jobs);
  // After a security change anywhere (this process, another server, esep-admin): forget
  // cached sessions, and drop event connections, whose clients reconnect and are checked
  // again. The listener connects as the login role itself: LISTEN needs no tenant rights.
  auto security_changed = [&p] {
    p.sessions.Clear();
    p.hub.CloseAll();
  };
  p.security_listener = std::make_unique<SecurityListener>(p.dsn, p.sessions, security_changed);
  p.dispatcher = std::make_unique<Dispatcher>(
      p.router, *p.pool, p.metrics, settings_.api.session_policy, &p.sessions, security_changed);
  p.https = std::make_unique<HttpsServer>(
      settings_.https, [&p](HttpRequest& request) { return p.dispatcher->Handle(request); },
      EventsEndpoint(*p.pool, p.hub, settings_.api.session_policy));
  try {
    p.jobs->Start();
  } catch (const std::exception& e) {
    core::Error error = core::MakeError(
        "server.jobs", "Фондық тапсырмаларды іске қосу мүмкін болмады (esep-admin migrate?)",
        "Не удалось запустить фоновые задания (esep-admin migrate?)",
        "Cannot start the background jobs (esep-admin migrate?)", "database");
    error.details = e.what();
    return error;
  }
  if (auto status = p.https->Start(); !status) return status;
  spdlog::info("esep-server listening on https://{}:{} ({} routes)", settings_.https.listen,
               p.https->port(), p.router.routes().size());
  return core::Status::Ok();
}

unsigned short ServerApp::port() const { return parts_->https ? parts_->https->port() : 0; }
const Router& ServerApp::router() const { return parts_->router; }
const std::string& ServerApp::dsn() const { return parts_->dsn; }

void ServerApp::Stop(std::chrono::milliseconds grace) {
  Parts& p = *parts_;
  if (p.stopped) return;
  p.stopped = true;
  p.hub.CloseAll();
  if (p.https) {
    p.https->Shutdown(grace);
    p.https->Wait();
  }
  // Job workers and the security listener reach event sockets, which live on the HTTPS
  // server's io_context: both threads are joined before that context (and the sockets with
  // it) is destroyed.
  if (p.jobs) p.jobs->Stop();
  p.jobs.reset();
  p.security_listener.reset();
  p.https.reset();
  p.pool.reset();
  if (p.cluster && p.started_cluster) {
    if (auto status = p.cluster->Stop(); !status)
      spdlog::error("stopping the database: {}", status.error().details);
  }
  spdlog::info("esep-server stopped");
}

}  // namespace esep::server
