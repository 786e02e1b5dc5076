#include "esep/core/error.hpp"

#include <utility>

namespace esep::core {

Error MakeError(std::string code, std::string kk, std::string ru, std::string en,
                std::string field) {
  return Error{std::move(code),
               LocalizedText{std::move(kk), std::move(ru), std::move(en)},
               std::move(field),
               {}};
}

ErrorException::ErrorException(Error error)
    : std::runtime_error(error.code + ": " + error.message.en), error_(std::move(error)) {}

}  // namespace esep::core
