#include "esep/core/config.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace esep::core {
namespace {

namespace fs = std::filesystem;

Environment NoEnv() { return MapEnvironment({}); }

Result<Config> ParseEsep(std::string_view text, const Environment& env = NoEnv()) {
  return Config::Parse(text, "esep.conf", EsepSchema(), env);
}

// Asserts that `text` fails with `code` at `field`, and that all three messages are there.
void ExpectError(const Result<Config>& result, std::string_view code, std::string_view field) {
  ASSERT_FALSE(result.ok()) << "expected " << code;
  EXPECT_EQ(result.error().code, code) << result.error().message.en;
  EXPECT_EQ(result.error().field, field) << result.error().message.en;
  EXPECT_FALSE(result.error().message.kk.empty());
  EXPECT_FALSE(result.error().message.ru.empty());
  EXPECT_FALSE(result.error().message.en.empty());
}

class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("esep_config_test_" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void WriteFile(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// docs/ sits two levels above this file (tests/unit/config_test.cpp).
fs::path DocsDir() { return fs::path(ESEP_SOURCE_DIR) / "docs"; }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// --- EsepSchema defaults ------------------------------------------------------------------

TEST(EsepSchemaTest, EmptyFileGivesDocumentedDefaults) {
  const Result<Config> config = ParseEsep("");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetString("server.listen"), "127.0.0.1");
  EXPECT_EQ(config->GetInt("server.port"), 8443);
  EXPECT_EQ(config->GetInt("server.workers"), 0);
  EXPECT_EQ(config->GetPath("server.tls_cert"), fs::path());
  EXPECT_EQ(config->GetPath("server.tls_key"), fs::path());
  EXPECT_EQ(config->GetString("database.dsn"), "");
  EXPECT_EQ(config->GetPath("database.data_dir"), fs::path("var/esep"));
  EXPECT_EQ(config->GetInt("database.pool_size"), 8);
  EXPECT_EQ(config->GetString("log.level"), "info");
  EXPECT_EQ(config->GetPath("log.file"), fs::path());
  EXPECT_FALSE(config->GetBool("log.json"));
  EXPECT_EQ(config->GetInt("log.max_size_mb"), 50);
  EXPECT_EQ(config->GetInt("log.max_files"), 10);
  EXPECT_TRUE(config->GetBool("log.console"));
  for (const std::string& key : config->Keys()) EXPECT_EQ(config->Source(key), "default") << key;
}

TEST(EsepSchemaTest, HasExactlyTheDocumentedKeys) {
  std::set<std::string> names;
  for (const ConfigKey& key : EsepSchema().keys()) {
    names.insert(key.name);
    EXPECT_FALSE(key.description.kk.empty()) << key.name;
    EXPECT_FALSE(key.description.ru.empty()) << key.name;
    EXPECT_FALSE(key.description.en.empty()) << key.name;
  }
  const std::set<std::string> expected = {
      "server.listen",  "server.port",  "server.workers",    "server.tls_cert",
      "server.tls_key", "database.dsn", "database.data_dir", "database.pool_size",
      "log.level",      "log.file",     "log.json",          "log.max_size_mb",
      "log.max_files",  "log.console",  "jobs.workers",      "jobs.retention_days",
      "forms.dir"};
  EXPECT_EQ(names, expected);
}

TEST(EsepSchemaTest, RangesMatchDocs) {
  ExpectError(ParseEsep("[server]\nport = 0\n"), "config.type", "esep.conf:2");
  ExpectError(ParseEsep("[server]\nport = 65536\n"), "config.type", "esep.conf:2");
  EXPECT_TRUE(ParseEsep("[server]\nport = 65535\n").ok());
  EXPECT_TRUE(ParseEsep("[server]\nport = 1\n").ok());
  ExpectError(ParseEsep("[database]\npool_size = 257\n"), "config.type", "esep.conf:2");
  ExpectError(ParseEsep("[log]\nmax_size_mb = 10241\n"), "config.type", "esep.conf:2");
  ExpectError(ParseEsep("[log]\nmax_files = 0\n"), "config.type", "esep.conf:2");
  ExpectError(ParseEsep("[log]\nlevel = verbose\n"), "config.type", "esep.conf:2");
}

// The docs are checked against the code so that neither can drift.
TEST(EsepSchemaTest, DocsListEveryKeyAndItsVariable) {
  const fs::path doc = DocsDir() / "config.md";
  ASSERT_TRUE(fs::exists(doc)) << doc;
  const std::string text = ReadFile(doc);
  for (const ConfigKey& key : EsepSchema().keys()) {
    // The key's row in the table: | `name` | type | `default` | range | `ENV` | meaning |
    const std::size_t row = text.find("\n| `" + key.name + "` |");
    ASSERT_NE(row, std::string::npos) << key.name << " has no row in config.md";
    const std::string line = text.substr(row + 1, text.find('\n', row + 1) - row - 1);
    const std::string shown_default = key.default_value.empty() ? "\"\"" : key.default_value;
    EXPECT_NE(line.find("| `" + shown_default + "` |"), std::string::npos) << line;
    EXPECT_NE(line.find("`" + ConfigEnvName(key.name) + "`"), std::string::npos) << line;
    if (key.type == ConfigType::kInt) {
      EXPECT_NE(line.find(fmt::format("| {}..{} |", key.min, key.max)), std::string::npos) << line;
    }
  }
}

TEST(EsepSchemaTest, ExampleFileLoadsAndSetsEveryKey) {
  const fs::path example = DocsDir() / "esep.conf.example";
  ASSERT_TRUE(fs::exists(example)) << example;
  const Result<Config> config = Config::Load(example, EsepSchema(), NoEnv());
  ASSERT_TRUE(config.ok()) << config.error().field << ": " << config.error().message.en;
  for (const std::string& key : config->Keys()) {
    EXPECT_NE(config->Source(key), "default") << key << " is missing from the example";
  }
}

// --- Happy path -----------------------------------------------------------------------------

TEST(ConfigParseTest, ReadsSectionsKeysAndComments) {
  const Result<Config> config = ParseEsep(
      "# Esep server\n"
      "; another comment style\n"
      "\n"
      "[server]\n"
      "listen = 0.0.0.0\n"
      "  port=9443   # trailing comment\n"
      "workers = 4 ; also a comment\n"
      "\n"
      "[ log ]\n"
      "level = DEBUG\n"
      "json = yes\n"
      "console = Off\n"
      "file = /var/log/esep/esep.log\n");
  ASSERT_TRUE(config.ok()) << config.error().field << ": " << config.error().message.en;
  EXPECT_EQ(config->GetString("server.listen"), "0.0.0.0");
  EXPECT_EQ(config->GetInt("server.port"), 9443);
  EXPECT_EQ(config->GetInt("server.workers"), 4);
  EXPECT_EQ(config->GetString("log.level"), "debug");  // canonical form
  EXPECT_TRUE(config->GetBool("log.json"));
  EXPECT_FALSE(config->GetBool("log.console"));
  EXPECT_EQ(config->GetPath("log.file"), fs::path("/var/log/esep/esep.log"));
  EXPECT_EQ(config->Source("server.listen"), "esep.conf:5");
  EXPECT_EQ(config->Source("server.port"), "esep.conf:6");
  EXPECT_EQ(config->Source("log.level"), "esep.conf:10");
  EXPECT_EQ(config->Source("database.pool_size"), "default");
}

TEST(ConfigParseTest, AllBoolSpellings) {
  for (const std::string_view yes : {"true", "TRUE", "yes", "Yes", "on", "1"}) {
    const Result<Config> config = ParseEsep("[log]\njson = " + std::string(yes) + "\n");
    ASSERT_TRUE(config.ok()) << yes;
    EXPECT_TRUE(config->GetBool("log.json")) << yes;
  }
  for (const std::string_view no : {"false", "False", "no", "NO", "off", "0"}) {
    const Result<Config> config = ParseEsep("[log]\njson = " + std::string(no) + "\n");
    ASSERT_TRUE(config.ok()) << no;
    EXPECT_FALSE(config->GetBool("log.json")) << no;
  }
}

TEST(ConfigParseTest, WindowsLineEndingsAndBom) {
  const Result<Config> config = ParseEsep("\xEF\xBB\xBF[server]\r\nport = 9000\r\n");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetInt("server.port"), 9000);
}

TEST(ConfigParseTest, NoTrailingNewlineAndReopenedSection) {
  const Result<Config> config =
      ParseEsep("[server]\nport = 9000\n[log]\njson = true\n[server]\nworkers = 2");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetInt("server.port"), 9000);
  EXPECT_EQ(config->GetInt("server.workers"), 2);
  EXPECT_EQ(config->Source("server.workers"), "esep.conf:6");
}

