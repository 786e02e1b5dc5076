#include "esep/core/config.hpp"

#include "esep/core/log_mask.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace esep::core {
namespace {

using Value = std::variant<std::string, std::int64_t, bool>;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxSuggestionDistance = 2;

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

bool IsValidName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), IsNameChar);
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
  return text;
}

bool IsCommentStart(char c) { return c == '#' || c == ';'; }

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t FindInvalidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = Utf8CharLength(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The closest known key, so that "server.prot" answers "did you mean server.port?".
std::string SuggestKey(const ConfigSchema& schema, std::string_view unknown) {
  const std::string lowered = ToLowerAscii(unknown);
  std::string best;
  std::size_t best_distance = kMaxSuggestionDistance + 1;
  for (const ConfigKey& key : schema.keys()) {
    const std::size_t distance = EditDistance(lowered, key.name);
    if (distance < best_distance) {
      best_distance = distance;
      best = key.name;
    }
  }
  return best;
}

std::string JoinValues(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += ", ";
    out += value;
  }
  return out;
}

Error ConfigError(std::string code, std::string kk, std::string ru, std::string en,
                  std::string field, std::string details = {}) {
  Error error =
      MakeError(std::move(code), std::move(kk), std::move(ru), std::move(en), std::move(field));
  error.details = std::move(details);
  return error;
}

std::string LineLocation(std::string_view source_name, std::size_t line) {
  return fmt::format("{}:{}", source_name, line);
}

// Checks `raw` against the key's type. On failure the Error has no field: the caller knows
// whether the value came from a file line or an environment variable.
Result<Value> ParseValue(const ConfigKey& key, std::string_view raw) {
  const std::string details = fmt::format("key={} value={}", key.name, raw);
  switch (key.type) {
    case ConfigType::kString:
    case ConfigType::kPath:
      return Value(std::string(raw));
    case ConfigType::kInt: {
      std::int64_t number = 0;
      const char* end = raw.data() + raw.size();
      const auto [ptr, ec] = std::from_chars(raw.data(), end, number);
      if (ec != std::errc() || ptr != end || number < key.min || number > key.max) {
        return ConfigError(
            "config.type",
            fmt::format("«{}» мәні {}..{} аралығындағы бүтін сан болуы керек, берілгені: «{}»",
                        key.name, key.min, key.max, raw),
            fmt::format("Значение «{}» должно быть целым числом от {} до {}, получено «{}»",
                        key.name, key.min, key.max, raw),
            fmt::format("'{}' must be an integer from {} to {}, got '{}'", key.name, key.min,
                        key.max, raw),
            {}, details);
      }
      return Value(number);
    }
    case ConfigType::kBool: {
      const std::string lowered = ToLowerAscii(raw);
      if (lowered == "true" || lowered == "yes" || lowered == "on" || lowered == "1") {
        return Value(true);
      }
      if (lowered == "false" || lowered == "no" || lowered == "off" || lowered == "0") {
        return Value(false);
      }
      return ConfigError(
          "config.type",
          fmt::format("«{}» мәні true/false (yes/no, on/off, 1/0) болуы керек, берілгені: «{}»",
                      key.name, raw),
          fmt::format("Значение «{}» должно быть true/false (yes/no, on/off, 1/0), получено «{}»",
                      key.name, raw),
          fmt::format("'{}' must be true/false (yes/no, on/off, 1/0), got '{}'", key.name, raw), {},
          details);
    }
    case ConfigType::kEnum: {
      const std::string lowered = ToLowerAscii(raw);
      for (const std::string& allowed : key.allowed_values) {
        if (ToLowerAscii(allowed) == lowered) return Value(allowed);
      }
      const std::string list = JoinValues(key.allowed_values);
      return ConfigError(
          "config.type",
          fmt::format("«{}» мәні мыналардың бірі болуы керек: {}; берілгені: «{}»", key.name, list,
                      raw),
          fmt::format("Значение «{}» должно быть одним из: {}; получено «{}»", key.name, list, raw),
          fmt::format("'{}' must be one of: {}; got '{}'", key.name, list, raw), {}, details);
    }
  }
  throw std::logic_error("unhandled ConfigType");
}

