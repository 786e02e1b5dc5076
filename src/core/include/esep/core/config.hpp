#pragma once
/// @file
/// Configuration: an INI-style file (docs/config.md) checked against a schema of known
/// keys, with ESEP_<SECTION>_<KEY> environment variables overriding the file.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "esep/core/result.hpp"
#include "esep/core/text.hpp"

namespace esep::core {

enum class ConfigType {
  kString,
  kInt,   ///< int64 within [min, max]
  kBool,  ///< true/false, yes/no, on/off, 1/0 (any case)
  kPath,
  kEnum,  ///< one of allowed_values (any case; stored as written in allowed_values)
};

/// One key the product understands. The factories below fill it in one call (designated
/// initializers would do, but GCC 12 warns about every member they leave out).
struct ConfigKey {
  std::string name;  ///< "section.key": letters, digits, '_' and '-'
  ConfigType type = ConfigType::kString;
  std::string default_value;  ///< in file syntax; must be valid for the type
  LocalizedText description;
  std::int64_t min = std::numeric_limits<std::int64_t>::min();  ///< kInt only
  std::int64_t max = std::numeric_limits<std::int64_t>::max();  ///< kInt only
  std::vector<std::string> allowed_values;                      ///< kEnum only

  static ConfigKey String(std::string name, std::string default_value, LocalizedText description);
  static ConfigKey Path(std::string name, std::string default_value, LocalizedText description);
  static ConfigKey Int(std::string name, std::int64_t default_value, std::int64_t min,
                       std::int64_t max, LocalizedText description);
  static ConfigKey Bool(std::string name, bool default_value, LocalizedText description);
  static ConfigKey Enum(std::string name, std::string default_value,
                        std::vector<std::string> allowed_values, LocalizedText description);
};

/// "server.port" -> "ESEP_SERVER_PORT": upper-cased, '.' and '-' become '_'.
std::string ConfigEnvName(std::string_view key_name);

/// The set of known keys. A key not in the schema is an error in the file, so typos are
/// caught at start-up rather than silently ignored.
class ConfigSchema {
 public:
  /// Adds a key. Throws std::invalid_argument for a programming error: a malformed name, a
  /// duplicate (or a name whose environment variable collides with another's), a default
  /// that is invalid for the type, an enum without values.
  ConfigSchema& Add(ConfigKey key);

  const ConfigKey* Find(std::string_view name) const;
  bool HasSection(std::string_view section) const;
  /// In the order they were added (the order docs and `esep-admin config` show them).
  const std::vector<ConfigKey>& keys() const& { return keys_; }
  /// By value on a temporary, so `for (auto& key : EsepSchema().keys())` does not dangle.
  std::vector<ConfigKey> keys() && { return std::move(keys_); }

 private:
  std::vector<ConfigKey> keys_;
};

/// Looks up an environment variable; nullopt when it is not set (set-but-empty is "").
/// Injectable so that tests never touch the process environment.
using Environment = std::function<std::optional<std::string>(std::string_view name)>;

/// The real process environment (std::getenv).
Environment ProcessEnvironment();
/// A fixed environment, for tests and tools.
Environment MapEnvironment(std::map<std::string, std::string, std::less<>> variables);

/// Loaded, validated configuration. Every schema key has a value (file, environment or
/// default). Getters throw std::out_of_range for a key not in the schema and
/// std::logic_error for a type mismatch: both are programming errors, since the file was
/// already validated.
class Config {
 public:
  /// Reads and parses `path`. Errors: config.unreadable, config.encoding and everything
  /// Parse reports.
  static Result<Config> Load(const std::filesystem::path& path, const ConfigSchema& schema,
                             const Environment& env = ProcessEnvironment());
  /// Parses `text`; `source_name` prefixes line numbers in errors and Source(). Errors (the
  /// first one found; `field` is "<source>:<line>" or "env <VARIABLE>", `details` names the
  /// key): config.encoding, config.syntax, config.unterminated_quote, config.no_section,
  /// config.unknown_section, config.unknown_key, config.duplicate, config.type.
  static Result<Config> Parse(std::string_view text, std::string_view source_name,
                              const ConfigSchema& schema,
                              const Environment& env = ProcessEnvironment());

  /// kString, kEnum or kPath.
  const std::string& GetString(std::string_view key) const;
  std::int64_t GetInt(std::string_view key) const;
  bool GetBool(std::string_view key) const;
  /// As written: relative paths are relative to the process's working directory.
  std::filesystem::path GetPath(std::string_view key) const;
  /// The value in canonical file syntax, whatever the type ("8443", "true", "info").
  std::string Text(std::string_view key) const;
  /// Where the value came from: "esep.conf:14", "env ESEP_SERVER_PORT" or "default".
  const std::string& Source(std::string_view key) const;
  /// Every key, sorted by name.
  std::vector<std::string> Keys() const;

 private:
  Config() = default;

  struct Entry {
    ConfigType type;
    std::variant<std::string, std::int64_t, bool> value;
    std::string source;
  };

  const Entry& Find(std::string_view key) const;

  std::map<std::string, Entry, std::less<>> entries_;
};

/// The keys of esep-server and esep-admin, documented in docs/config.md.
ConfigSchema EsepSchema();

}  // namespace esep::core