TEST(ConfigParseTest, EmptyValueIsAnEmptyString) {
  const Result<Config> config = ParseEsep("[database]\ndsn =\ndata_dir = \n");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetString("database.dsn"), "");
  EXPECT_EQ(config->GetPath("database.data_dir"), fs::path());
  EXPECT_EQ(config->Source("database.data_dir"), "esep.conf:3");
}

TEST(ConfigParseTest, Utf8ValuesKeptAsIs) {
  const Result<Config> config = ParseEsep("[database]\ndata_dir = /srv/есеп/деректер\n");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetPath("database.data_dir"), fs::path("/srv/есеп/деректер"));
}

TEST(ConfigParseTest, NegativeAndLeadingZeroIntegers) {
  ConfigSchema schema;
  schema.Add(ConfigKey::Int("a.offset", 0, -10, 10, {"к", "р", "e"}));
  const Result<Config> negative = Config::Parse("[a]\noffset = -7\n", "t", schema, NoEnv());
  ASSERT_TRUE(negative.ok()) << negative.error().message.en;
  EXPECT_EQ(negative->GetInt("a.offset"), -7);
  const Result<Config> zero = Config::Parse("[a]\noffset = 007\n", "t", schema, NoEnv());
  ASSERT_TRUE(zero.ok());
  EXPECT_EQ(zero->GetInt("a.offset"), 7);
  EXPECT_FALSE(Config::Parse("[a]\noffset = -11\n", "t", schema, NoEnv()).ok());
}

