// esep-server: the application server. `esep-server --help` for the options.
#include <pthread.h>
#include <QGuiApplication>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>

#include "esep/core/config.hpp"
#include "esep/core/logging.hpp"
#include "esep/server/server_app.hpp"

namespace {

constexpr const char* kHelp = R"(esep-server — Esep application server (HTTPS JSON API)

Usage: esep-server [--config FILE] [--data-dir DIR] [--port N] [--listen ADDRESS]

  --config FILE     configuration file (docs/config.md); ESEP_* environment variables override it
  --data-dir DIR    data directory: the embedded PostgreSQL cluster (used when no database.dsn
                    is configured; started if not running and stopped on exit) and tls/
  --port N          HTTPS port (default 8443; 0 = any free port, printed at start)
  --listen ADDRESS  address to listen on (default 127.0.0.1)

Prepare a data directory first with: esep-admin --data-dir DIR init
Stops gracefully on SIGTERM or SIGINT: in-flight requests finish, new ones are refused.
)";

int Usage(const std::string& message) {
  std::cerr << "esep-server: " << message << "\n\n" << kHelp;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string config_file, data_dir, port, listen;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kHelp;
      return 0;
    }
    std::string* target = arg == "--config"     ? &config_file
                          : arg == "--data-dir" ? &data_dir
                          : arg == "--port"     ? &port
                          : arg == "--listen"   ? &listen
                                                : nullptr;
    if (target == nullptr) return Usage("unknown option " + arg);
    if (i + 1 >= argc) return Usage(arg + " needs a value");
    *target = argv[++i];
  }

  // Command-line options are overrides of config keys, applied like environment ones.
  std::map<std::string, std::string> overrides;
  if (!data_dir.empty()) overrides["ESEP_DATABASE_DATA_DIR"] = data_dir;
  if (!listen.empty()) overrides["ESEP_SERVER_LISTEN"] = listen;
  const esep::core::Environment process = esep::core::ProcessEnvironment();
  const esep::core::Environment environment =
      [&](std::string_view name) -> std::optional<std::string> {
    if (auto it = overrides.find(std::string(name)); it != overrides.end()) return it->second;
    return process(name);
  };
  const auto schema = esep::core::EsepSchema();
  auto config = config_file.empty() ? esep::core::Config::Parse("", "defaults", schema, environment)
                                    : esep::core::Config::Load(config_file, schema, environment);
  if (!config) {
    std::cerr << "esep-server: " << config.error().message.ru << " / " << config.error().message.en
              << " [" << config.error().field << "] " << config.error().details << "\n";
    return 2;
  }
  if (auto logging = esep::core::InitLogging(esep::core::LogOptionsFromConfig(*config)); !logging) {
    std::cerr << "esep-server: " << logging.error().message.en << "\n";
    return 2;
  }

  // Reports are painted into PDFs by Qt, which needs a QGuiApplication; the server has no
  // display, so the offscreen platform is forced. The application is created here, on the
  // main thread, before any worker exists; ServerApp::Start loads the fonts on this thread.
  setenv("QT_QPA_PLATFORM", "offscreen", 1);
  int qt_argc = 1;
  char* qt_argv[] = {argv[0], nullptr};
  QGuiApplication gui(qt_argc, qt_argv);

  // Block the stop signals in every thread; this one waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto settings = esep::server::SettingsFromConfig(*config);
  if (!port.empty()) {
    // 0 asks the kernel for a free port (tests, several servers on one machine); the
    // configuration file keeps 1..65535 because a fixed port is what clients are given.
    const bool digits =
        port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
    const long value = digits ? std::stol(port) : -1;
    if (value < 0 || value > 65535) return Usage("--port must be 0..65535");
    settings.https.port = static_cast<unsigned short>(value);
  }
  esep::server::ServerApp app(settings);
  if (auto started = app.Start(); !started) {
    std::cerr << "esep-server: " << started.error().message.ru << " / "
              << started.error().message.en << "\n"
              << started.error().details << "\n";
    return 1;
  }
  std::cout << "esep-server: https://" << esep::server::SettingsFromConfig(*config).https.listen
            << ":" << app.port() << "/api/v1/health" << std::endl;
  int received = 0;
  sigwait(&stop_signals, &received);
  app.Stop();
  return 0;
}
