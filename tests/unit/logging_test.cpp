#include "esep/core/logging.hpp"

#include "esep/core/config.hpp"
#include "esep/core/log_mask.hpp"

#include <gtest/gtest.h>
#include <spdlog/details/os.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace esep::core {
namespace {

namespace fs = std::filesystem;

// --- A tiny JSON reader: one flat object of string and integer values ----------------------
// Strict on purpose (raw control characters, bad escapes and malformed UTF-8 are rejected),
// so that a formatter bug shows up as a parse failure.

class FlatJsonReader {
 public:
  explicit FlatJsonReader(std::string_view text) : text_(text) {}

  std::optional<std::map<std::string, std::string>> Read() {
    std::map<std::string, std::string> fields;
    SkipSpace();
    if (!Consume('{')) return std::nullopt;
    SkipSpace();
    if (Consume('}')) return Finish(fields);
    while (true) {
      SkipSpace();
      std::optional<std::string> key = String();
      if (!key) return std::nullopt;
      SkipSpace();
      if (!Consume(':')) return std::nullopt;
      SkipSpace();
      std::optional<std::string> value =
          pos_ < text_.size() && text_[pos_] == '"' ? String() : Integer();
      if (!value || !fields.emplace(*key, *value).second) return std::nullopt;
      SkipSpace();
      if (Consume('}')) return Finish(fields);
      if (!Consume(',')) return std::nullopt;
    }
  }

 private:
  std::optional<std::map<std::string, std::string>> Finish(
      std::map<std::string, std::string>& fields) {
    SkipSpace();
    if (pos_ != text_.size()) return std::nullopt;
    return std::move(fields);
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  bool Consume(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  std::optional<std::string> Integer() {
    const std::size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    if (pos_ == start) return std::nullopt;
    return std::string(text_.substr(start, pos_ - start));
  }

  std::optional<std::string> String() {
    if (!Consume('"')) return std::nullopt;
    std::string out;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      const auto byte = static_cast<unsigned char>(c);
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (byte < 0x20) return std::nullopt;
      if (byte >= 0x80) {
        const std::size_t length = Utf8CharLength(text_, pos_);
        if (length == 0) return std::nullopt;
        out.append(text_.substr(pos_, length));
        pos_ += length;
        continue;
      }
      ++pos_;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) return std::nullopt;
      const char escaped = text_[pos_++];
      switch (escaped) {
        case '"':
        case '\\':
        case '/':
          out += escaped;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          if (pos_ + 4 > text_.size()) return std::nullopt;
          const unsigned long code = std::stoul(std::string(text_.substr(pos_, 4)), nullptr, 16);
          pos_ += 4;
          AppendUtf8(out, code);
          break;
        }
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // Basic Multilingual Plane only; the writer never emits surrogate escapes.
  static void AppendUtf8(std::string& out, unsigned long code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<std::map<std::string, std::string>> ParseJsonLine(std::string_view line) {
  return FlatJsonReader(line).Read();
}

TEST(FlatJsonReaderTest, RejectsWhatIsNotJson) {
  // The reader is the oracle of the JSON tests below, so it must itself be able to say no.
  EXPECT_TRUE(ParseJsonLine(R"({"a":"b","n":12})").has_value());
  EXPECT_FALSE(ParseJsonLine(R"({"a":"b" "n":12})").has_value());
  EXPECT_FALSE(ParseJsonLine(R"({"a":"b\"})").has_value());
  EXPECT_FALSE(ParseJsonLine("{\"a\":\"tab\there\"}").has_value());
  EXPECT_FALSE(ParseJsonLine(R"({"a":"\q"})").has_value());
  EXPECT_FALSE(ParseJsonLine("{\"a\":\"\xFF\"}").has_value());
  EXPECT_FALSE(ParseJsonLine(R"({"a":"b"} x)").has_value());
  EXPECT_EQ(ParseJsonLine(R"({"a":"x\u0001\u00e9\"\\"})")->at("a"), "x\x01\xC3\xA9\"\\");
}

// --- Fixture --------------------------------------------------------------------------------

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> ReadLines(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream in(ReadFile(path));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// ISO 8601 UTC with milliseconds, the way the JSON formatter writes "ts".
std::string UtcNow() {
  const auto now = std::chrono::system_clock::now();
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now.time_since_epoch());
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch() - seconds);
  const auto time = static_cast<std::time_t>(seconds.count());
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  char result[40];
  std::snprintf(result, sizeof result, "%s.%03dZ", buffer, static_cast<int>(millis.count()));
  return result;
}

class LoggingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("esep_logging_test_" + std::to_string(random()));
    fs::create_directories(dir_);
  }

