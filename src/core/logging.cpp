#include "esep/core/logging.hpp"

#include "esep/core/error.hpp"

#include <fmt/format.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <ctime>
#include <iterator>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

namespace esep::core {
namespace {

// %* is our level name (LevelFlag below), so text and JSON logs say "warn", not "warning".
constexpr std::string_view kPlainPattern = "%Y-%m-%d %H:%M:%S.%e %z %^%*%$ [%n] [%t] %v";
// spdlog refuses more; the config allows far fewer anyway.
constexpr std::size_t kMaxRotatedFiles = 200000;

std::string_view LevelName(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
      return "trace";
    case spdlog::level::debug:
      return "debug";
    case spdlog::level::info:
      return "info";
    case spdlog::level::warn:
      return "warn";
    case spdlog::level::err:
      return "error";
    case spdlog::level::critical:
      return "critical";
    case spdlog::level::off:
    case spdlog::level::n_levels:
      break;
  }
  return "off";
}

std::optional<spdlog::level::level_enum> ParseLevel(std::string_view name) {
  for (const auto level :
       {spdlog::level::trace, spdlog::level::debug, spdlog::level::info, spdlog::level::warn,
        spdlog::level::err, spdlog::level::critical, spdlog::level::off}) {
    if (LevelName(level) == name) return level;
  }
  return std::nullopt;
}

void Append(spdlog::memory_buf_t& dest, std::string_view text) {
  dest.append(text.data(), text.data() + text.size());
}

class LevelFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm& /*tm_time*/,
              spdlog::memory_buf_t& dest) override {
    Append(dest, LevelName(msg.level));
  }
  std::unique_ptr<spdlog::custom_flag_formatter> clone() const override {
    return std::make_unique<LevelFlag>();
  }
};

class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const auto since_epoch = msg.time.time_since_epoch();
    const auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
    const auto time = static_cast<std::time_t>(seconds.count());
    std::tm utc{};
    gmtime_r(&time, &utc);

    fmt::format_to(std::back_inserter(dest),
                   R"({{"ts":"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z","level":"{}",)",
                   utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                   utc.tm_sec, millis, LevelName(msg.level));
    Append(dest, R"("logger":")");
    Append(dest,
           EscapeJsonString(std::string_view(msg.logger_name.data(), msg.logger_name.size())));
    Append(dest, R"(","msg":")");
    Append(dest, EscapeJsonString(std::string_view(msg.payload.data(), msg.payload.size())));
    fmt::format_to(std::back_inserter(dest), R"(","thread":{}}})", msg.thread_id);
    dest.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

// Masks the payload, then lets the real formatter lay the record out. Wrapping the
// formatter (not the sink) means no sink can be added that bypasses masking.
class MaskingFormatter final : public spdlog::formatter {
 public:
  explicit MaskingFormatter(std::unique_ptr<spdlog::formatter> inner) : inner_(std::move(inner)) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const std::string masked =
        MaskSensitive(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy = msg;
    copy.payload = spdlog::string_view_t(masked.data(), masked.size());
    inner_->format(copy, dest);
    // The colour sink reads the colour range from the record it passed in, not our copy.
    msg.color_range_start = copy.color_range_start;
    msg.color_range_end = copy.color_range_end;
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<MaskingFormatter>(inner_->clone());
  }

 private:
  std::unique_ptr<spdlog::formatter> inner_;
};

std::unique_ptr<spdlog::formatter> MakeFormatter(bool json) {
  if (json) return std::make_unique<MaskingFormatter>(std::make_unique<JsonFormatter>());
  auto plain = std::make_unique<spdlog::pattern_formatter>();
  plain->add_flag<LevelFlag>('*').set_pattern(std::string(kPlainPattern));
  return std::make_unique<MaskingFormatter>(std::move(plain));
}