TEST(ConfigParseTest, TextAndKeys) {
  const Result<Config> config = ParseEsep("[log]\njson = on\n");
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->Text("log.json"), "true");
  EXPECT_EQ(config->Text("server.port"), "8443");
  EXPECT_EQ(config->Text("log.level"), "info");
  const std::vector<std::string> keys = config->Keys();
  EXPECT_EQ(keys.size(), EsepSchema().keys().size());
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
}

// --- Quoting --------------------------------------------------------------------------------

TEST(ConfigQuotingTest, QuotesKeepSpacesAndCommentCharacters) {
  const Result<Config> config = ParseEsep(
      "[database]\n"
      "dsn = \"  host=db password=a #b; c  \"   # a comment after the quote\n"
      "data_dir = \"\"\n");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetString("database.dsn"), "  host=db password=a #b; c  ");
  EXPECT_EQ(config->GetPath("database.data_dir"), fs::path());
}

TEST(ConfigQuotingTest, EscapedQuoteAndBackslash) {
  const Result<Config> config = ParseEsep(R"([database]
dsn = "say \"hi\" C:\\esep\\"
)");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetString("database.dsn"), R"(say "hi" C:\esep\)");
}

TEST(ConfigQuotingTest, HashWithoutSpaceIsPartOfBareValue) {
  const Result<Config> config = ParseEsep("[database]\ndsn = password=a#b;c\n");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetString("database.dsn"), "password=a#b;c");
}

