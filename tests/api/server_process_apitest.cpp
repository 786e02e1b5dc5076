// The esep-server binary as an administrator runs it: on its embedded cluster, stopped by
// SIGTERM under load, and facing a PostgreSQL restart under load. No acknowledged write
// may be lost, and no postgres process of the data directory may be left behind.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <fstream>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#include "api_test.hpp"
#include "esep/db/embedded_cluster.hpp"
#include "esep/db/process.hpp"

namespace esep::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class ServerProcess {
 public:
  explicit ServerProcess(const std::filesystem::path& data_dir) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    const std::string dir = data_dir.string();
    std::vector<char*> argv = {const_cast<char*>(ESEP_SERVER_EXE),
                               const_cast<char*>("--data-dir"),
                               const_cast<char*>(dir.c_str()),
                               const_cast<char*>("--port"),
                               const_cast<char*>("0"),
                               nullptr};
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("cannot fork");
    if (pid_ == 0) {
      // If this test process dies, the server must not outlive it.
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      dup2(fds[1], STDOUT_FILENO);
      execv(ESEP_SERVER_EXE, argv.data());
      _exit(127);
    }
    close(fds[1]);
    // The server prints "esep-server: https://ADDRESS:PORT/api/v1/health" once it serves.
    std::string line;
    char c = 0;
    while (read(fds[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    close(fds[0]);
    const auto colon = line.rfind(':');
    const auto slash = line.find("/api");
    if (colon == std::string::npos || slash == std::string::npos)
      throw std::runtime_error("no port in: " + line);
    port_ = static_cast<unsigned short>(std::stoi(line.substr(colon + 1, slash - colon - 1)));
  }
  ~ServerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      Wait();
    }
  }
  unsigned short port() const { return port_; }
  void Terminate() { kill(pid_, SIGTERM); }
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

class ServerProcessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Short: the unix socket path inside it must stay under ~100 bytes.
    static int counter = 0;
    dir_ = TestCluster().run_dir() / ("srv" + std::to_string(++counter));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_.parent_path());
    const auto password = TestCluster().run_dir() / "demo-password.txt";
    std::ofstream(password) << "Demo-2026-esep\n";
    for (std::vector<std::string> args :
         {std::vector<std::string>{"init", "--admin-password-file", password.string()},
          std::vector<std::string>{"demo", "--password-file", password.string()}}) {
      args.insert(args.begin(), {ESEP_ADMIN_EXE, "--data-dir", dir_.string()});
      auto result = db::RunProcess(args);
      ASSERT_EQ(result.exit_code, 0) << result.output;
    }
  }
  void TearDown() override {
    (void)db::EmbeddedCluster(db::ClusterOptions{.dir = dir_}).Stop();
    std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<HttpsClient> Client(const ServerProcess& server) {
    return std::make_unique<HttpsClient>("127.0.0.1", server.port(), dir_ / "tls" / "server.crt");
  }
  std::string Token(HttpsClient& client) {
    auto reply = client.Request("POST", "/api/v1/auth/login",
                                R"({"login":"administrator","password":"Demo-2026-esep"})");
    if (reply.status != 200) throw std::runtime_error(reply.body);
    return std::string(reply.json().at("token").as_string());
  }
  std::int64_t DepartmentId(HttpsClient& client, const std::string& token) {
    auto list =
        client.Request("GET", "/api/v1/institutions", "", {{"Authorization", "Bearer " + token}});
    const json::value body = list.json();
    for (const auto& item : body.at("items").as_array()) {
      if (item.at("parent_id").is_null()) return item.at("id").as_int64();
    }
    throw std::runtime_error("no department");
  }

  // Writers create institutions until told to stop; returns the BINs the server acknowledged.
  struct Load {
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::vector<std::string> acknowledged;
    std::atomic<int> unavailable{0};
    std::atomic<int> after_recovery{0};
    std::atomic<bool> recovered{false};
    std::string first_refusal;  ///< a refusal other than 503 would be a bug: shown on failure
    std::vector<std::thread> threads;
  };
  void StartWriters(Load& load, const ServerProcess& server, const std::string& token,
                    std::int64_t parent) {
    for (int writer = 0; writer < 4; ++writer) {
      load.threads.emplace_back([&load, &server, token, parent, writer, this] {
        std::unique_ptr<HttpsClient> client;
        for (int i = 0; !load.stop; ++i) {
          const std::string bin = SyntheticBin(10000 + writer * 100000 / 4 + i * 3);
          const std::string body = json::serialize(json::object{{"bin", bin},
                                                                {"name_kk", "Мектеп " + bin},
                                                                {"name_ru", "Школа " + bin},
                                                                {"kind", "kgu"},
                                                                {"budget_level", 3},
                                                                {"parent_id", parent}});
          try {
            if (!client) client = Client(server);
            auto reply = client->Request("POST", "/api/v1/institutions", body,
                                         {{"Authorization", "Bearer " + token}});
            if (reply.status == 201) {
              std::lock_guard lock(load.mutex);
              load.acknowledged.push_back(bin);
              if (load.recovered) ++load.after_recovery;
            } else if (reply.status != 503) {
              std::lock_guard lock(load.mutex);
              if (load.first_refusal.empty()) load.first_refusal = reply.body;
            } else if (reply.status == 503) {
              ++load.unavailable;
              std::this_thread::sleep_for(20ms);
            }
          } catch (const std::exception&) {
            client.reset();  // connection refused or closed: the server is going away
            std::this_thread::sleep_for(20ms);
          }
        }
      });
    }
  }
  static void StopWriters(Load& load) {
    load.stop = true;
    for (auto& thread : load.threads) thread.join();
  }
  void ExpectAllPresent(const std::vector<std::string>& bins) {
    db::EmbeddedCluster cluster(db::ClusterOptions{.dir = dir_});
    ASSERT_TRUE(cluster.Start());
    pqxx::connection connection(cluster.ConnectionString("esep"));
    pqxx::work tx(connection);
    for (const auto& bin : bins) {
      EXPECT_EQ(
          tx.exec_params1("SELECT count(*) FROM institutions WHERE bin = $1", bin)[0].as<int>(), 1)
          << "acknowledged but lost: " << bin;
    }
  }

  std::filesystem::path dir_;
};