std::string ValueText(const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return std::get<bool>(value) ? "true" : "false";
}

std::string_view TypeName(ConfigType type) {
  switch (type) {
    case ConfigType::kString:
      return "string";
    case ConfigType::kInt:
      return "int";
    case ConfigType::kBool:
      return "bool";
    case ConfigType::kPath:
      return "path";
    case ConfigType::kEnum:
      return "enum";
  }
  return "unknown";
}

// The value part of "key = value": quoted (with \" and \\) or bare up to a comment that
// starts after whitespace, so that "a#b" keeps its '#' and "8443  # https" loses the note.
Result<std::string> ParseLineValue(std::string_view raw, const std::string& location) {
  const std::string_view value = Trim(raw);
  if (value.empty() || value.front() != '"') {
    std::size_t end = value.size();
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (IsCommentStart(value[i]) && (i == 0 || IsBlank(value[i - 1]))) {
        end = i;
        break;
      }
    }
    return std::string(Trim(value.substr(0, end)));
  }

  std::string out;
  std::size_t i = 1;
  for (; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '"') break;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i + 1 == value.size()) {
      i = value.size();  // a backslash cannot escape the end of the line
      break;
    }
    const char escaped = value[i + 1];
    if (escaped != '"' && escaped != '\\') {
      return ConfigError(
          "config.syntax",
          fmt::format("Тырнақшадағы мәнде тек \\\" және \\\\ рұқсат етілген, берілгені: \\{}",
                      escaped),
          fmt::format("В значении в кавычках допустимы только \\\" и \\\\, встретилось \\{}",
                      escaped),
          fmt::format("Only \\\" and \\\\ escapes are allowed in a quoted value, got \\{}",
                      escaped),
          location);
    }
    out += escaped;
    ++i;
  }
  if (i >= value.size()) {
    return ConfigError("config.unterminated_quote", "Тырнақша жабылмаған", "Не закрыта кавычка",
                       "Unterminated quoted value", location);
  }
  const std::string_view rest = Trim(value.substr(i + 1));
  if (!rest.empty() && !IsCommentStart(rest.front())) {
    return ConfigError("config.syntax", "Жабылған тырнақшадан кейін артық мәтін бар",
                       "Лишний текст после закрывающей кавычки",
                       "Unexpected text after the closing quote", location);
  }
  return out;
}

Error SyntaxError(const std::string& location) {
  return ConfigError("config.syntax",
                     "Жол «кілт = мән», «[бөлім]» немесе түсініктеме (# ...) болуы керек",
                     "Строка должна быть «ключ = значение», «[раздел]» или комментарием (# ...)",
                     "A line must be 'key = value', '[section]' or a comment (# ...)", location);
}

Error EncodingError(const std::string& location) {
  return ConfigError("config.encoding", "Мәтін UTF-8 кодтауында емес; файлды UTF-8 етіп сақтаңыз",
                     "Текст не в кодировке UTF-8; сохраните файл в UTF-8",
                     "The text is not UTF-8; save the file as UTF-8", location);
}

}  // namespace

std::string ConfigEnvName(std::string_view key_name) {
  std::string out = "ESEP_";
  for (const char c : key_name) {
    if (c == '.' || c == '-') {
      out += '_';
    } else if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    } else {
      out += c;
    }
  }
  return out;
}

ConfigKey ConfigKey::String(std::string name, std::string default_value,
                            LocalizedText description) {
  ConfigKey key;
  key.name = std::move(name);
  key.type = ConfigType::kString;
  key.default_value = std::move(default_value);
  key.description = std::move(description);
  return key;
}

ConfigKey ConfigKey::Path(std::string name, std::string default_value, LocalizedText description) {
  ConfigKey key = String(std::move(name), std::move(default_value), std::move(description));
  key.type = ConfigType::kPath;
  return key;
}