TEST(ConfigQuotingTest, QuoteInsideBareValueIsLiteral) {
  const Result<Config> config = ParseEsep("[database]\ndsn = a\"b\n");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetString("database.dsn"), "a\"b");
}

TEST(ConfigQuotingTest, QuotedValuesAreTypeChecked) {
  const Result<Config> config = ParseEsep("[server]\nport = \"9443\"\n");
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetInt("server.port"), 9443);
  ExpectError(ParseEsep("[server]\nport = \" 9443\"\n"), "config.type", "esep.conf:2");
}

TEST(ConfigQuotingTest, UnterminatedQuote) {
  ExpectError(ParseEsep("[database]\ndsn = \"host=db\n"), "config.unterminated_quote",
              "esep.conf:2");
  // The escaped quote does not close the value.
  ExpectError(ParseEsep("[database]\ndsn = \"host=db\\\"\n"), "config.unterminated_quote",
              "esep.conf:2");
  // Nor can a final backslash escape the end of the line.
  ExpectError(ParseEsep("[database]\ndsn = \"host=db\\\n"), "config.unterminated_quote",
              "esep.conf:2");
}

TEST(ConfigQuotingTest, UnknownEscapeIsASyntaxError) {
  ExpectError(ParseEsep("[database]\ndsn = \"C:\\esep\"\n"), "config.syntax", "esep.conf:2");
}

TEST(ConfigQuotingTest, TextAfterClosingQuote) {
  ExpectError(ParseEsep("[database]\ndsn = \"a\" b\n"), "config.syntax", "esep.conf:2");
}

// --- Error paths ----------------------------------------------------------------------------

TEST(ConfigErrorTest, LineThatIsNeitherKeyNorSection) {
  ExpectError(ParseEsep("[server]\nport 8443\n"), "config.syntax", "esep.conf:2");
  ExpectError(ParseEsep("[server]\n= 8443\n"), "config.syntax", "esep.conf:2");
  ExpectError(ParseEsep("[server]\npo rt = 8443\n"), "config.syntax", "esep.conf:2");
  ExpectError(ParseEsep("\n\n[server\n"), "config.syntax", "esep.conf:3");
  ExpectError(ParseEsep("[]\n"), "config.syntax", "esep.conf:1");
  ExpectError(ParseEsep("[server] port = 1\n"), "config.syntax", "esep.conf:1");
}

TEST(ConfigErrorTest, KeyOutsideAnySection) {
  const Result<Config> result = ParseEsep("# header\nport = 8443\n[server]\n");
  ExpectError(result, "config.no_section", "esep.conf:2");
  EXPECT_EQ(result.error().details, "key=port");
}

TEST(ConfigErrorTest, UnknownKeySuggestsTheClosest) {
  const Result<Config> result = ParseEsep("[server]\nprot = 8443\n");
  ExpectError(result, "config.unknown_key", "esep.conf:2");
  EXPECT_NE(result.error().message.en.find("server.prot"), std::string::npos);
  EXPECT_NE(result.error().message.en.find("did you mean 'server.port'"), std::string::npos)
      << result.error().message.en;
  EXPECT_NE(result.error().message.ru.find("server.port"), std::string::npos);
  EXPECT_NE(result.error().message.kk.find("server.port"), std::string::npos);
}

TEST(ConfigErrorTest, UnknownKeyWithNothingClose) {
  const Result<Config> result = ParseEsep("[server]\nbanana_count = 3\n");
  ExpectError(result, "config.unknown_key", "esep.conf:2");
  EXPECT_EQ(result.error().message.en.find("did you mean"), std::string::npos);
}

