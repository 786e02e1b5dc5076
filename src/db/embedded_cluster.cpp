#include "esep/db/embedded_cluster.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "esep/db/pg_binaries.hpp"
#include "esep/db/process.hpp"

namespace esep::db {
namespace {

// sun_path is 108 bytes on Linux; PostgreSQL needs room for the socket file name.
constexpr std::size_t kMaxSocketPath = 100;

core::Error ClusterError(const std::string& code, const std::string& kk, const std::string& ru,
                         const std::string& en, const std::string& details) {
  core::Error error = core::MakeError(code, kk, ru, en, "data_dir");
  error.details = details;
  return error;
}

std::string PathOf(const std::filesystem::path& path) { return path.string(); }

// libpq conninfo value: single-quoted, with \ and ' escaped, so any path is safe.
std::string ConninfoValue(const std::string& value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return quoted + "'";
}

}  // namespace

EmbeddedCluster::EmbeddedCluster(ClusterOptions options) : options_(std::move(options)) {
  options_.dir = std::filesystem::absolute(options_.dir).lexically_normal();
}

bool EmbeddedCluster::IsInitialized() const {
  std::error_code ec;
  return std::filesystem::exists(DataDir() / "PG_VERSION", ec);
}

std::vector<std::string> EmbeddedCluster::AsClusterOwner(std::vector<std::string> argv) const {
  if (!RunningAsRoot()) return argv;
  std::vector<std::string> wrapped = {"runuser", "-u", options_.os_user_when_root, "--"};
  wrapped.insert(wrapped.end(), argv.begin(), argv.end());
  return wrapped;
}

core::Status EmbeddedCluster::PrepareDirectory() {
  const std::string socket = PathOf(options_.dir / (".s.PGSQL." + std::to_string(options_.port)));
  if (socket.size() > kMaxSocketPath) {
    return ClusterError("db.cluster.path_too_long",
                        "Деректер каталогының жолы тым ұзын (unix-сокет үшін ең көбі " +
                            std::to_string(kMaxSocketPath) + " байт): " + PathOf(options_.dir),
                        "Слишком длинный путь каталога данных (для unix-сокета не более " +
                            std::to_string(kMaxSocketPath) + " байт): " + PathOf(options_.dir),
                        "The data directory path is too long for a unix socket (at most " +
                            std::to_string(kMaxSocketPath) + " bytes): " + PathOf(options_.dir),
                        socket);
  }
  std::error_code ec;
  std::filesystem::create_directories(options_.dir, ec);
  if (ec) {
    return ClusterError("db.cluster.mkdir",
                        "Деректер каталогын жасау мүмкін болмады: " + PathOf(options_.dir),
                        "Не удалось создать каталог данных: " + PathOf(options_.dir),
                        "Cannot create the data directory: " + PathOf(options_.dir), ec.message());
  }
  if (!RunningAsRoot()) {
    std::filesystem::permissions(options_.dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    return core::Status::Ok();
  }
  // As root the cluster belongs to the postgres account, which must own the directory
  // and be able to reach it through every parent (a home directory under /root is not).
  const passwd* owner = getpwnam(options_.os_user_when_root.c_str());
  if (owner == nullptr) {
    return ClusterError("db.cluster.no_os_user",
                        "`" + options_.os_user_when_root +
                            "` жүйелік пайдаланушысы жоқ; `postgresql` пакетін орнатыңыз.",
                        "Нет системного пользователя `" + options_.os_user_when_root +
                            "`; установите пакет `postgresql`.",
                        "There is no `" + options_.os_user_when_root +
                            "` system user; install the `postgresql` package.",
                        options_.os_user_when_root);
  }
  if (chown(options_.dir.c_str(), owner->pw_uid, owner->pw_gid) != 0 ||
      chmod(options_.dir.c_str(), 0700) != 0) {
    return ClusterError("db.cluster.chown", "Деректер каталогының иесін өзгерту мүмкін болмады.",
                        "Не удалось сменить владельца каталога данных.",
                        "Cannot change the owner of the data directory.", PathOf(options_.dir));
  }
  ProcessResult probe = RunProcess(AsClusterOwner({"test", "-w", PathOf(options_.dir)}));
  if (probe.exit_code != 0) {
    return ClusterError("db.cluster.unreachable",
                        "`" + options_.os_user_when_root +
                            "` пайдаланушысы каталогқа кіре алмайды: " + PathOf(options_.dir) +
                            ". Басқа каталогты таңдаңыз (мысалы, /var/lib/esep).",
                        "Пользователь `" + options_.os_user_when_root +
                            "` не может войти в каталог: " + PathOf(options_.dir) +
                            ". Выберите другой каталог (например, /var/lib/esep).",
                        "The `" + options_.os_user_when_root +
                            "` user cannot reach the directory: " + PathOf(options_.dir) +
                            ". Choose another one (e.g. /var/lib/esep).",
                        probe.output);
  }
  return core::Status::Ok();
}

core::Status EmbeddedCluster::Init() {
  if (IsInitialized()) return core::Status::Ok();
  if (core::Status prepared = PrepareDirectory(); !prepared) return prepared;
  auto bin = FindPgBinDir();
  if (!bin) return bin.error();

  std::vector<std::string> argv = {PathOf(*bin / "initdb"),
                                   "-D",
                                   PathOf(DataDir()),
                                   "-U",
                                   options_.superuser,
                                   "-A",
                                   "trust",
                                   "-E",
                                   "UTF8",
                                   "--locale=C.UTF-8"};
  if (options_.throwaway) argv.push_back("--no-sync");
  ProcessResult result = RunProcess(AsClusterOwner(argv));
  if (result.exit_code != 0) {
    return ClusterError("db.cluster.initdb", "PostgreSQL кластерін жасау мүмкін болмады (initdb).",
                        "Не удалось создать кластер PostgreSQL (initdb).",
                        "Cannot create the PostgreSQL cluster (initdb).", result.output);
  }
  // Socket-only, owner-only access; durability stays on unless the cluster is throwaway.
  std::ofstream conf(DataDir() / "postgresql.auto.conf", std::ios::app);
  conf << "listen_addresses = ''\n"
       << "unix_socket_directories = '" << PathOf(options_.dir) << "'\n"
       << "unix_socket_permissions = 0700\n"
       << "port = " << options_.port << "\n";
  if (options_.throwaway) {
    conf << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
  }
  if (!conf) {
    return ClusterError("db.cluster.config", "Кластер баптауларын жазу мүмкін болмады.",
                        "Не удалось записать настройки кластера.",
                        "Cannot write the cluster settings.", PathOf(DataDir()));
  }
  return core::Status::Ok();
}

core::Status EmbeddedCluster::RunPgCtl(const std::vector<std::string>& args,
                                       const std::string& what) {
  auto bin = FindPgBinDir();
  if (!bin) return bin.error();
  std::vector<std::string> argv = {PathOf(*bin / "pg_ctl"), "-D", PathOf(DataDir())};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult result = RunProcess(AsClusterOwner(argv));
  if (result.exit_code == 0) return core::Status::Ok();
  std::string log_tail;
  if (std::ifstream log(LogFile()); log) {
    log_tail.assign(std::istreambuf_iterator<char>(log), {});
    if (log_tail.size() > 4000) log_tail.erase(0, log_tail.size() - 4000);
  }
  return ClusterError(
      "db.cluster." + what,
      "PostgreSQL кластерімен әрекет орындалмады (" + what + "). Журнал: " + PathOf(LogFile()),
      "Не удалось выполнить действие с кластером PostgreSQL (" + what +
          "). Журнал: " + PathOf(LogFile()),
      "PostgreSQL cluster action failed (" + what + "). Log: " + PathOf(LogFile()),
      result.output + "\n" + log_tail);
}

bool EmbeddedCluster::IsRunning() const {
  auto bin = FindPgBinDir();
  if (!bin || !IsInitialized()) return false;
  // pg_ctl status exits 0 when a postmaster for this data directory is alive.
  return RunProcess(AsClusterOwner({PathOf(*bin / "pg_ctl"), "-D", PathOf(DataDir()), "status"}))
             .exit_code == 0;
}

core::Status EmbeddedCluster::Start() {
  if (!IsInitialized()) {
    return ClusterError(
        "db.cluster.not_initialized",
        "Деректер каталогында кластер жоқ: " + PathOf(options_.dir) + " (алдымен esep-admin init).",
        "В каталоге данных нет кластера: " + PathOf(options_.dir) + " (сначала esep-admin init).",
        "There is no cluster in the data directory: " + PathOf(options_.dir) +
            " (run esep-admin init first).",
        PathOf(DataDir()));
  }
  if (IsRunning()) return core::Status::Ok();
  if (core::Status prepared = PrepareDirectory(); !prepared) return prepared;
  return RunPgCtl({"-l", PathOf(LogFile()), "-w", "-t", "60", "start"}, "start");
}

core::Status EmbeddedCluster::Stop() {
  if (!IsRunning()) return core::Status::Ok();
  return RunPgCtl({"-m", "fast", "-w", "-t", "60", "stop"}, "stop");
}

core::Status EmbeddedCluster::StopImmediately() {
  if (!IsRunning()) return core::Status::Ok();
  return RunPgCtl({"-m", "immediate", "-w", "-t", "30", "stop"}, "stop");
}

std::string EmbeddedCluster::ConnectionString(const std::string& database) const {
  return "host=" + ConninfoValue(PathOf(options_.dir)) + " port=" + std::to_string(options_.port) +
         " user=" + ConninfoValue(options_.superuser) + " dbname=" + ConninfoValue(database);
}

}  // namespace esep::db