Error LogFileError(const std::filesystem::path& file, const std::string& reason) {
  const std::string path = file.string();
  Error error =
      MakeError("logging.file", fmt::format("Журнал файлын ашу мүмкін емес: {} ({})", path, reason),
                fmt::format("Не удалось открыть файл журнала {} ({})", path, reason),
                fmt::format("Cannot open the log file {} ({})", path, reason), "log.file");
  error.details = reason;
  return error;
}

}  // namespace

std::string EscapeJsonString(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const std::size_t length = Utf8CharLength(text, pos);
      if (length == 0) {
        out += "\\ufffd";
        ++pos;
      } else {
        out.append(text.substr(pos, length));
        pos += length;
      }
      continue;
    }
    ++pos;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (byte < 0x20) {
          out += fmt::format("\\u{:04x}", byte);
        } else {
          out += c;
        }
    }
  }
  return out;
}

Status InitLogging(const LogOptions& options) {
  const std::optional<spdlog::level::level_enum> level = ParseLevel(options.level);
  if (!level) {
    return MakeError(
        "logging.level",
        fmt::format("Журнал деңгейі белгісіз: «{}» (trace, debug, info, warn, error, critical, "
                    "off болуы керек)",
                    options.level),
        fmt::format("Неизвестный уровень журнала «{}» (допустимы trace, debug, info, warn, "
                    "error, critical, off)",
                    options.level),
        fmt::format("Unknown log level '{}' (expected trace, debug, info, warn, error, "
                    "critical or off)",
                    options.level),
        "log.level");
  }
  if (options.max_size_bytes == 0) {
    return MakeError("logging.options", "Журнал файлының ең үлкен өлшемі нөлден үлкен болуы керек",
                     "Максимальный размер файла журнала должен быть больше нуля",
                     "The maximum log file size must be greater than zero", "log.max_size_mb");
  }
  if (options.max_files == 0 || options.max_files > kMaxRotatedFiles) {
    return MakeError(
        "logging.options",
        fmt::format("Сақталатын журнал файлдарының саны 1..{} аралығында болуы керек",
                    kMaxRotatedFiles),
        fmt::format("Число хранимых файлов журнала должно быть от 1 до {}", kMaxRotatedFiles),
        fmt::format("The number of kept log files must be from 1 to {}", kMaxRotatedFiles),
        "log.max_files");
  }
  if (!options.console && options.file.empty()) {
    return MakeError(
        "logging.no_sink", "Журнал ешқайда жазылмайды: log.console өшірулі, log.file бос",
        "Журнал никуда не пишется: log.console выключен, log.file пуст",
        "The log goes nowhere: log.console is off and log.file is empty", "log.console");
  }

  std::vector<spdlog::sink_ptr> sinks;
  if (options.console) sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  if (!options.file.empty()) {
    const std::filesystem::path parent = options.file.parent_path();
    if (!parent.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(parent, ec);
      if (ec) return LogFileError(options.file, ec.message());
    }
    try {
      sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          options.file.string(), options.max_size_bytes, options.max_files));
    } catch (const spdlog::spdlog_ex& e) {
      return LogFileError(options.file, e.what());
    }
  }
  for (const spdlog::sink_ptr& sink : sinks) sink->set_formatter(MakeFormatter(options.json));

  auto logger =
      std::make_shared<spdlog::logger>(std::string(kLoggerName), sinks.begin(), sinks.end());
  logger->set_level(*level);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
  return Status::Ok();
}

LogOptions LogOptionsFromConfig(const Config& config) {
  constexpr std::size_t kBytesPerMib = std::size_t{1024} * 1024;
  LogOptions options;
  options.level = config.GetString("log.level");
  options.console = config.GetBool("log.console");
  options.file = config.GetPath("log.file");
  options.json = config.GetBool("log.json");
  options.max_size_bytes =
      static_cast<std::size_t>(config.GetInt("log.max_size_mb")) * kBytesPerMib;
  options.max_files = static_cast<std::size_t>(config.GetInt("log.max_files"));
  return options;
}

}  // namespace esep::core