TEST(ConfigErrorTest, KeysAreCaseSensitive) {
  const Result<Config> result = ParseEsep("[server]\nPort = 8443\n");
  ExpectError(result, "config.unknown_key", "esep.conf:2");
  EXPECT_NE(result.error().message.en.find("'server.port'"), std::string::npos);
}

TEST(ConfigErrorTest, UnknownSection) {
  ExpectError(ParseEsep("[sever]\n"), "config.unknown_section", "esep.conf:1");
}

TEST(ConfigErrorTest, DuplicateKeyNamesBothLines) {
  const Result<Config> result = ParseEsep("[server]\nport = 1\n\n[log]\n[server]\nport = 2\n");
  ExpectError(result, "config.duplicate", "esep.conf:6");
  EXPECT_NE(result.error().message.en.find("line 2"), std::string::npos);
  EXPECT_EQ(result.error().details, "key=server.port first_line=2");
}

TEST(ConfigErrorTest, WrongTypes) {
  const Result<Config> port = ParseEsep("[server]\nport = 80a\n");
  ExpectError(port, "config.type", "esep.conf:2");
  EXPECT_EQ(port.error().details, "key=server.port value=80a");
  EXPECT_NE(port.error().message.ru.find("от 1 до 65535"), std::string::npos);
  ExpectError(ParseEsep("[server]\nport =\n"), "config.type", "esep.conf:2");
  ExpectError(ParseEsep("[server]\nport = +80\n"), "config.type", "esep.conf:2");
  ExpectError(ParseEsep("[server]\nport = 8.0\n"), "config.type", "esep.conf:2");
  ExpectError(ParseEsep("[server]\nport = 99999999999999999999999\n"), "config.type",
              "esep.conf:2");
  const Result<Config> maybe = ParseEsep("[log]\njson = maybe\n");
  ExpectError(maybe, "config.type", "esep.conf:2");
  EXPECT_NE(maybe.error().message.en.find("maybe"), std::string::npos);
  const Result<Config> level = ParseEsep("[log]\nlevel = warning\n");
  ExpectError(level, "config.type", "esep.conf:2");
  EXPECT_NE(level.error().message.en.find("trace, debug, info, warn, error, off"),
            std::string::npos);
}

TEST(ConfigErrorTest, FirstErrorWins) {
  ExpectError(ParseEsep("[server]\nport = x\nworkers = y\n"), "config.type", "esep.conf:2");
}

TEST(ConfigErrorTest, NotUtf8) {
  // "Порт" in Windows-1251, in a comment: the whole file must be UTF-8.
  ExpectError(ParseEsep("[server]\n# \xCF\xEE\xF0\xF2\n"), "config.encoding", "esep.conf:2");
  // UTF-16LE, as Notepad saves "Unicode".
  ExpectError(ParseEsep(std::string_view("\xFF\xFE[\0s\0", 6)), "config.encoding", "esep.conf:1");
}

TEST(ConfigErrorTest, SourceNameIsUsedInField) {
  const Result<Config> result =
      Config::Parse("[server]\nport = x\n", "/etc/esep/esep.conf", EsepSchema(), NoEnv());
  ExpectError(result, "config.type", "/etc/esep/esep.conf:2");
}

// --- Environment overrides ------------------------------------------------------------------

TEST(ConfigEnvTest, EnvNames) {
  EXPECT_EQ(ConfigEnvName("server.port"), "ESEP_SERVER_PORT");
  EXPECT_EQ(ConfigEnvName("log.max_size_mb"), "ESEP_LOG_MAX_SIZE_MB");
  EXPECT_EQ(ConfigEnvName("a-b.c-d"), "ESEP_A_B_C_D");
}