ConfigKey ConfigKey::Int(std::string name, std::int64_t default_value, std::int64_t min,
                         std::int64_t max, LocalizedText description) {
  ConfigKey key = String(std::move(name), std::to_string(default_value), std::move(description));
  key.type = ConfigType::kInt;
  key.min = min;
  key.max = max;
  return key;
}

ConfigKey ConfigKey::Bool(std::string name, bool default_value, LocalizedText description) {
  ConfigKey key = String(std::move(name), default_value ? "true" : "false", std::move(description));
  key.type = ConfigType::kBool;
  return key;
}

ConfigKey ConfigKey::Enum(std::string name, std::string default_value,
                          std::vector<std::string> allowed_values, LocalizedText description) {
  ConfigKey key = String(std::move(name), std::move(default_value), std::move(description));
  key.type = ConfigType::kEnum;
  key.allowed_values = std::move(allowed_values);
  return key;
}

ConfigSchema& ConfigSchema::Add(ConfigKey key) {
  const std::size_t dot = key.name.find('.');
  if (dot == std::string::npos || !IsValidName(std::string_view(key.name).substr(0, dot)) ||
      !IsValidName(std::string_view(key.name).substr(dot + 1))) {
    throw std::invalid_argument("config key must be section.key: " + key.name);
  }
  const std::string env_name = ConfigEnvName(key.name);
  for (const ConfigKey& existing : keys_) {
    if (existing.name == key.name || ConfigEnvName(existing.name) == env_name) {
      throw std::invalid_argument("config key clashes with " + existing.name + ": " + key.name);
    }
  }
  if (key.type == ConfigType::kEnum && key.allowed_values.empty()) {
    throw std::invalid_argument("config enum key without values: " + key.name);
  }
  if (key.type == ConfigType::kInt && key.min > key.max) {
    throw std::invalid_argument("config key with min > max: " + key.name);
  }
  if (const Result<Value> parsed = ParseValue(key, key.default_value); !parsed.ok()) {
    throw std::invalid_argument("config key default is invalid: " + parsed.error().message.en);
  }
  keys_.push_back(std::move(key));
  return *this;
}

const ConfigKey* ConfigSchema::Find(std::string_view name) const {
  const auto it = std::find_if(keys_.begin(), keys_.end(),
                               [name](const ConfigKey& key) { return key.name == name; });
  return it == keys_.end() ? nullptr : &*it;
}

bool ConfigSchema::HasSection(std::string_view section) const {
  return std::any_of(keys_.begin(), keys_.end(), [section](const ConfigKey& key) {
    return std::string_view(key.name).substr(0, key.name.find('.')) == section;
  });
}

Environment ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const std::string terminated(name);
    // std::getenv is safe here: nothing in Esep calls setenv once threads are running.
    const char* value = std::getenv(terminated.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Environment MapEnvironment(std::map<std::string, std::string, std::less<>> variables) {
  return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

Result<Config> Config::Load(const std::filesystem::path& path, const ConfigSchema& schema,
                            const Environment& env) {
  const std::string source_name = path.string();
  const auto unreadable = [&](const std::string& reason) {
    return ConfigError(
        "config.unreadable",
        fmt::format("Баптау файлын оқу мүмкін емес: {} ({})", source_name, reason),
        fmt::format("Не удалось прочитать файл конфигурации {} ({})", source_name, reason),
        fmt::format("Cannot read the configuration file {} ({})", source_name, reason), source_name,
        reason);
  };

  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return unreadable(std::make_error_code(std::errc::is_a_directory).message());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int saved_errno = errno;
    return unreadable(std::generic_category().message(saved_errno));
  }
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) {
    const int saved_errno = errno;
    return unreadable(std::generic_category().message(saved_errno));
  }
  return Parse(text, source_name, schema, env);
}

