#include "esep/db/pg_binaries.hpp"

#include <cstdlib>
#include <sstream>
#include <string>
#include <system_error>

namespace esep::db {
namespace {

constexpr int kMinimumMajor = 15;

bool HasPgCtl(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::exists(dir / "pg_ctl", ec) && std::filesystem::exists(dir / "initdb", ec);
}

core::Error NotFound(const std::string& details) {
  core::Error error = core::MakeError(
      "db.postgres_not_found",
      "PostgreSQL " + std::to_string(kMinimumMajor) +
          " серверлік бағдарламалары табылмады (initdb, pg_ctl). `postgresql` пакетін орнатыңыз "
          "немесе ESEP_PG_BINDIR көрсетіңіз.",
      "Не найдены серверные программы PostgreSQL " + std::to_string(kMinimumMajor) +
          " (initdb, pg_ctl). Установите пакет `postgresql` или укажите ESEP_PG_BINDIR.",
      "PostgreSQL " + std::to_string(kMinimumMajor) +
          " server programs (initdb, pg_ctl) not found. Install the `postgresql` package or "
          "set ESEP_PG_BINDIR.");
  error.details = details;
  return error;
}

}  // namespace

core::Result<std::filesystem::path> FindPgBinDir() {
  if (const char* env = std::getenv("ESEP_PG_BINDIR"); env != nullptr && *env != '\0') {
    if (HasPgCtl(env)) return std::filesystem::path(env);
    return NotFound(std::string("ESEP_PG_BINDIR=") + env);
  }
  std::error_code ec;
  int best_major = 0;
  std::filesystem::path best;
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
    int major = std::atoi(entry.path().filename().c_str());
    if (major >= kMinimumMajor && major > best_major && HasPgCtl(entry.path() / "bin")) {
      best_major = major;
      best = entry.path() / "bin";
    }
  }
  if (!best.empty()) return best;

  if (const char* path = std::getenv("PATH"); path != nullptr) {
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
      if (!dir.empty() && HasPgCtl(dir)) return std::filesystem::path(dir);
    }
  }
  return NotFound("searched /usr/lib/postgresql/*/bin and PATH");
}

}  // namespace esep::db
