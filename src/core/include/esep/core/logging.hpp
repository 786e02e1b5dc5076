#pragma once
/// @file
/// Process-wide logging on spdlog: console and size-rotated file, plain text or JSON lines,
/// with personal data masked on every sink.
///
/// Masking. Every record passes MaskSensitive (log_mask.hpp) before any sink writes it, so
/// IINs/BINs are masked wherever they appear in a message. Names cannot be recognised in
/// free text: callers MUST wrap every person's name in SensitiveName,
///   spdlog::info("payslip for {} ready", esep::core::SensitiveName{employee.full_name});
/// which prints "И*** И*** И***". Records logged before InitLogging go to spdlog's own
/// default logger unmasked, so InitLogging comes first in main().

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "esep/core/config.hpp"
#include "esep/core/log_mask.hpp"
#include "esep/core/result.hpp"

namespace esep::core {

struct LogOptions {
  /// trace, debug, info, warn, error, critical or off.
  std::string level = "info";
  /// Write to stderr (coloured when it is a terminal).
  bool console = true;
  /// Empty: no file. Otherwise rotated by size: esep.log -> esep.1.log -> esep.2.log ...
  std::filesystem::path file;
  /// One JSON object per line on every sink instead of the plain text pattern:
  /// {"ts":"2026-11-23T10:15:30.123Z","level":"info","logger":"esep","msg":"...","thread":1}
  bool json = false;
  std::size_t max_size_bytes = std::size_t{50} * 1024 * 1024;
  /// Rotated files kept besides the current one.
  std::size_t max_files = 10;
};

/// Name of the logger InitLogging installs as spdlog's default.
inline constexpr std::string_view kLoggerName = "esep";

/// Replaces spdlog's default logger with "esep" built from `options`; the previous default
/// (and the files it held open) is released. Creates the log file's parent directories.
/// Records at warn and above are flushed at once; lower ones when the buffer fills or on
/// spdlog::default_logger()->flush(). Errors: logging.level (unknown level),
/// logging.options (zero size or file count), logging.no_sink (console off and no file),
/// logging.file (the directory or the file cannot be created or opened). On error the
/// previous logger stays in place.
Status InitLogging(const LogOptions& options);

/// The log.* keys of EsepSchema() as LogOptions (log.max_size_mb is in MiB).
LogOptions LogOptionsFromConfig(const Config& config);

/// `text` as the inside of a JSON string: '"', '\\' and control characters escaped, UTF-8
/// kept as is, and each byte that is not well-formed UTF-8 replaced by U+FFFD so that a
/// stray Windows-1251 byte cannot make the line unparseable.
std::string EscapeJsonString(std::string_view text);

}  // namespace esep::core
