#pragma once
/// @file
/// The error value every user-visible failure is carried in: a stable code, a message in
/// kk/ru/en, and the field (or row/column) it concerns.

#include <stdexcept>
#include <string>

#include "esep/core/text.hpp"

namespace esep::core {

/// An expected failure (bad input, a closed period, a missing reference). `code` is stable
/// and machine-readable ("money.overflow", "iin.checksum"); `field` names what the user
/// must fix ("amount", "rows[12].iin", "config.toml:14 server.port"), empty when none.
struct Error {
  std::string code;
  LocalizedText message;
  std::string field;
  /// Extra machine-readable facts (e.g. the offending value), free-form, may be empty.
  std::string details;

  bool operator==(const Error&) const = default;
};

/// Builds an Error; the three messages are required so that no language is forgotten.
Error MakeError(std::string code, std::string kk, std::string ru, std::string en,
                std::string field = {});

/// Thrown where an Error must end the whole operation (e.g. money overflow inside an
/// arithmetic expression). Catch it at the operation boundary and report `error()`.
class ErrorException : public std::runtime_error {
 public:
  explicit ErrorException(Error error);
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

}  // namespace esep::core