Result<Config> Config::Parse(std::string_view text, std::string_view source_name,
                             const ConfigSchema& schema, const Environment& env) {
  // Windows editors save UTF-8 with a BOM, and UTF-16 when asked for "Unicode"; the first
  // is harmless, the second must be refused rather than read as garbage.
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return EncodingError(LineLocation(source_name, 1));
  }

  Config config;
  for (const ConfigKey& key : schema.keys()) {
    Value value = ParseValue(key, key.default_value).value();
    config.entries_.emplace(key.name, Entry{key.type, std::move(value), "default"});
  }

  std::map<std::string, std::size_t, std::less<>> first_line_of_key;
  std::string section;
  std::size_t line_number = 0;
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view raw_line = text.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    ++line_number;
    if (!raw_line.empty() && raw_line.back() == '\r') raw_line.remove_suffix(1);
    const std::string location = LineLocation(source_name, line_number);

    if (FindInvalidUtf8(raw_line) != std::string_view::npos) return EncodingError(location);
    const std::string_view line = Trim(raw_line);
    if (line.empty() || IsCommentStart(line.front())) continue;

    if (line.front() == '[') {
      const std::size_t close = line.find(']');
      if (close == std::string_view::npos) return SyntaxError(location);
      const std::string_view name = Trim(line.substr(1, close - 1));
      const std::string_view rest = Trim(line.substr(close + 1));
      if (!IsValidName(name) || (!rest.empty() && !IsCommentStart(rest.front()))) {
        return SyntaxError(location);
      }
      if (!schema.HasSection(name)) {
        return ConfigError("config.unknown_section", fmt::format("Белгісіз бөлім [{}]", name),
                           fmt::format("Неизвестный раздел [{}]", name),
                           fmt::format("Unknown section [{}]", name), location,
                           fmt::format("section={}", name));
      }
      section = std::string(name);
      continue;
    }

    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) return SyntaxError(location);
    const std::string_view short_key = Trim(line.substr(0, equals));
    if (!IsValidName(short_key)) return SyntaxError(location);
    if (section.empty()) {
      return ConfigError(
          "config.no_section",
          fmt::format("«{}» кілті ешбір бөлімде емес; алдынан [бөлім] жазыңыз", short_key),
          fmt::format("Ключ «{}» вне раздела; укажите перед ним [раздел]", short_key),
          fmt::format("Key '{}' is outside any section; add a [section] header before it",
                      short_key),
          location, fmt::format("key={}", short_key));
    }
    const std::string key_name = section + "." + std::string(short_key);

    const ConfigKey* key = schema.Find(key_name);
    if (key == nullptr) {
      const std::string suggestion = SuggestKey(schema, key_name);
      Error error = ConfigError("config.unknown_key", fmt::format("Белгісіз кілт «{}»", key_name),
                                fmt::format("Неизвестный ключ «{}»", key_name),
                                fmt::format("Unknown key '{}'", key_name), location,
                                fmt::format("key={}", key_name));
      if (!suggestion.empty()) {
        error.message.kk += fmt::format(" («{}» болуы мүмкін бе?)", suggestion);
        error.message.ru += fmt::format(" (возможно, «{}»?)", suggestion);
        error.message.en += fmt::format(" (did you mean '{}'?)", suggestion);
      }
      return error;
    }

    const auto [previous, inserted] = first_line_of_key.emplace(key_name, line_number);
    if (!inserted) {
      return ConfigError(
          "config.duplicate",
          fmt::format("«{}» кілті қайталанады (алғаш рет {}-жолда)", key_name, previous->second),
          fmt::format("Ключ «{}» повторяется (впервые задан в строке {})", key_name,
                      previous->second),
          fmt::format("Duplicate key '{}' (first set on line {})", key_name, previous->second),
          location, fmt::format("key={} first_line={}", key_name, previous->second));
    }

    Result<std::string> raw_value = ParseLineValue(line.substr(equals + 1), location);
    if (!raw_value.ok()) return raw_value.error();
    Result<Value> value = ParseValue(*key, *raw_value);
    if (!value.ok()) {
      Error error = value.error();
      error.field = location;
      return error;
    }
    Entry& entry = config.entries_.at(key_name);
    entry.value = std::move(value).value();
    entry.source = location;
  }

  for (const ConfigKey& key : schema.keys()) {
    const std::string env_name = ConfigEnvName(key.name);
    const std::optional<std::string> raw = env(env_name);
    if (!raw) continue;
    const std::string location = "env " + env_name;
    if (FindInvalidUtf8(*raw) != std::string_view::npos) return EncodingError(location);
    Result<Value> value = ParseValue(key, *raw);
    if (!value.ok()) {
      Error error = value.error();
      error.message.kk = fmt::format("{} орта айнымалысы: {}", env_name, error.message.kk);
      error.message.ru = fmt::format("Переменная окружения {}: {}", env_name, error.message.ru);
      error.message.en = fmt::format("Environment variable {}: {}", env_name, error.message.en);
      error.field = location;
      return error;
    }
    Entry& entry = config.entries_.at(key.name);
    entry.value = std::move(value).value();
    entry.source = location;
  }
  return config;
}

