#pragma once
/// @file
/// Iin and Bin: Kazakhstan's 12-digit identification numbers of people and organisations,
/// validated with the official check-digit algorithm (Government Decree No. 406 of 2007).

#include <compare>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "esep/core/date.hpp"
#include "esep/core/result.hpp"

namespace esep::core {

/// The check digit for the first 11 digits of an IIN or BIN (weights 1..11, then 3..11,1,2
/// when the first pass gives 10). -1 when `first11` is not 11 ASCII digits or both passes
/// give 10 — such numbers are never issued. Test data generators use it too.
int KzCheckDigit(std::string_view first11);

/// True when the text (surrounding spaces ignored) starts with five digits and the fifth is
/// 4, 5 or 6: the official way to tell a BIN from an IIN, whose fifth digit is the tens of
/// the birth day (0..3). Routes an "IIN/BIN" input to the right parser.
bool LooksLikeBin(std::string_view text);

enum class Sex { kMale, kFemale };

struct IinRules {
  /// Accept 0 as the 7th digit (century and sex unknown). Some foreigners are said to get
  /// such IINs; that is unconfirmed, so it is off unless a registry import needs it.
  bool allow_unknown_century = false;
};

/// A person's IIN (ЖСН). Always 12 digits with a correct check digit.
class Iin {
 public:
  /// Surrounding spaces are ignored. Errors (checked in this order): "iin.length",
  /// "iin.not_digits", "iin.checksum", "iin.is_bin" (5th digit 4..6: an organisation's
  /// number), "iin.century" (7th digit not 1..6, or not 0..6 with allow_unknown_century).
  /// A date part that is not a real date is accepted: old and foreigners' IINs have them.
  static Result<Iin> Parse(std::string_view text, std::string_view field = "iin",
                           IinRules rules = {});

  const std::string& str() const { return digits_; }
  /// The birth century as an ordinal: 19 for 18xx, 20 for 19xx, 21 for 20xx; empty for
  /// the 7th digit 0.
  std::optional<int> Century() const;
  /// The four-digit birth year; empty when the century is unknown.
  std::optional<int> BirthYear() const;
  /// Empty when the century is unknown or the first six digits are not a real date; do not
  /// use an IIN as the only source of a birth date.
  std::optional<Date> BirthDate() const;
  /// Empty when the century is unknown. The return type is qualified because the
  /// member's name hides the enum's inside the class.
  std::optional<::esep::core::Sex> Sex() const;
  /// "90********17": for logs. The birth date is personal data too, so only the first and
  /// last two digits stay.
  std::string Mask() const;

  friend bool operator==(const Iin&, const Iin&) = default;
  friend auto operator<=>(const Iin&, const Iin&) = default;

 private:
  explicit Iin(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

enum class BinKind {
  kResidentLegalEntity,         ///< 4 (state institutions are here)
  kNonResidentLegalEntity,      ///< 5
  kJointIndividualEntrepreneur  ///< 6: an individual entrepreneur in joint enterprise
};

enum class BinDivision {
  kHeadOffice,            ///< 0: the legal entity itself (or the joint entrepreneur)
  kBranch,                ///< 1
  kRepresentativeOffice,  ///< 2
  kPeasantFarm            ///< 3: a peasant (farm) household in joint enterprise
};

/// An organisation's BIN (БСН). Always 12 digits with a correct check digit, a known kind
/// and division, and a registration month 01..12.
class Bin {
 public:
  /// Surrounding spaces are ignored. Errors (checked in this order): "bin.length",
  /// "bin.not_digits", "bin.checksum", "bin.kind" (5th digit not 4..6), "bin.division"
  /// (6th digit not 0..3), "bin.month" (3rd-4th digits not 01..12).
  static Result<Bin> Parse(std::string_view text, std::string_view field = "bin");

  const std::string& str() const { return digits_; }
  /// Four-digit year from the first two digits: 90..99 are 1990s (registrations under
  /// independent Kazakhstan's registry start in the 1990s), 00..89 are 2000s.
  int RegistrationYear() const;
  unsigned RegistrationMonth() const;
  BinKind Kind() const;
  BinDivision Division() const;

  friend bool operator==(const Bin&, const Bin&) = default;
  friend auto operator<=>(const Bin&, const Bin&) = default;

 private:
  explicit Bin(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

/// Writes Mask(): an IIN streamed into a log or a test failure never shows in full.
std::ostream& operator<<(std::ostream& out, const Iin& iin);
std::ostream& operator<<(std::ostream& out, const Bin& bin);

}  // namespace esep::core

template <>
struct std::hash<esep::core::Iin> {
  std::size_t operator()(const esep::core::Iin& iin) const noexcept {
    return std::hash<std::string>{}(iin.str());
  }
};

template <>
struct std::hash<esep::core::Bin> {
  std::size_t operator()(const esep::core::Bin& bin) const noexcept {
    return std::hash<std::string>{}(bin.str());
  }
};