  void TearDown() override {
    // Release the files before deleting them; "off" keeps other tests' output quiet.
    LogOptions quiet;
    quiet.level = "off";
    ASSERT_TRUE(InitLogging(quiet).ok());
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  LogOptions FileOptions(bool json) const {
    LogOptions options;
    options.level = "trace";
    options.console = false;
    options.file = log_file();
    options.json = json;
    return options;
  }

  fs::path log_file() const { return dir_ / "esep.log"; }

  static void Flush() { spdlog::default_logger()->flush(); }

  fs::path dir_;
};

// --- JSON lines -----------------------------------------------------------------------------

TEST_F(LoggingTest, JsonLineHasAllFieldsAndEscapesTheMessage) {
  ASSERT_TRUE(InitLogging(FileOptions(true)).ok());
  const std::string message =
      "quote \" backslash \\ tab \t newline \n cr \r bell \x07 del \x7f Сәлем ₸ 😀 {} end";
  const std::string before = UtcNow();
  spdlog::info("{}", message);
  Flush();
  const std::string after = UtcNow();

  const std::vector<std::string> lines = ReadLines(log_file());
  ASSERT_EQ(lines.size(), 1u) << "the embedded newline must be escaped";
  const auto fields = ParseJsonLine(lines[0]);
  ASSERT_TRUE(fields.has_value()) << lines[0];
  EXPECT_EQ(fields->size(), 5u);
  EXPECT_EQ(fields->at("msg"), message);
  EXPECT_EQ(fields->at("level"), "info");
  EXPECT_EQ(fields->at("logger"), "esep");
  EXPECT_EQ(fields->at("thread"), std::to_string(spdlog::details::os::thread_id()));
  const std::string& ts = fields->at("ts");
  EXPECT_TRUE(std::regex_match(ts, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"))) << ts;
  // Lexicographic order of ISO timestamps is time order: this pins "ts" to UTC and now.
  EXPECT_LE(before, ts);
  EXPECT_LE(ts, after);
  // UTF-8 is written as is, not as \u escapes.
  EXPECT_NE(lines[0].find("Сәлем ₸ 😀"), std::string::npos);
  EXPECT_NE(lines[0].find(R"(\u0007)"), std::string::npos);
  EXPECT_EQ(lines[0].rfind(R"({"ts":")", 0), 0u);
}

TEST_F(LoggingTest, JsonLevelNames) {
  ASSERT_TRUE(InitLogging(FileOptions(true)).ok());
  spdlog::trace("t");
  spdlog::debug("d");
  spdlog::info("i");
  spdlog::warn("w");
  spdlog::error("e");
  spdlog::critical("c");
  Flush();
  std::vector<std::string> levels;
  for (const std::string& line : ReadLines(log_file())) {
    const auto fields = ParseJsonLine(line);
    ASSERT_TRUE(fields.has_value()) << line;
    levels.push_back(fields->at("level"));
  }
  EXPECT_EQ(levels,
            (std::vector<std::string>{"trace", "debug", "info", "warn", "error", "critical"}));
}

TEST_F(LoggingTest, JsonReplacesInvalidUtf8SoTheLineStillParses) {
  ASSERT_TRUE(InitLogging(FileOptions(true)).ok());
  spdlog::info("cp1251 \xCF\xEE\xF0\xF2 end");
  Flush();
  const std::vector<std::string> lines = ReadLines(log_file());
  ASSERT_EQ(lines.size(), 1u);
  const auto fields = ParseJsonLine(lines[0]);
  ASSERT_TRUE(fields.has_value()) << lines[0];
  EXPECT_EQ(fields->at("msg"), "cp1251 \uFFFD\uFFFD\uFFFD\uFFFD end");
}

// --- Masking on every sink ------------------------------------------------------------------

TEST_F(LoggingTest, JsonFileIsMasked) {
  ASSERT_TRUE(InitLogging(FileOptions(true)).ok());
  const std::string name = "Иванов Иван Иванович";
  spdlog::info("employee {} iin {} bin={}", SensitiveName{name}, "900101300517", 403400045677LL);
  Flush();
  const std::string text = ReadFile(log_file());
  EXPECT_EQ(text.find("900101300517"), std::string::npos) << text;
  EXPECT_EQ(text.find("403400045677"), std::string::npos) << text;
  EXPECT_EQ(text.find("Иванов"), std::string::npos) << text;
  const auto fields = ParseJsonLine(ReadLines(log_file()).at(0));
  ASSERT_TRUE(fields.has_value());
  EXPECT_EQ(fields->at("msg"), "employee И*** И*** И*** iin 90********17 bin=40********77");
}

TEST_F(LoggingTest, PlainFileIsMaskedAndReadable) {
  ASSERT_TRUE(InitLogging(FileOptions(false)).ok());
  spdlog::warn("payslip for {} (IIN:900101300517) not sent", SensitiveName{"Әлиев Нұрлан"});
  Flush();
  const std::vector<std::string> lines = ReadLines(log_file());
  ASSERT_EQ(lines.size(), 1u);
  const std::string& line = lines[0];
  EXPECT_EQ(line.find("900101300517"), std::string::npos) << line;
  EXPECT_EQ(line.find("Әлиев"), std::string::npos) << line;
  EXPECT_NE(line.find("payslip for Ә*** Н*** (IIN:90********17) not sent"), std::string::npos)
      << line;
  EXPECT_NE(line.find(" warn [esep] "), std::string::npos) << line;
  EXPECT_TRUE(std::regex_search(
      line, std::regex(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d warn)")))
      << line;
}

TEST_F(LoggingTest, ConsoleIsMasked) {
  LogOptions options;
  options.level = "info";
  options.console = true;
  ::testing::internal::CaptureStderr();
  const Status status = InitLogging(options);
  spdlog::info("console iin 900101300517 for {}", SensitiveName{"Petrov Petr"});
  Flush();
  const std::string output = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(output.find("900101300517"), std::string::npos) << output;
  EXPECT_EQ(output.find("Petrov"), std::string::npos) << output;
  EXPECT_NE(output.find("console iin 90********17 for P*** P***"), std::string::npos) << output;
}

TEST_F(LoggingTest, ConsoleAndFileTogetherAreBothMaskedAndJson) {
  LogOptions options = FileOptions(true);
  options.console = true;
  ::testing::internal::CaptureStderr();
  const Status status = InitLogging(options);
  spdlog::info("both 900101300517");
  Flush();
  const std::string console = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(status.ok());
  const auto from_console = ParseJsonLine(console.substr(0, console.find('\n')));
  ASSERT_TRUE(from_console.has_value()) << console;
  EXPECT_EQ(from_console->at("msg"), "both 90********17");
  const auto from_file = ParseJsonLine(ReadLines(log_file()).at(0));
  ASSERT_TRUE(from_file.has_value());
  EXPECT_EQ(from_file->at("msg"), "both 90********17");
}

// --- Level, rotation, lifecycle -------------------------------------------------------------

TEST_F(LoggingTest, LevelFilters) {
  LogOptions options = FileOptions(false);
  options.level = "warn";
  ASSERT_TRUE(InitLogging(options).ok());
  spdlog::debug("hidden-debug");
  spdlog::info("hidden-info");
  spdlog::warn("shown-warn");
  spdlog::error("shown-error");
  Flush();
  const std::string text = ReadFile(log_file());
  EXPECT_EQ(text.find("hidden"), std::string::npos) << text;
  EXPECT_NE(text.find("shown-warn"), std::string::npos) << text;
  EXPECT_NE(text.find("shown-error"), std::string::npos) << text;
}

TEST_F(LoggingTest, LevelOffWritesNothing) {
  LogOptions options = FileOptions(false);
  options.level = "off";
  ASSERT_TRUE(InitLogging(options).ok());
  spdlog::critical("nothing");
  Flush();
  EXPECT_EQ(ReadFile(log_file()), "");
}

TEST_F(LoggingTest, WarningsAreFlushedAtOnce) {
  ASSERT_TRUE(InitLogging(FileOptions(false)).ok());
  spdlog::warn("flushed-without-asking");
  EXPECT_NE(ReadFile(log_file()).find("flushed-without-asking"), std::string::npos);
}

TEST_F(LoggingTest, RotatesWhenMaxSizeIsExceeded) {
  LogOptions options = FileOptions(false);
  options.max_size_bytes = 1024;
  options.max_files = 2;
  ASSERT_TRUE(InitLogging(options).ok());
  const std::string padding(80, 'x');
  for (int i = 0; i < 200; ++i) spdlog::info("line {} {}", i, padding);
  Flush();

  const fs::path first = dir_ / "esep.1.log";
  const fs::path second = dir_ / "esep.2.log";
  ASSERT_TRUE(fs::exists(first));
  ASSERT_TRUE(fs::exists(second));
  EXPECT_FALSE(fs::exists(dir_ / "esep.3.log")) << "max_files must bound the rotated files";
  for (const fs::path& file : {log_file(), first, second}) {
    EXPECT_LE(fs::file_size(file), 1024u) << file;
    EXPECT_GT(fs::file_size(file), 0u) << file;
  }
  // The newest records are in the current file, older ones in .1.
  EXPECT_NE(ReadFile(log_file()).find("line 199 "), std::string::npos);
  EXPECT_EQ(ReadFile(first).find("line 199 "), std::string::npos);
}

TEST_F(LoggingTest, CreatesParentDirectories) {
  LogOptions options = FileOptions(false);
  options.file = dir_ / "a" / "b" / "esep.log";
  ASSERT_TRUE(InitLogging(options).ok());
  spdlog::warn("deep");
  EXPECT_NE(ReadFile(options.file).find("deep"), std::string::npos);
}

TEST_F(LoggingTest, ReinitSwitchesFiles) {
  ASSERT_TRUE(InitLogging(FileOptions(false)).ok());
  spdlog::warn("to-first");
  LogOptions second = FileOptions(false);
  second.file = dir_ / "second.log";
  ASSERT_TRUE(InitLogging(second).ok());
  spdlog::warn("to-second");
  EXPECT_EQ(ReadFile(log_file()).find("to-second"), std::string::npos);
  EXPECT_NE(ReadFile(second.file).find("to-second"), std::string::npos);
  EXPECT_EQ(spdlog::default_logger()->name(), "esep");
}

// --- Error paths ----------------------------------------------------------------------------

TEST_F(LoggingTest, UnwritablePathIsAnErrorAndKeepsThePreviousLogger) {
  ASSERT_TRUE(InitLogging(FileOptions(false)).ok());
  // A regular file where a directory should be: fails even for root, unlike permissions.
  const fs::path blocker = dir_ / "not_a_dir";
  std::ofstream(blocker) << "x";
  LogOptions options = FileOptions(false);
  options.file = blocker / "logs" / "esep.log";
  const Status status = InitLogging(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "logging.file");
  EXPECT_EQ(status.error().field, "log.file");
  EXPECT_FALSE(status.error().details.empty());
  EXPECT_NE(status.error().message.ru.find(options.file.string()), std::string::npos);
  EXPECT_FALSE(status.error().message.kk.empty());

  spdlog::warn("still-here");
  EXPECT_NE(ReadFile(log_file()).find("still-here"), std::string::npos);
}

TEST_F(LoggingTest, DirectoryAsFileIsAnError) {
  LogOptions options = FileOptions(false);
  options.file = dir_;
  const Status status = InitLogging(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "logging.file");
}

TEST_F(LoggingTest, RejectsBadOptions) {
  LogOptions options = FileOptions(false);
  options.level = "warning";
  Status status = InitLogging(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "logging.level");
  EXPECT_EQ(status.error().field, "log.level");

  options = FileOptions(false);
  options.max_size_bytes = 0;
  status = InitLogging(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "logging.options");

  options = FileOptions(false);
  options.max_files = 0;
  status = InitLogging(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "logging.options");

  options = LogOptions{};
  options.console = false;
  status = InitLogging(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "logging.no_sink");
  EXPECT_FALSE(fs::exists(log_file())) << "nothing is created when the options are rejected";
}

// --- Config and helpers ---------------------------------------------------------------------

TEST(LogOptionsFromConfigTest, MapsEveryLogKey) {
  const Result<Config> config = Config::Parse(
      "[log]\nlevel = error\nfile = /var/log/esep/esep.log\njson = yes\nmax_size_mb = 2\n"
      "max_files = 3\nconsole = off\n",
      "esep.conf", EsepSchema(), MapEnvironment({}));
  ASSERT_TRUE(config.ok()) << config.error().message.en;
  const LogOptions options = LogOptionsFromConfig(*config);
  EXPECT_EQ(options.level, "error");
  EXPECT_EQ(options.file, fs::path("/var/log/esep/esep.log"));
  EXPECT_TRUE(options.json);
  EXPECT_EQ(options.max_size_bytes, 2u * 1024 * 1024);
  EXPECT_EQ(options.max_files, 3u);
  EXPECT_FALSE(options.console);
}

TEST(LogOptionsFromConfigTest, DefaultsMatchLogOptionsDefaults) {
  const Result<Config> config = Config::Parse("", "esep.conf", EsepSchema(), MapEnvironment({}));
  ASSERT_TRUE(config.ok());
  const LogOptions from_config = LogOptionsFromConfig(*config);
  const LogOptions defaults;
  EXPECT_EQ(from_config.level, defaults.level);
  EXPECT_EQ(from_config.console, defaults.console);
  EXPECT_EQ(from_config.file, defaults.file);
  EXPECT_EQ(from_config.json, defaults.json);
  EXPECT_EQ(from_config.max_size_bytes, defaults.max_size_bytes);
  EXPECT_EQ(from_config.max_files, defaults.max_files);
}

TEST(LogOptionsFromConfigTest, EveryConfigLevelIsAcceptedByInitLogging) {
  for (const ConfigKey& key : EsepSchema().keys()) {
    if (key.name != "log.level") continue;
    ASSERT_FALSE(key.allowed_values.empty());
    for (const std::string& level : key.allowed_values) {
      LogOptions options;
      options.level = level;
      ::testing::internal::CaptureStderr();
      const Status status = InitLogging(options);
      (void)::testing::internal::GetCapturedStderr();
      EXPECT_TRUE(status.ok()) << level;
    }
  }
  LogOptions quiet;
  quiet.level = "off";
  ASSERT_TRUE(InitLogging(quiet).ok());
}

TEST(EscapeJsonStringTest, Escapes) {
  EXPECT_EQ(EscapeJsonString(""), "");
  EXPECT_EQ(EscapeJsonString("plain"), "plain");
  EXPECT_EQ(EscapeJsonString("a\"b\\c"), R"(a\"b\\c)");
  EXPECT_EQ(EscapeJsonString("\n\r\t\b\f"), R"(\n\r\t\b\f)");
  EXPECT_EQ(EscapeJsonString(std::string_view("\0\x01\x1f", 3)), R"(\u0000\u0001\u001f)");
  EXPECT_EQ(EscapeJsonString("\x7f/"), "\x7f/");
  EXPECT_EQ(EscapeJsonString("Қазақстан ₸ 😀"), "Қазақстан ₸ 😀");
  EXPECT_EQ(EscapeJsonString("a\xFF"
                             "b"),
            R"(a\ufffdb)");
  EXPECT_EQ(EscapeJsonString("\xD0"), R"(\ufffd)");                      // truncated at the end
  EXPECT_EQ(EscapeJsonString("\xED\xA0\x80"), R"(\ufffd\ufffd\ufffd)");  // surrogate
}

}  // namespace
}  // namespace esep::core