const Config::Entry& Config::Find(std::string_view key) const {
  const auto it = entries_.find(key);
  if (it == entries_.end()) throw std::out_of_range("unknown config key: " + std::string(key));
  return it->second;
}

const std::string& Config::GetString(std::string_view key) const {
  const Entry& entry = Find(key);
  if (entry.type != ConfigType::kString && entry.type != ConfigType::kEnum &&
      entry.type != ConfigType::kPath) {
    throw std::logic_error(fmt::format("config key {} is {}, not text", key, TypeName(entry.type)));
  }
  return std::get<std::string>(entry.value);
}

std::int64_t Config::GetInt(std::string_view key) const {
  const Entry& entry = Find(key);
  if (entry.type != ConfigType::kInt) {
    throw std::logic_error(fmt::format("config key {} is {}, not int", key, TypeName(entry.type)));
  }
  return std::get<std::int64_t>(entry.value);
}

bool Config::GetBool(std::string_view key) const {
  const Entry& entry = Find(key);
  if (entry.type != ConfigType::kBool) {
    throw std::logic_error(fmt::format("config key {} is {}, not bool", key, TypeName(entry.type)));
  }
  return std::get<bool>(entry.value);
}

std::filesystem::path Config::GetPath(std::string_view key) const {
  const Entry& entry = Find(key);
  if (entry.type != ConfigType::kPath) {
    throw std::logic_error(fmt::format("config key {} is {}, not path", key, TypeName(entry.type)));
  }
  return std::filesystem::path(std::get<std::string>(entry.value));
}

std::string Config::Text(std::string_view key) const { return ValueText(Find(key).value); }

const std::string& Config::Source(std::string_view key) const { return Find(key).source; }

std::vector<std::string> Config::Keys() const {
  std::vector<std::string> keys;
  keys.reserve(entries_.size());
  for (const auto& [name, entry] : entries_) keys.push_back(name);
  return keys;
}