TEST_F(ServerProcessTest, SigtermUnderLoadFinishesInFlightWorkAndStopsItsDatabase) {
  ServerProcess server(dir_);
  auto client = Client(server);
  const std::string token = Token(*client);
  const auto parent = DepartmentId(*client, token);
  Load load;
  StartWriters(load, server, token, parent);
  std::this_thread::sleep_for(1500ms);
  server.Terminate();
  EXPECT_EQ(server.Wait(), 0) << "a graceful stop exits 0";
  StopWriters(load);
  EXPECT_GT(load.acknowledged.size(), 5u) << load.first_refusal;
  EXPECT_FALSE(db::EmbeddedCluster(db::ClusterOptions{.dir = dir_}).IsRunning())
      << "the server stops the cluster it started";
  ExpectAllPresent(load.acknowledged);
}

TEST_F(ServerProcessTest, APostgresRestartUnderLoadGives503ThenRecoversWithoutLosingWrites) {
  ServerProcess server(dir_);
  auto client = Client(server);
  const std::string token = Token(*client);
  const auto parent = DepartmentId(*client, token);
  Load load;
  StartWriters(load, server, token, parent);
  std::this_thread::sleep_for(800ms);
  db::EmbeddedCluster cluster(db::ClusterOptions{.dir = dir_});
  ASSERT_TRUE(cluster.Stop());
  std::this_thread::sleep_for(700ms);
  EXPECT_EQ(client->Request("GET", "/api/v1/health", "").status, 503) << "the database is down";
  ASSERT_TRUE(cluster.Start());
  load.recovered = true;
  std::this_thread::sleep_for(1500ms);
  EXPECT_EQ(client->Request("GET", "/api/v1/health", "").status, 200)
      << "recovered without a restart";
  StopWriters(load);
  EXPECT_GT(load.unavailable.load(), 0) << "writes during the outage were refused with 503";
  EXPECT_GT(load.after_recovery.load(), 0)
      << "writes succeed again after the restart: " << load.first_refusal;
  server.Terminate();
  EXPECT_EQ(server.Wait(), 0);
  ExpectAllPresent(load.acknowledged);
}

}  // namespace
}  // namespace esep::testing