TEST(ConfigEnvTest, OverrideWinsOverFileAndDefault) {
  const Result<Config> config =
      ParseEsep("[server]\nport = 9000\n", MapEnvironment({{"ESEP_SERVER_PORT", "9100"},
                                                           {"ESEP_LOG_LEVEL", "Warn"},
                                                           {"ESEP_LOG_JSON", "on"},
                                                           {"ESEP_DATABASE_DSN", " host=db "}}));
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetInt("server.port"), 9100);
  EXPECT_EQ(config->Source("server.port"), "env ESEP_SERVER_PORT");
  EXPECT_EQ(config->GetString("log.level"), "warn");
  EXPECT_EQ(config->Source("log.level"), "env ESEP_LOG_LEVEL");
  EXPECT_TRUE(config->GetBool("log.json"));
  // Environment values are taken verbatim: no trimming, no quotes, no comments.
  EXPECT_EQ(config->GetString("database.dsn"), " host=db ");
  EXPECT_EQ(config->Source("server.workers"), "default");
}

TEST(ConfigEnvTest, SetButEmptyOverridesToEmpty) {
  const Result<Config> config =
      ParseEsep("[log]\nfile = /var/log/esep.log\n", MapEnvironment({{"ESEP_LOG_FILE", ""}}));
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->GetPath("log.file"), fs::path());
  EXPECT_EQ(config->Source("log.file"), "env ESEP_LOG_FILE");
}

TEST(ConfigEnvTest, MalformedValueNamesTheVariable) {
  const Result<Config> result = ParseEsep("", MapEnvironment({{"ESEP_SERVER_PORT", "80a"}}));
  ExpectError(result, "config.type", "env ESEP_SERVER_PORT");
  EXPECT_NE(result.error().message.en.find("ESEP_SERVER_PORT"), std::string::npos);
  EXPECT_NE(result.error().message.ru.find("ESEP_SERVER_PORT"), std::string::npos);
  EXPECT_NE(result.error().message.kk.find("ESEP_SERVER_PORT"), std::string::npos);
  EXPECT_EQ(result.error().details, "key=server.port value=80a");

  ExpectError(ParseEsep("", MapEnvironment({{"ESEP_LOG_CONSOLE", "maybe"}})), "config.type",
              "env ESEP_LOG_CONSOLE");
  ExpectError(ParseEsep("", MapEnvironment({{"ESEP_LOG_LEVEL", "loud"}})), "config.type",
              "env ESEP_LOG_LEVEL");
  ExpectError(ParseEsep("", MapEnvironment({{"ESEP_DATABASE_DATA_DIR", "/srv/\xE5\xF1\xE5\xEF"}})),
              "config.encoding", "env ESEP_DATABASE_DATA_DIR");
}

TEST(ConfigEnvTest, EnvDoesNotExcuseABadFile) {
  ExpectError(ParseEsep("[server]\nport = x\n", MapEnvironment({{"ESEP_SERVER_PORT", "1"}})),
              "config.type", "esep.conf:2");
}

TEST(ConfigEnvTest, UnrelatedVariablesIgnored) {
  const Result<Config> config =
      ParseEsep("", MapEnvironment({{"ESEP_SERVER_PROT", "x"}, {"server.port", "1"}}));
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->GetInt("server.port"), 8443);
}

TEST(ConfigEnvTest, ProcessEnvironmentReadsRealVariables) {
  // PATH is set in every test environment; the variable below never is.
  const Environment env = ProcessEnvironment();
  EXPECT_TRUE(env("PATH").has_value());
  EXPECT_FALSE(env("ESEP_TEST_SURELY_UNSET_7f3a9c").has_value());
}

// --- Load -----------------------------------------------------------------------------------

TEST(ConfigLoadTest, LoadsAFile) {
  const TempDir dir;
  const fs::path file = dir.path() / "esep.conf";
  WriteFile(file, "[server]\nport = 9443\n");
  const Result<Config> config = Config::Load(file, EsepSchema(), NoEnv());
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  EXPECT_EQ(config->GetInt("server.port"), 9443);
  EXPECT_EQ(config->Source("server.port"), file.string() + ":2");
}