ConfigSchema EsepSchema() {
  ConfigSchema schema;
  schema
      .Add(ConfigKey::String("server.listen", "127.0.0.1",
                             {"Сервер қосылымдарды қабылдайтын мекенжай (IP немесе хост атауы)",
                              "Адрес, на котором сервер принимает соединения (IP или имя хоста)",
                              "Address the server listens on (IP or host name)"}))
      .Add(ConfigKey::Int("server.port", 8443, 1, 65535,
                          {"HTTPS порты", "Порт HTTPS", "HTTPS port"}))
      .Add(ConfigKey::Int("server.workers", 0, 0, 1024,
                          {"Жұмыс ағындарының саны; 0 — әр ядроға сегізден",
                           "Число рабочих потоков; 0 — восемь на ядро процессора",
                           "Worker threads; 0 means eight per CPU core"}))
      .Add(ConfigKey::Path("server.tls_cert", "",
                           {"TLS сертификатының файлы (PEM); бос болса — деректер "
                            "каталогындағы өздігінен қол қойылған сертификат",
                            "Файл сертификата TLS (PEM); пусто — самоподписанный сертификат "
                            "из каталога данных",
                            "TLS certificate file (PEM); empty means the self-signed pair in "
                            "the data directory"}))
      .Add(ConfigKey::Path("server.tls_key", "",
                           {"TLS жабық кілтінің файлы (PEM); бос болса — деректер "
                            "каталогындағы өздігінен қол қойылған жұптың кілті",
                            "Файл закрытого ключа TLS (PEM); пусто — ключ самоподписанной "
                            "пары из каталога данных",
                            "TLS private key file (PEM); empty means the self-signed pair in "
                            "the data directory"}))
      .Add(ConfigKey::String("database.dsn", "",
                             {"PostgreSQL-ге қосылу жолы (libpq DSN немесе URI); бос болса — "
                              "кіріктірілген кластер",
                              "Строка подключения к PostgreSQL (DSN или URI libpq); пусто — "
                              "встроенный кластер",
                              "PostgreSQL connection string (libpq DSN or URI); empty means "
                              "the embedded cluster"}))
      .Add(ConfigKey::Path("database.data_dir", "var/esep",
                           {"Деректер каталогы (кіріктірілген кластер, TLS кілттері)",
                            "Каталог данных (встроенный кластер, ключи TLS)",
                            "Data directory (embedded cluster, TLS keys)"}))
      .Add(ConfigKey::Int(
          "database.pool_size", 8, 1, 256,
          {"Дерекқорға қосылымдар пулының өлшемі", "Размер пула соединений с базой данных",
           "Database connection pool size"}))
      .Add(ConfigKey::Int(
          "jobs.workers", 2, 1, 64,
          {"Фондық тапсырмаларды орындайтын ағындар саны",
           "Число потоков, выполняющих фоновые задания", "Threads that run background jobs"}))
      .Add(ConfigKey::Int("jobs.retention_days", 30, 1, 3650,
                          {"Аяқталған тапсырмалар мен олардың файлдары неше күн сақталады",
                           "Сколько дней хранить завершённые задания и их файлы",
                           "Days finished jobs and their files are kept"}))
      .Add(ConfigKey::Path("forms.dir", "",
                           {"Есеп үлгілерінің каталогы (forms/*.form); бос болса — Esep-пен "
                            "бірге орнатылғандары",
                            "Каталог шаблонов отчётов (forms/*.form); пусто — шаблоны, "
                            "установленные с Esep",
                            "Directory of the report templates (forms/*.form); empty means "
                            "the ones installed with Esep"}))
      .Add(ConfigKey::Enum(
          "log.level", "info", {"trace", "debug", "info", "warn", "error", "off"},
          {"Журналдың ең төменгі деңгейі", "Минимальный уровень журнала", "Minimum log level"}))
      .Add(ConfigKey::Path("log.file", "",
                           {"Журнал файлы (өлшемі бойынша ауыстырылады); бос болса — тек консоль",
                            "Файл журнала (с ротацией по размеру); пусто — только консоль",
                            "Log file (rotated by size); empty means console only"}))
      .Add(ConfigKey::Bool("log.json", false,
                           {"Журналды JSON жолдары ретінде жазу (бір жазба — бір жол)",
                            "Писать журнал в формате JSON Lines (одна запись — одна строка)",
                            "Write the log as JSON lines (one record per line)"}))
      .Add(ConfigKey::Int("log.max_size_mb", 50, 1, 10240,
                          {"Журнал файлының ауыстыруға дейінгі ең үлкен өлшемі, МБ",
                           "Максимальный размер файла журнала до ротации, МБ",
                           "Maximum log file size before rotation, MiB"}))
      .Add(ConfigKey::Int(
          "log.max_files", 10, 1, 1000,
          {"Сақталатын ескі журнал файлдарының саны", "Сколько старых файлов журнала хранить",
           "How many rotated log files to keep"}))
      .Add(ConfigKey::Bool(
          "log.console", true,
          {"Журналды консольге (stderr) шығару", "Выводить журнал в консоль (stderr)",
           "Write the log to the console (stderr)"}));
  return schema;
}

}  // namespace esep::core