TEST(ConfigLoadTest, ErrorsInAFileNameIt) {
  const TempDir dir;
  const fs::path file = dir.path() / "esep.conf";
  WriteFile(file, "[server]\n\nport = 80a\n");
  ExpectError(Config::Load(file, EsepSchema(), NoEnv()), "config.type", file.string() + ":3");
}

TEST(ConfigLoadTest, MissingFileIsUnreadable) {
  const TempDir dir;
  const fs::path file = dir.path() / "absent.conf";
  const Result<Config> result = Config::Load(file, EsepSchema(), NoEnv());
  ExpectError(result, "config.unreadable", file.string());
  EXPECT_NE(result.error().details.find("No such file"), std::string::npos)
      << result.error().details;
}

TEST(ConfigLoadTest, DirectoryIsUnreadable) {
  const TempDir dir;
  ExpectError(Config::Load(dir.path(), EsepSchema(), NoEnv()), "config.unreadable",
              dir.path().string());
}

// --- Schema and getter misuse (programming errors) -----------------------------------------

TEST(ConfigSchemaTest, RejectsProgrammingErrors) {
  ConfigSchema schema;
  schema.Add(ConfigKey::Int("a.port", 1, 1, 10, {"к", "р", "e"}));
  EXPECT_THROW(schema.Add(ConfigKey::Int("a.port", 1, 1, 10, {"к", "р", "e"})),
               std::invalid_argument);
  EXPECT_THROW(schema.Add(ConfigKey::String("a.port", "", {})), std::invalid_argument);
  // ESEP_A_PORT_X does not collide with ESEP_A_PORT.
  EXPECT_NO_THROW(schema.Add(ConfigKey::String("a-port.x", "", {})));
  EXPECT_EQ(schema.keys().size(), 2u);
}

TEST(ConfigSchemaTest, RejectsBadDefinitions) {
  ConfigSchema schema;
  EXPECT_THROW(schema.Add(ConfigKey::String("nodot", "", {})), std::invalid_argument);
  EXPECT_THROW(schema.Add(ConfigKey::String("a.b.c", "", {})), std::invalid_argument);
  EXPECT_THROW(schema.Add(ConfigKey::String(".b", "", {})), std::invalid_argument);
  EXPECT_THROW(schema.Add(ConfigKey::Int("a.n", 11, 1, 10, {})), std::invalid_argument);
  EXPECT_THROW(schema.Add(ConfigKey::Int("a.m", 5, 10, 1, {})), std::invalid_argument);
  EXPECT_THROW(schema.Add(ConfigKey::Enum("a.e", "x", {}, {})), std::invalid_argument);
  EXPECT_THROW(schema.Add(ConfigKey::Enum("a.f", "x", {"y", "z"}, {})), std::invalid_argument);
  EXPECT_TRUE(schema.keys().empty());
}

TEST(ConfigSchemaTest, EnvCollisionBetweenDashAndUnderscore) {
  ConfigSchema schema;
  schema.Add(ConfigKey::String("a.tls-key", "", {}));
  EXPECT_THROW(schema.Add(ConfigKey::String("a.tls_key", "", {})), std::invalid_argument);
}

TEST(ConfigGetterTest, MisuseThrows) {
  const Result<Config> config = ParseEsep("");
  ASSERT_TRUE(config.ok());
  EXPECT_THROW((void)config->GetInt("server.nope"), std::out_of_range);
  EXPECT_THROW((void)config->Source("nope"), std::out_of_range);
  EXPECT_THROW((void)config->GetInt("server.listen"), std::logic_error);
  EXPECT_THROW((void)config->GetBool("server.port"), std::logic_error);
  EXPECT_THROW((void)config->GetString("server.port"), std::logic_error);
  EXPECT_THROW((void)config->GetPath("server.listen"), std::logic_error);
  EXPECT_NO_THROW((void)config->GetString("log.file"));  // a path is text too
}

}  // namespace
}  // namespace esep::core
